// The day arithmetic on day numbers (app/domain/objectives/dates.ts) against the Date-based definitions it replaced,
// over every day of four centuries and random offsets: the objectives' pace depends on every one of these.
import { describe, expect, it } from "vitest";
import { addDays, addMonths, dayNumber, daysBetween, fromDayNumber, startOfMonth, weekday } from "~/domain/objectives/dates";

const MS = 86_400_000;
const toDay = (d: Date) => d.toISOString().slice(0, 10);
const parseDay = (s: string) => new Date(`${s}T00:00:00.000Z`);
const ref = {
  addDays: (s: string, n: number) => toDay(new Date(parseDay(s).getTime() + n * MS)),
  daysBetween: (a: string, b: string) => Math.round((parseDay(b).getTime() - parseDay(a).getTime()) / MS),
  weekday: (s: string) => (parseDay(s).getUTCDay() + 6) % 7,
  addMonths: (s: string, n: number) => {
    const d = parseDay(startOfMonth(s));
    d.setUTCMonth(d.getUTCMonth() + n);
    return toDay(d);
  },
};

// A seeded generator, so a failure can be replayed.
function rng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

describe("day arithmetic on day numbers", () => {
  it("reads and writes every day from 1800 to 2200 as the Date-based definitions do", () => {
    const first = dayNumber("1800-01-01");
    expect(first).toBe(ref.daysBetween("1970-01-01", "1800-01-01"));
    const wrong: string[] = [];
    let count = 0;
    for (let n = first, day = "1800-01-01"; day < "2200-01-01"; n += 1, day = ref.addDays(day, 1), count += 1) {
      if (fromDayNumber(n) !== day || dayNumber(day) !== n || weekday(day) !== ref.weekday(day)) wrong.push(day);
    }
    expect(count).toBe(146_097);
    expect(wrong).toEqual([]);
  });

  it("adds days and months, and counts days between, as before", () => {
    const r = rng(20261203);
    const day = () => fromDayNumber(dayNumber("1900-01-01") + Math.floor(r() * 150_000));
    const wrong: unknown[] = [];
    for (let i = 0; i < 20_000; i += 1) {
      const a = day();
      const b = day();
      const n = Math.floor(r() * 4000) - 2000;
      const m = Math.floor(r() * 200) - 100;
      if (addDays(a, n) !== ref.addDays(a, n) || daysBetween(a, b) !== ref.daysBetween(a, b) || addMonths(a, m) !== ref.addMonths(a, m)) wrong.push([a, b, n, m]);
    }
    expect(wrong).toEqual([]);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-01");
    expect(addMonths("2026-01-31", -1)).toBe("2025-12-01");
  });
});
