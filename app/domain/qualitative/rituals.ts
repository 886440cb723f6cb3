// The Animation of an O-V-A objective: its follow-up ritual, its cadence, and when the next one is due.
import { addDays, addMonths, daysBetween, type Day } from "~/domain/objectives/dates";

export const RITUALS = ["call_review", "hot_debrief", "one_to_one", "peer_feedback", "team_session"] as const;
export type Ritual = (typeof RITUALS)[number];
export const CADENCES = ["weekly", "biweekly", "monthly"] as const;
export type Cadence = (typeof CADENCES)[number];

export function nextAfter(day: Day, cadence: Cadence): Day {
  if (cadence === "weekly") return addDays(day, 7);
  if (cadence === "biweekly") return addDays(day, 14);
  const next = addMonths(day, 1);
  // Keep the day of month when the next month has it, else its last day.
  const want = Number(day.slice(8, 10));
  const lastOfNext = Number(addDays(addMonths(next, 1), -1).slice(8, 10));
  return `${next.slice(0, 8)}${String(Math.min(want, lastOfNext)).padStart(2, "0")}`;
}

export type RitualStatus = {
  /** When the next ritual is due. */
  due: Day;
  state: "upcoming" | "due" | "overdue";
  /** How many due dates went by with no ritual held since the last one. */
  skipped: number;
  /** Two skipped rituals in a row: nobody animates this objective. */
  notAnimated: boolean;
};

/**
 * From the objective's start, its cadence and the days rituals were held (assessments recorded from the ritual):
 * the next due date is one cadence after the last ritual (or the start); each further cadence that passes with
 * nothing held counts as skipped. Due = today is the due date (or within the 2 days before); overdue = past it.
 */
export function ritualStatus(args: { start: Day; cadence: Cadence; held: Day[]; today: Day }): RitualStatus {
  const last = args.held.filter((d) => d <= args.today).sort().at(-1);
  const from = last ?? args.start;
  let due = nextAfter(from, args.cadence);
  let skipped = 0;
  while (due < args.today) {
    const after = nextAfter(due, args.cadence);
    if (after > args.today) break;
    skipped += 1;
    due = after;
  }
  // `due` is now the earliest date not yet past by a whole cadence; if it is in the past it counts as one skip too.
  const overdue = due < args.today;
  if (overdue) skipped += 1;
  const state = overdue ? "overdue" : daysBetween(args.today, due) <= 2 ? "due" : "upcoming";
  return { due, state, skipped, notAnimated: skipped >= 2 };
}
