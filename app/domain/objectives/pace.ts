// Pace: actual against expected to date, counted in working days (Mon-Fri, the campaign's days off excluded),
// the linear projection at period end, and a status from the agency's thresholds. A day counts as elapsed once over.
import { addDays, daysBetween, weekday, type Day } from "./dates";
import type { Aggregation } from "./metrics";
import type { Period } from "./periods";

export type PaceStatus = "NOT_STARTED" | "ON_TRACK" | "AT_RISK" | "OFF_TRACK" | "NO_DATA";
export type Thresholds = { onTrackPct: number; atRiskPct: number };
export const DEFAULT_THRESHOLDS: Thresholds = { onTrackPct: 95, atRiskPct: 80 };
/** No day off (shared: never modified). */
export const NO_DAYS_OFF: ReadonlySet<Day> = new Set<Day>();

export function isWorkingDay(day: Day, daysOff: ReadonlySet<Day>) {
  return weekday(day) < 5 && !daysOff.has(day);
}

/** Working days from `from` to `to`, both included (0 when to < from). */
export function workingDays(from: Day, to: Day, daysOff: ReadonlySet<Day> = new Set()): number {
  if (to < from) return 0;
  // Whole weeks count 5 each; the remaining days start on `from`'s weekday. Then the days off that fall on a weekday.
  const n = daysBetween(from, to) + 1;
  let count = Math.floor(n / 7) * 5;
  const first = weekday(from);
  for (let i = 0; i < n % 7; i += 1) if ((first + i) % 7 < 5) count += 1;
  for (const d of daysOff) if (d >= from && d <= to && weekday(d) < 5) count -= 1;
  return count;
}

export type Pace = {
  status: PaceStatus;
  /** The period is over: actual is its final result. */
  final: boolean;
  actual: number | null;
  target: number;
  /** Expected to date (sums) or the target itself (ratios). */
  expected: number | null;
  /** Linear projection at period end (sums) or the current rate (ratios). */
  projection: number | null;
  elapsedDays: number;
  totalDays: number;
  /** actual / expected, in % (null when nothing is expected yet). */
  ratioPct: number | null;
};

export function statusOf(ratioPct: number | null, t: Thresholds): PaceStatus {
  if (ratioPct === null) return "ON_TRACK";
  if (ratioPct >= t.onTrackPct) return "ON_TRACK";
  if (ratioPct >= t.atRiskPct) return "AT_RISK";
  return "OFF_TRACK";
}

/** The pace of one period on `today` (the agency's date). */
export function pace(input: {
  aggregation: Aggregation;
  target: number;
  actual: number | null;
  period: Period;
  today: Day;
  daysOff?: ReadonlySet<Day>;
  thresholds?: Thresholds;
}): Pace {
  const daysOff = input.daysOff ?? NO_DAYS_OFF;
  return paceOf(input.aggregation, input.target, input.actual, input.period, input.today, input.thresholds ?? DEFAULT_THRESHOLDS, daysOff, null);
}

/**
 * pace() with positional arguments and an optional memoised working-day count (app/domain/objectives/pacer.ts): one
 * allocation per call, the result (a home paces a thousand objectives per request).
 */
export function paceOf(
  aggregation: Aggregation, target: number, actual: number | null, period: Period, today: Day, t: Thresholds,
  daysOff: ReadonlySet<Day>, count: ((from: Day, to: Day) => number) | null,
): Pace {
  const totalDays = count ? count(period.start, period.end) : workingDays(period.start, period.end, daysOff);
  const final = today > period.end;
  const elapsedDays = final ? totalDays : count ? count(period.start, addDays(today, -1)) : workingDays(period.start, addDays(today, -1), daysOff);
  if (today < period.start) {
    return { final, actual, target, elapsedDays, totalDays, status: "NOT_STARTED", expected: aggregation === "sum" ? 0 : target, projection: null, ratioPct: null };
  }

  if (aggregation === "ratio") {
    // A rate reads against its target directly, whatever the day of the period.
    if (actual === null) return { final, actual, target, elapsedDays, totalDays, status: "NO_DATA", expected: target, projection: null, ratioPct: null };
    const ratioPct = target > 0 ? (actual / target) * 100 : 100;
    return { final, actual, target, elapsedDays, totalDays, status: statusOf(ratioPct, t), expected: target, projection: actual, ratioPct };
  }

  const a = actual ?? 0;
  // A zero target is met by anything; a period with no working day expects its whole target at once.
  const expected = totalDays > 0 ? (target * elapsedDays) / totalDays : final ? target : 0;
  const projection = final ? a : elapsedDays > 0 ? (a * totalDays) / elapsedDays : null;
  const ratioPct = target <= 0 ? 100 : expected > 0 ? (a / expected) * 100 : null;
  return { final, actual: a, target, elapsedDays, totalDays, status: statusOf(ratioPct, t), expected, projection, ratioPct };
}

/** The expected line of a sum metric, day by day (for the chart): cumulative target share at the end of each day. */
export function expectedLine(target: number, period: Period, daysOff: ReadonlySet<Day> = new Set()) {
  const total = workingDays(period.start, period.end, daysOff);
  const out: { day: Day; expected: number }[] = [];
  let done = 0;
  for (let d = period.start; d <= period.end; d = addDays(d, 1)) {
    if (isWorkingDay(d, daysOff)) done += 1;
    out.push({ day: d, expected: total > 0 ? (target * done) / total : target });
  }
  return out;
}
