// A dashboard's period and its comparison period, as calendar days in the user's time zone.
// Rollup rows are keyed by calendar day, so a period is a closed range of days [start, end]: DST changes never
// shift a boundary (a day is a day whether it has 23, 24 or 25 hours), and "today" is read in the user's zone.
import { periodContaining } from "~/domain/objectives/periods";
import {
  addDays,
  addMonths,
  daysBetween,
  isDay,
  maxDay,
  minDay,
  startOfWeek,
  todayIn,
  type Day,
} from "~/domain/objectives/dates";

export const DASHBOARD_PERIODS = ["week", "month", "lastMonth", "quarter", "campaign", "custom"] as const;
export type DashboardPeriodKind = (typeof DASHBOARD_PERIODS)[number];
export type DayRange = { start: Day; end: Day };
export type DashboardPeriod = { kind: DashboardPeriodKind; current: DayRange; previous: DayRange; days: number };

/** Longest custom range accepted (about three years): keeps the weekly trend and the rollup scan bounded. */
export const MAX_RANGE_DAYS = 1100;

export type PeriodInput = { kind?: string | null; from?: string | null; to?: string | null };
export type PeriodError = "from" | "to" | "order" | "tooLong";

export function isPeriodKind(s: unknown): s is DashboardPeriodKind {
  return typeof s === "string" && (DASHBOARD_PERIODS as readonly string[]).includes(s);
}

/** Number of days in a closed range (a single day counts 1). */
export function lengthOf(r: DayRange): number {
  return daysBetween(r.start, r.end) + 1;
}

/** The range of the same length ending the day before `r` starts. */
export function previousOf(r: DayRange): DayRange {
  const n = lengthOf(r);
  return { start: addDays(r.start, -n), end: addDays(r.start, -1) };
}

/** The current range for a preset kind, on `today` (already a day in the user's zone). */
export function rangeOf(kind: Exclude<DashboardPeriodKind, "custom">, today: Day, campaign: DayRange): DayRange {
  // The calendar periods are the objectives' own (app/domain/objectives/periods.ts): one definition of a week,
  // a month and a quarter for the dashboard, the objectives and the reports.
  switch (kind) {
    case "week":
      return periodContaining("WEEK", today);
    case "month":
      return periodContaining("MONTH", today);
    case "lastMonth":
      return periodContaining("MONTH", addMonths(today, -1));
    case "quarter":
      return periodContaining("QUARTER", today);
    case "campaign":
      return campaign.start <= campaign.end ? campaign : { start: campaign.start, end: campaign.start };
  }
}

/**
 * Reads a period from the query string. Unknown kinds fall back to the default ("month"); a custom range with a
 * bad or missing day, reversed days or more than MAX_RANGE_DAYS answers an error naming the field (the page shows
 * it next to the field and keeps what was typed).
 */
export function resolvePeriod(
  input: PeriodInput,
  opts: { timeZone: string; now?: Date; campaign: { start: Day; end: Day | null } },
): { ok: true; period: DashboardPeriod } | { ok: false; error: PeriodError } {
  const today = todayIn(opts.timeZone, opts.now);
  const campaign: DayRange = { start: opts.campaign.start, end: opts.campaign.end ?? maxDay(today, opts.campaign.start) };
  const kind: DashboardPeriodKind = isPeriodKind(input.kind) ? input.kind : "month";
  let current: DayRange;
  if (kind === "custom") {
    const from = (input.from ?? "").trim();
    const to = (input.to ?? "").trim();
    if (!isDay(from)) return { ok: false, error: "from" };
    if (!isDay(to)) return { ok: false, error: "to" };
    if (to < from) return { ok: false, error: "order" };
    current = { start: from, end: to };
    if (lengthOf(current) > MAX_RANGE_DAYS) return { ok: false, error: "tooLong" };
  } else {
    current = rangeOf(kind, today, campaign);
  }
  return { ok: true, period: { kind, current, previous: previousOf(current), days: lengthOf(current) } };
}

/** Monday-started weeks overlapping a range, each clipped to the range (the weekly trend's buckets). */
export function weeksOf(r: DayRange): DayRange[] {
  const out: DayRange[] = [];
  let start = startOfWeek(r.start);
  while (start <= r.end && out.length < 200) {
    out.push({ start: maxDay(start, r.start), end: minDay(addDays(start, 6), r.end) });
    start = addDays(start, 7);
  }
  return out;
}

/** Change of a figure against the previous period: null when there is nothing to compare with. */
export function changeOf(current: number | null, previous: number | null): { delta: number; ratio: number | null } | null {
  if (current == null || previous == null) return null;
  return { delta: current - previous, ratio: previous === 0 ? null : (current - previous) / previous };
}

/** Sums per-day values into the weekly trend's buckets (days outside the range are ignored). */
export function weeklyTrend<T extends Record<string, number>>(
  r: DayRange,
  days: { day: Day; values: T }[],
  keys: readonly (keyof T)[],
): { week: DayRange; values: Record<keyof T, number> }[] {
  const weeks = weeksOf(r).map((week) => ({ week, values: Object.fromEntries(keys.map((k) => [k, 0])) as Record<keyof T, number> }));
  for (const d of days) {
    if (d.day < r.start || d.day > r.end) continue;
    const w = weeks.find((x) => x.week.start <= d.day && d.day <= x.week.end);
    if (w) for (const k of keys) w.values[k] += d.values[k] ?? 0;
  }
  return weeks;
}
