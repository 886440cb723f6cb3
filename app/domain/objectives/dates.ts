// Calendar days as "YYYY-MM-DD" strings (no time, no zone): periods, working days and the rollup's days.

export type Day = string;
const MS = 86_400_000;

export function toDay(d: Date): Day {
  return d.toISOString().slice(0, 10);
}
export function parseDay(s: Day): Date {
  return new Date(`${s}T00:00:00.000Z`);
}
export function isDay(s: unknown): s is Day {
  return typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(parseDay(s).getTime()) && toDay(parseDay(s)) === s;
}

// Day arithmetic on day numbers (days since 1970-01-01), without a Date object or a string parse: a home paces a
// thousand objectives, each a handful of these (docs/decisions/0061-objectives-pages-cpu.md). Same results as the
// Date-based definitions for every valid day (tests/unit/objectives-dates.test.ts compares them).

/** Days since 1970-01-01 of a valid day. */
export function dayNumber(s: Day): number {
  return Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / MS;
}
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
/** The day of a day number (years 1 to 9999), by the civil-from-days algorithm (H. Hinnant). */
export function fromDayNumber(n: number): Day {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}
export function addDays(s: Day, n: number): Day {
  return n === 0 ? s : fromDayNumber(dayNumber(s) + Math.floor(n));
}
export function daysBetween(from: Day, to: Day): number {
  return dayNumber(to) - dayNumber(from);
}
/** 0 = Monday ... 6 = Sunday. */
export function weekday(s: Day): number {
  return (((dayNumber(s) + 3) % 7) + 7) % 7;
}
export function startOfWeek(s: Day): Day {
  return addDays(s, -weekday(s));
}
export function startOfMonth(s: Day): Day {
  return `${s.slice(0, 7)}-01`;
}
/** The first day of the month `n` months after `s`'s. */
export function addMonths(s: Day, n: number): Day {
  const months = Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1 + n;
  const y = Math.floor(months / 12);
  return `${String(y).padStart(4, "0")}-${pad2(months - y * 12 + 1)}-01`;
}
export function startOfQuarter(s: Day): Day {
  const m = Number(s.slice(5, 7));
  const q = Math.floor((m - 1) / 3) * 3 + 1;
  return `${s.slice(0, 4)}-${String(q).padStart(2, "0")}-01`;
}
export function minDay(a: Day, b: Day): Day {
  return a < b ? a : b;
}
export function maxDay(a: Day, b: Day): Day {
  return a > b ? a : b;
}

// Building an Intl.DateTimeFormat costs far more than using one (every objectives page asks for today).
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date in a time zone. */
export function todayIn(timeZone: string, now = new Date()): Day {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    if (dayFormats.size < 1000) dayFormats.set(timeZone, f);
  }
  return f.format(now);
}
