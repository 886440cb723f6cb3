// Time zones without a library: meetings are typed in the prospect's IANA zone and stored in UTC.

/** True for a zone the runtime knows ("Europe/Paris"), false for anything else. */
export function isValidTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

// Building an Intl.DateTimeFormat costs far more than using one: a CSV import converts thousands of times.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    if (formatters.size < 1000) formatters.set(timeZone, f);
  }
  return f;
}

function partsIn(date: Date, timeZone: string) {
  const f = formatter(timeZone);
  const p = Object.fromEntries(f.formatToParts(date).map((x) => [x.type, x.value]));
  return { y: +p.year, m: +p.month, d: +p.day, h: +p.hour % 24, min: +p.minute, s: +p.second };
}

// Offsets already computed, per zone and minute since 1970 (every zone change since then falls on a whole minute):
// a CSV import converts 100,000 times, mostly at a few hundred distinct minutes, and formatToParts is the cost.
const offsets = new Map<string, number>();

/** Offset of the zone from UTC at that instant, in milliseconds (Paris in winter: +3,600,000). */
function offsetAt(date: Date, timeZone: string) {
  const t = date.getTime();
  const key = t >= 0 ? `${timeZone}|${Math.floor(t / 60_000)}` : null;
  const known = key ? offsets.get(key) : undefined;
  if (known !== undefined) return known;
  const p = partsIn(date, timeZone);
  const offset = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - Math.floor(t / 1000) * 1000;
  if (key) {
    if (offsets.size >= 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The UTC instant of a wall-clock time ("2026-12-01T10:00") in a zone; null when the text is not such a time.
 * A time skipped by a DST change moves forward by the gap, as calendars do.
 */
export function zonedToUtc(local: string, timeZone: string): Date | null {
  const m = LOCAL.exec(local.trim());
  if (!m || !isValidTimeZone(timeZone)) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(asUtc);
  if (check.getUTCDate() !== d) return null; // 31 February
  let t = asUtc - offsetAt(new Date(asUtc), timeZone);
  t = asUtc - offsetAt(new Date(t), timeZone);
  return new Date(t);
}

/** The wall-clock time of an instant in a zone, as a datetime-local value ("2026-12-01T10:00"). */
export function utcToZonedInput(date: Date | string, timeZone: string): string {
  const p = partsIn(typeof date === "string" ? new Date(date) : date, isValidTimeZone(timeZone) ? timeZone : "UTC");
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.h)}:${pad(p.min)}`;
}

/** Zones offered in the form (the runtime's full list). */
export function timeZones(): string[] {
  const withSupported = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  return withSupported.supportedValuesOf ? withSupported.supportedValuesOf("timeZone") : ["UTC", "Europe/Paris", "Europe/London", "America/New_York"];
}

/** The zone times are shown in until a user's own is known (the agency's default; the agencies we serve are French). */
export const DEFAULT_TIME_ZONE = "Europe/Paris";
