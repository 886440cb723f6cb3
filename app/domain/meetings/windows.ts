// The review windows of a meeting (issue 9), pure: the dispute window (days) and the attendance rule (hours), counted
// in calendar time or in business days (Monday to Friday, in the agency's time zone), as the definition says.
import { utcToZonedInput, zonedToUtc } from "~/domain/shared/timezone";

export type WindowCounting = { businessDays: boolean; timeZone: string };

/** Calendar counting: what every definition did before the business-day option. */
export const CALENDAR: WindowCounting = { businessDays: false, timeZone: "UTC" };

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Default hours past a meeting's end before, without attendance, it is presumed held. */
export const DEFAULT_ATTENDANCE_RULE_HOURS = 48;
/** How long before the presumption the client attendee and the SDR are reminded. */
export const PRESUMPTION_REMINDER_HOURS = 24;

function localParts(at: Date, timeZone: string) {
  const local = utcToZonedInput(at, timeZone); // "2026-12-04T10:30"
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

function dateShift(date: string, days: number) {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Monday to Friday (the local calendar date, so the zone's own weekday). */
export function isBusinessDate(date: string) {
  const [y, m, d] = date.split("-").map(Number);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd >= 1 && wd <= 5;
}

/**
 * `days` after `from`: 24-hour days in calendar counting; in business days, the same wall-clock time `days` weekdays
 * later in the zone (Friday 10:00 + 1 is Monday 10:00; Saturday 10:00 + 1 is Monday 10:00), whatever the DST changes.
 */
export function addWindowDays(from: Date, days: number, counting: WindowCounting): Date {
  if (!counting.businessDays) return new Date(from.getTime() + days * DAY);
  const { date, time } = localParts(from, counting.timeZone);
  let d = date;
  let left = days;
  while (left > 0) {
    d = dateShift(d, 1);
    if (isBusinessDate(d)) left -= 1;
  }
  const at = zonedToUtc(`${d}T${time}`, counting.timeZone) ?? new Date(from.getTime() + days * DAY);
  return new Date(at.getTime() + (from.getTime() % 60_000));
}

/**
 * `hours` after `from`: elapsed hours in calendar counting; in business days, only the hours that fall on a weekday
 * in the zone count (a meeting on Friday at 17:00 with 48 hours is presumed on Tuesday at 17:00, not on Sunday).
 */
export function addWindowHours(from: Date, hours: number, counting: WindowCounting): Date {
  if (!counting.businessDays) return new Date(from.getTime() + hours * HOUR);
  let cursor = from.getTime();
  let left = hours * HOUR;
  for (let guard = 0; guard < 10_000; guard++) {
    const { date } = localParts(new Date(cursor), counting.timeZone);
    const next = zonedToUtc(`${dateShift(date, 1)}T00:00`, counting.timeZone)!.getTime();
    if (isBusinessDate(date)) {
      if (left <= next - cursor) return new Date(cursor + left);
      left -= next - cursor;
    }
    cursor = next;
  }
  return new Date(cursor + left);
}

/** The end of the dispute window, counted from when the meeting was marked held (or from its time, if later). */
export function reviewDeadline(scheduledAt: Date, markedHeldAt: Date, windowDays: number, counting: WindowCounting = CALENDAR) {
  const from = new Date(Math.max(scheduledAt.getTime(), markedHeldAt.getTime()));
  return addWindowDays(from, windowDays, counting);
}

/** When a meeting without attendance is presumed held: the rule's hours past its end; null when the rule is off. */
export function presumptionAt(scheduledAt: Date, durationMinutes: number, ruleHours: number | null, counting: WindowCounting): Date | null {
  if (ruleHours === null || ruleHours <= 0) return null;
  return addWindowHours(new Date(scheduledAt.getTime() + durationMinutes * 60_000), ruleHours, counting);
}

/** When the reminder before the presumption goes: a day before it (never before the meeting ended). */
export function presumptionReminderAt(scheduledAt: Date, durationMinutes: number, presumeAt: Date): Date {
  const end = scheduledAt.getTime() + durationMinutes * 60_000;
  return new Date(Math.max(end, presumeAt.getTime() - PRESUMPTION_REMINDER_HOURS * HOUR));
}
