// The weekly trend's expected line: an objective's target spread over the working days of each of its periods.
import { expectedPerWeek } from "~/domain/dashboards/trend";
import { weeksOf } from "~/domain/dashboards/periods";

describe("expectedPerWeek", () => {
  it("gives a monthly target's share to each week by working days, clipped weeks included", () => {
    // March 2027: 23 working days; the week of 1 March has 5, the last one (29-31) has 3.
    const weeks = weeksOf({ start: "2027-03-01", end: "2027-03-31" });
    const v = expectedPerWeek(weeks, [{ start: "2027-03-01", end: "2027-03-31" }], 46);
    expect(v[0]).toBe(10);
    expect(v[v.length - 1]).toBe(6);
    expect(v.reduce((s, x) => s! + x!, 0)).toBeCloseTo(46, 0);
  });

  it("says nothing for a week no period covers, and counts days off", () => {
    const weeks = weeksOf({ start: "2027-03-01", end: "2027-03-14" });
    expect(expectedPerWeek(weeks, [{ start: "2027-03-08", end: "2027-03-14" }], 10)).toEqual([null, 10]);
    expect(expectedPerWeek(weeks, [{ start: "2027-03-01", end: "2027-03-14" }], 10, new Set(["2027-03-01", "2027-03-02"]))).toEqual([3.8, 6.3]);
  });
});
