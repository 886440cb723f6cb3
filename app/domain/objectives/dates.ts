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
export function addDays(s: Day, n: number): Day {
  return toDay(new Date(parseDay(s).getTime() + n * MS));
}
export function daysBetween(from: Day, to: Day): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / MS);
}
/** 0 = Monday ... 6 = Sunday. */
export function weekday(s: Day): number {
  return (parseDay(s).getUTCDay() + 6) % 7;
}
export function startOfWeek(s: Day): Day {
  return addDays(s, -weekday(s));
}
export function startOfMonth(s: Day): Day {
  return `${s.slice(0, 7)}-01`;
}
export function addMonths(s: Day, n: number): Day {
  const d = parseDay(startOfMonth(s));
  d.setUTCMonth(d.getUTCMonth() + n);
  return toDay(d);
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
