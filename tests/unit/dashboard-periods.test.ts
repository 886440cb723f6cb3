import { describe, expect, it } from "vitest";
import { changeOf, lengthOf, previousOf, rangeOf, resolvePeriod, weeklyTrend, weeksOf } from "~/domain/dashboards/periods";

const campaign = { start: "2026-09-01", end: "2027-03-31" };
const paris = { timeZone: "Europe/Paris", campaign };

describe("dashboard periods in the user's time zone", () => {
  it("reads today in the user's zone: 23:30 UTC on Sunday is already Monday in Paris, still Sunday in New York", () => {
    const now = new Date("2026-12-06T23:30:00Z"); // Sunday 6 December UTC
    const p = resolvePeriod({ kind: "week" }, { ...paris, now });
    expect(p.ok && p.period.current).toEqual({ start: "2026-12-07", end: "2026-12-13" });
    const ny = resolvePeriod({ kind: "week" }, { timeZone: "America/New_York", campaign, now });
    expect(ny.ok && ny.period.current).toEqual({ start: "2026-11-30", end: "2026-12-06" });
  });

  it("a week across the autumn DST change is still seven days, and its previous week the seven before", () => {
    // Paris leaves summer time on Sunday 25 October 2026.
    const now = new Date("2026-10-25T12:00:00Z");
    const p = resolvePeriod({ kind: "week" }, { ...paris, now });
    expect(p.ok && p.period).toMatchObject({
      current: { start: "2026-10-19", end: "2026-10-25" },
      previous: { start: "2026-10-12", end: "2026-10-18" },
      days: 7,
    });
    // Spring: Sunday 29 March 2026.
    const spring = resolvePeriod({ kind: "week" }, { ...paris, now: new Date("2026-03-29T01:30:00Z") });
    expect(spring.ok && spring.period.current).toEqual({ start: "2026-03-23", end: "2026-03-29" });
  });

  it("months end on their last day (February, leap years, 30 and 31 days)", () => {
    expect(rangeOf("month", "2026-02-14", campaign)).toEqual({ start: "2026-02-01", end: "2026-02-28" });
    expect(rangeOf("month", "2028-02-29", campaign)).toEqual({ start: "2028-02-01", end: "2028-02-29" });
    expect(rangeOf("month", "2026-04-30", campaign)).toEqual({ start: "2026-04-01", end: "2026-04-30" });
    expect(rangeOf("month", "2026-12-31", campaign)).toEqual({ start: "2026-12-01", end: "2026-12-31" });
  });

  it("last month, including across the new year, and the previous period has the same length", () => {
    expect(rangeOf("lastMonth", "2027-01-15", campaign)).toEqual({ start: "2026-12-01", end: "2026-12-31" });
    expect(rangeOf("lastMonth", "2026-03-31", campaign)).toEqual({ start: "2026-02-01", end: "2026-02-28" });
    // February (28 days) is compared with the 28 days before it: 4 to 31 January.
    expect(previousOf({ start: "2026-02-01", end: "2026-02-28" })).toEqual({ start: "2026-01-04", end: "2026-01-31" });
    // March (31 days) is compared with the 31 days before it.
    const march = { start: "2026-03-01", end: "2026-03-31" };
    expect(lengthOf(previousOf(march))).toBe(31);
    expect(previousOf(march)).toEqual({ start: "2026-01-29", end: "2026-02-28" });
  });

  it("quarters and the whole campaign", () => {
    expect(rangeOf("quarter", "2026-11-05", campaign)).toEqual({ start: "2026-10-01", end: "2026-12-31" });
    expect(rangeOf("quarter", "2027-03-31", campaign)).toEqual({ start: "2027-01-01", end: "2027-03-31" });
    expect(rangeOf("campaign", "2026-11-05", campaign)).toEqual(campaign);
    const open = resolvePeriod({ kind: "campaign" }, { timeZone: "Europe/Paris", campaign: { start: "2026-09-01", end: null }, now: new Date("2026-11-05T10:00:00Z") });
    expect(open.ok && open.period.current).toEqual({ start: "2026-09-01", end: "2026-11-05" });
    // 66 days (1 September to 5 November) compared with the 66 days before.
    expect(open.ok && open.period.previous).toEqual({ start: "2026-06-27", end: "2026-08-31" });
  });

  it("a custom range is validated field by field; unknown kinds fall back to this month", () => {
    const now = new Date("2026-11-05T10:00:00Z");
    expect(resolvePeriod({ kind: "custom", from: "2026-11-31", to: "2026-12-02" }, { ...paris, now })).toEqual({ ok: false, error: "from" });
    expect(resolvePeriod({ kind: "custom", from: "2026-11-01", to: "" }, { ...paris, now })).toEqual({ ok: false, error: "to" });
    expect(resolvePeriod({ kind: "custom", from: "2026-11-10", to: "2026-11-01" }, { ...paris, now })).toEqual({ ok: false, error: "order" });
    expect(resolvePeriod({ kind: "custom", from: "2020-01-01", to: "2026-11-01" }, { ...paris, now })).toEqual({ ok: false, error: "tooLong" });
    const one = resolvePeriod({ kind: "custom", from: "2026-11-03", to: "2026-11-03" }, { ...paris, now });
    expect(one.ok && one.period).toMatchObject({ days: 1, previous: { start: "2026-11-02", end: "2026-11-02" } });
    const bad = resolvePeriod({ kind: "yesterday" }, { ...paris, now });
    expect(bad.ok && bad.period).toMatchObject({ kind: "month", current: { start: "2026-11-01", end: "2026-11-30" } });
  });

  it("weekly trend buckets are Monday weeks clipped to the range", () => {
    expect(weeksOf({ start: "2026-12-03", end: "2026-12-16" })).toEqual([
      { start: "2026-12-03", end: "2026-12-06" },
      { start: "2026-12-07", end: "2026-12-13" },
      { start: "2026-12-14", end: "2026-12-16" },
    ]);
    expect(weeksOf({ start: "2026-12-28", end: "2027-01-03" })).toEqual([{ start: "2026-12-28", end: "2027-01-03" }]);
  });

  it("change against the previous period", () => {
    expect(changeOf(12, 8)).toEqual({ delta: 4, ratio: 0.5 });
    expect(changeOf(3, 0)).toEqual({ delta: 3, ratio: null });
    expect(changeOf(null, 4)).toBeNull();
  });
});

describe("weekly trend", () => {
  it("adds each day into its clipped Monday week and ignores days outside the range", () => {
    const t = weeklyTrend(
      { start: "2026-12-03", end: "2026-12-13" },
      [
        { day: "2026-12-02", values: { booked: 9, held: 9 } },
        { day: "2026-12-03", values: { booked: 1, held: 0 } },
        { day: "2026-12-06", values: { booked: 2, held: 1 } },
        { day: "2026-12-07", values: { booked: 3, held: 2 } },
        { day: "2026-12-14", values: { booked: 9, held: 9 } },
      ],
      ["booked", "held"] as const,
    );
    expect(t).toEqual([
      { week: { start: "2026-12-03", end: "2026-12-06" }, values: { booked: 3, held: 1 } },
      { week: { start: "2026-12-07", end: "2026-12-13" }, values: { booked: 3, held: 2 } },
    ]);
  });
});
