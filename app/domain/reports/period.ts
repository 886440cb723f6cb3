// A report's period: a week, a month or a custom range of calendar days in the agency's time zone, never in the
// future; and the schedule's periods.
import { addDays, addMonths, isDay, startOfMonth, weekday, type Day } from "~/domain/objectives/dates";
import { periodContaining } from "~/domain/objectives/periods";
import { lengthOf, MAX_RANGE_DAYS, previousOf, type DayRange } from "~/domain/dashboards/periods";

export type ReportPeriodError = "periodStart" | "periodEnd" | "order" | "future" | "tooLong";

/** Checks a typed period: real days, in order, not ending after today, at most MAX_RANGE_DAYS long. */
export function checkPeriod(start: string, end: string, today: Day): { ok: true; period: DayRange; previous: DayRange } | { ok: false; error: ReportPeriodError } {
  if (!isDay(start)) return { ok: false, error: "periodStart" };
  if (!isDay(end)) return { ok: false, error: "periodEnd" };
  if (end < start) return { ok: false, error: "order" };
  if (end > today) return { ok: false, error: "future" };
  const period = { start, end };
  if (lengthOf(period) > MAX_RANGE_DAYS) return { ok: false, error: "tooLong" };
  return { ok: true, period, previous: previousOf(period) };
}

/** The period a new report starts on: last month (the usual monthly ritual). */
export function defaultReportPeriod(today: Day): DayRange {
  return periodContaining("MONTH", addMonths(startOfMonth(today), -1));
}

export function overlapsRange(a: DayRange, b: DayRange) {
  return a.start <= b.end && b.start <= a.end;
}

export type ScheduleSpec = { cadence: "WEEKLY" | "MONTHLY"; weekday: number | null; monthDay: number | null; time: string };

/**
 * The last closed period a schedule reports on at `today` (agency's day) and `minutes` (agency's time of day), or
 * null when its moment has not come yet in the current cycle. WEEKLY: the 7 days ending on the last `weekday` before
 * the run day. MONTHLY: the previous month, from `monthDay` of this month on.
 */
export function duePeriod(spec: ScheduleSpec, today: Day, minutes: number): DayRange | null {
  const [hh, mm] = spec.time.split(":").map(Number);
  const at = (hh ?? 8) * 60 + (mm ?? 0);
  if (spec.cadence === "WEEKLY") {
    // The week ends on `weekday`; the draft is prepared the day after, at the chosen time.
    const endDay = spec.weekday ?? 7;
    let end = addDays(today, -1);
    while (weekday(end) + 1 !== endDay) end = addDays(end, -1);
    if (end === addDays(today, -1) && minutes < at) end = addDays(end, -7);
    return { start: addDays(end, -6), end };
  }
  const day = Math.min(Math.max(spec.monthDay ?? 1, 1), 28);
  const thisMonth = startOfMonth(today);
  const runDay = addDays(thisMonth, day - 1);
  const ran = today > runDay || (today === runDay && minutes >= at);
  const monthStart = addMonths(thisMonth, ran ? -1 : -2);
  return { start: monthStart, end: addDays(addMonths(monthStart, 1), -1) };
}
