import { pace, workingDays, statusOf, expectedLine } from "~/domain/objectives/pace";
import { currentPeriod, currentPeriodListed, periodContaining, periodsOf, segmentsOf } from "~/domain/objectives/periods";
import { suggestSplit, effectiveWeight, DEFAULT_WEIGHTS } from "~/domain/objectives/split";
import { funnel, metricValue, targetRefusal, zeroCounters, defaultMetricsFor } from "~/domain/objectives/metrics";
import { activityRowSchema } from "~/domain/objectives/activity";
import { addDays, addMonths } from "~/domain/objectives/dates";

// 2026-12-07 is a Monday.
const week = { start: "2026-12-07", end: "2026-12-13" };

describe("working days", () => {
  it("counts Monday to Friday, without the campaign's days off", () => {
    expect(workingDays("2026-12-07", "2026-12-13")).toBe(5);
    expect(workingDays("2026-12-07", "2026-12-13", new Set(["2026-12-08"]))).toBe(4);
    expect(workingDays("2026-12-12", "2026-12-13")).toBe(0);
    expect(workingDays("2026-12-10", "2026-12-09")).toBe(0);
    expect(workingDays("2026-12-01", "2026-12-31", new Set(["2026-12-25"]))).toBe(22);
  });
});

describe("pace of a count metric", () => {
  const base = { aggregation: "sum" as const, target: 50, period: week };
  it("is not started before the period", () => {
    expect(pace({ ...base, actual: 0, today: "2026-12-06" })).toMatchObject({ status: "NOT_STARTED", expected: 0, projection: null, final: false });
  });
  it("expects nothing on the first day, so it is on track", () => {
    expect(pace({ ...base, actual: 0, today: "2026-12-07" })).toMatchObject({ status: "ON_TRACK", expected: 0, elapsedDays: 0, projection: null });
  });
  it("paces over elapsed working days and projects linearly", () => {
    // Thursday: Mon-Wed over (3 of 5 days): expected 30.
    const p = pace({ ...base, actual: 27, today: "2026-12-10" });
    expect(p).toMatchObject({ expected: 30, elapsedDays: 3, totalDays: 5, status: "AT_RISK" });
    expect(p.projection).toBeCloseTo(45);
    expect(pace({ ...base, actual: 29, today: "2026-12-10" }).status).toBe("ON_TRACK");
    expect(pace({ ...base, actual: 23, today: "2026-12-10" }).status).toBe("OFF_TRACK");
  });
  it("excludes days off from both the elapsed and the total", () => {
    const p = pace({ ...base, actual: 20, today: "2026-12-10", daysOff: new Set(["2026-12-08"]) });
    expect(p).toMatchObject({ elapsedDays: 2, totalDays: 4, expected: 25 });
  });
  it("weekend days do not move the expected value", () => {
    expect(pace({ ...base, actual: 50, today: "2026-12-12" }).expected).toBe(50);
    expect(pace({ ...base, actual: 50, today: "2026-12-13" }).expected).toBe(50);
  });
  it("keeps the final result once the period is over", () => {
    expect(pace({ ...base, actual: 40, today: "2026-12-20" })).toMatchObject({ final: true, expected: 50, projection: 40, status: "AT_RISK", ratioPct: 80 });
    expect(pace({ ...base, actual: 39, today: "2026-12-20" }).status).toBe("OFF_TRACK");
  });
  it("a zero target is always met", () => {
    expect(pace({ ...base, target: 0, actual: 0, today: "2026-12-10" }).status).toBe("ON_TRACK");
  });
  it("uses the agency's thresholds", () => {
    expect(pace({ ...base, actual: 27, today: "2026-12-10", thresholds: { onTrackPct: 90, atRiskPct: 70 } }).status).toBe("ON_TRACK");
    expect(statusOf(79.9, { onTrackPct: 95, atRiskPct: 80 })).toBe("OFF_TRACK");
    expect(statusOf(80, { onTrackPct: 95, atRiskPct: 80 })).toBe("AT_RISK");
    expect(statusOf(95, { onTrackPct: 95, atRiskPct: 80 })).toBe("ON_TRACK");
  });
  it("draws the expected line day by day", () => {
    const line = expectedLine(50, week);
    expect(line.map((l) => l.expected)).toEqual([10, 20, 30, 40, 50, 50, 50]);
  });
});

describe("pace of a rate metric", () => {
  it("compares the rate to its target whatever the day", () => {
    expect(pace({ aggregation: "ratio", target: 80, actual: 78, period: week, today: "2026-12-08" })).toMatchObject({ status: "ON_TRACK", expected: 80, projection: 78 });
    expect(pace({ aggregation: "ratio", target: 80, actual: 60, period: week, today: "2026-12-08" }).status).toBe("OFF_TRACK");
  });
  it("has no data while the rate is undefined", () => {
    expect(pace({ aggregation: "ratio", target: 80, actual: null, period: week, today: "2026-12-08" }).status).toBe("NO_DATA");
  });
});

describe("metrics", () => {
  it("count metrics read their counter; rates divide, never by zero", () => {
    const c = zeroCounters();
    expect(metricValue("MEETINGS_BOOKED", c)).toBe(0);
    expect(metricValue("SHOW_RATE", c)).toBeNull();
    expect(metricValue("ACCEPTANCE_RATE", c)).toBeNull();
    expect(metricValue("AVERAGE_RATING", c)).toBeNull();
    expect(metricValue("CONVERSATION_TO_MEETING_RATE", c)).toBeNull();
  });
  it("all no-shows: a show rate of 0, an acceptance rate undefined", () => {
    const c = { ...zeroCounters(), booked: 4, noShow: 4 };
    expect(metricValue("SHOW_RATE", c)).toBe(0);
    expect(metricValue("ACCEPTANCE_RATE", c)).toBeNull();
  });
  it("rates and averages", () => {
    const c = { ...zeroCounters(), held: 8, noShow: 2, accepted: 6, conversations: 40, booked: 10, ratingSum: 34, ratingCount: 8, wonValue: 500000 };
    expect(metricValue("SHOW_RATE", c)).toBe(80);
    expect(metricValue("ACCEPTANCE_RATE", c)).toBe(75);
    expect(metricValue("CONVERSATION_TO_MEETING_RATE", c)).toBe(25);
    expect(metricValue("AVERAGE_RATING", c)).toBe(4.25);
    expect(metricValue("WON_VALUE", c)).toBe(500000);
  });
  it("validates targets in the metric's unit", () => {
    expect(targetRefusal("MEETINGS_BOOKED", 0)).toBe("objectives.errors.targetPositive");
    expect(targetRefusal("MEETINGS_BOOKED", -3)).toBe("objectives.errors.targetPositive");
    expect(targetRefusal("MEETINGS_BOOKED", 2.5)).toBe("objectives.errors.targetInteger");
    expect(targetRefusal("SHOW_RATE", 120)).toBe("objectives.errors.targetPercent");
    expect(targetRefusal("AVERAGE_RATING", 6)).toBe("objectives.errors.targetRating");
    expect(targetRefusal("AVERAGE_RATING", 4.2)).toBeNull();
    expect(targetRefusal("PIPELINE_VALUE", 5_000_000)).toBeNull();
  });
  it("the funnel converts stage to stage, null where the base is zero", () => {
    const f = funnel({ ...zeroCounters(), dials: 200, conversations: 40, booked: 10, held: 8, accepted: 6, opportunities: 3, won: 0 });
    expect(f.map((s) => s.conversion)).toEqual([null, 20, 25, 80, 75, 50, 0]);
    expect(funnel(zeroCounters())[1].conversion).toBeNull();
  });
  it("per-SDR defaults follow maturity", () => {
    expect(defaultMetricsFor("RAMPING")).toContain("DIALS");
    expect(defaultMetricsFor("SENIOR")).toContain("ACCEPTANCE_RATE");
  });
});

describe("periods", () => {
  it("finds weeks, months, quarters", () => {
    expect(periodContaining("WEEK", "2026-12-10")).toEqual(week);
    expect(periodContaining("MONTH", "2026-02-10")).toEqual({ start: "2026-02-01", end: "2026-02-28" });
    expect(periodContaining("QUARTER", "2026-11-10")).toEqual({ start: "2026-10-01", end: "2026-12-31" });
  });
  it("recurring weekly objectives have one period per week up to the end", () => {
    const o = { periodKind: "WEEK" as const, recurring: true, startsOn: "2026-12-09", endsOn: "2026-12-31" };
    const ps = periodsOf(o, null);
    expect(ps[0]).toEqual({ start: "2026-12-09", end: "2026-12-13" });
    expect(ps.at(-1)).toEqual({ start: "2026-12-28", end: "2026-12-31" });
    expect(ps).toHaveLength(4);
    expect(currentPeriod(o, null, "2026-12-16")).toEqual({ start: "2026-12-14", end: "2026-12-20" });
    expect(currentPeriod(o, null, "2027-02-01")).toEqual({ start: "2026-12-28", end: "2026-12-31" });
  });
  it("a one-off objective has its own dates", () => {
    expect(periodsOf({ periodKind: "CAMPAIGN", recurring: false, startsOn: "2026-11-02", endsOn: "2027-01-29" }, null)).toEqual([{ start: "2026-11-02", end: "2027-01-29" }]);
  });
  it("the current period computed directly is the one found by listing every period", () => {
    // Every kind, starts mid-period or not, ends or not, campaign end or not, today before, inside and after (and years after).
    const kinds = ["WEEK", "MONTH", "QUARTER", "CAMPAIGN"] as const;
    let checked = 0;
    for (const periodKind of kinds)
      for (const recurring of [true, false])
        for (const startsOn of ["2025-01-01", "2026-02-11", "2026-03-30", "2026-12-31"])
          for (const endsOn of [null, "2026-03-31", "2026-07-15", "2030-01-01"])
            for (const campaignEnd of [null, "2026-09-30"])
              for (let d = -40; d < 4000; d += 113) {
                const o = { periodKind, recurring, startsOn, endsOn };
                const today = addDays("2026-01-01", d);
                expect(currentPeriod(o, campaignEnd, today), `${JSON.stringify(o)} ${campaignEnd} ${today}`).toEqual(currentPeriodListed(o, campaignEnd, today));
                checked += 1;
              }
    expect(checked).toBeGreaterThan(3_000);
  });
});

describe("rollup segments (whole months and edge days)", () => {
  it("cover every day of a range exactly once, months only where whole", () => {
    const daysOf = (from: string, to: string) => { const out: string[] = []; for (let d = from; d <= to; d = addDays(d, 1)) out.push(d); return out; };
    let months = 0;
    for (let a = 0; a < 400; a += 17)
      for (const len of [0, 1, 6, 27, 30, 31, 45, 59, 90, 200, 365]) {
        const start = addDays("2026-01-01", a);
        const end = addDays(start, len);
        const segs = segmentsOf(start, end);
        const covered = segs.flatMap((g) => (g.grain === "D" ? daysOf(g.from, g.to) : daysOf(g.from, addDays(addMonths(g.to, 1), -1))));
        expect(covered, `${start}..${end}`).toEqual(daysOf(start, end));
        for (const g of segs.filter((x) => x.grain === "M")) expect([g.from.slice(8), g.to.slice(8)]).toEqual(["01", "01"]);
        expect(segs.length).toBeLessThanOrEqual(3);
        months += segs.filter((x) => x.grain === "M").length;
      }
    expect(months).toBeGreaterThan(50);
    expect(segmentsOf("2026-03-01", "2026-05-31")).toEqual([{ grain: "M", from: "2026-03-01", to: "2026-05-01" }]);
    expect(segmentsOf("2026-03-10", "2026-03-20")).toEqual([{ grain: "D", from: "2026-03-10", to: "2026-03-20" }]);
    expect(segmentsOf("2026-03-20", "2026-03-10")).toEqual([]);
  });
});

describe("maturity split", () => {
  const month = { start: "2026-12-01", end: "2026-12-31" };
  it("splits by weight and sums exactly to the team target", () => {
    const s = suggestSplit(40, [{ sdrId: "a", maturity: "RAMPING" }, { sdrId: "b", maturity: "CONFIRMED" }, { sdrId: "c", maturity: "SENIOR" }], DEFAULT_WEIGHTS, month);
    expect(s.map((x) => x.target)).toEqual([7, 15, 18]);
    expect(s.reduce((n, x) => n + x.target, 0)).toBe(40);
  });
  it("ramps a new SDR up to the confirmed weight after their ramp-up", () => {
    // 23 working days in December 2026; ramp-up over the first 5 (Dec 1-7).
    const w = effectiveWeight({ sdrId: "a", maturity: "RAMPING", rampUntil: "2026-12-07" }, DEFAULT_WEIGHTS, month);
    expect(w).toBeCloseTo((50 * 5 + 100 * 18) / 23);
    expect(effectiveWeight({ sdrId: "a", maturity: "RAMPING", rampUntil: "2027-03-01" }, DEFAULT_WEIGHTS, month)).toBe(50);
  });
  it("rates are not split: each SDR gets the team's rate", () => {
    expect(suggestSplit(30, [{ sdrId: "a", maturity: "RAMPING" }, { sdrId: "b", maturity: "SENIOR" }], DEFAULT_WEIGHTS, month, { ratio: true }).map((x) => x.target)).toEqual([30, 30]);
  });
  it("no SDR, no split; zero weights split evenly", () => {
    expect(suggestSplit(10, [], DEFAULT_WEIGHTS, month)).toEqual([]);
    expect(suggestSplit(10, [{ sdrId: "a", maturity: "CONFIRMED" }, { sdrId: "b", maturity: "CONFIRMED" }], { RAMPING: 0, CONFIRMED: 0, SENIOR: 0 }, month).map((x) => x.target)).toEqual([5, 5]);
  });
});

describe("activity bounds", () => {
  it("accepts non-negative integers under the bound, empty as zero", () => {
    expect(activityRowSchema.safeParse({ day: "2026-12-07", dials: "80", conversations: "", emails: 3, linkedinMessages: "0" }).success).toBe(true);
    expect(activityRowSchema.safeParse({ day: "2026-12-07", dials: "-1", conversations: 0, emails: 0, linkedinMessages: 0 }).success).toBe(false);
    expect(activityRowSchema.safeParse({ day: "2026-12-07", dials: "2.5", conversations: 0, emails: 0, linkedinMessages: 0 }).success).toBe(false);
    expect(activityRowSchema.safeParse({ day: "2026-12-07", dials: "2001", conversations: 0, emails: 0, linkedinMessages: 0 }).success).toBe(false);
    expect(activityRowSchema.safeParse({ day: "2026-13-07", dials: 1, conversations: 0, emails: 0, linkedinMessages: 0 }).success).toBe(false);
  });
});

describe("working days, counted arithmetically", () => {
  it("matches a day-by-day count over many ranges", () => {
    const off = new Set(["2026-12-25", "2026-12-26", "2027-01-01", "2026-11-11"]);
    const slow = (a: string, b: string) => {
      let n = 0;
      for (let d = new Date(`${a}T00:00:00Z`); d <= new Date(`${b}T00:00:00Z`); d = new Date(d.getTime() + 86400_000)) {
        const s = d.toISOString().slice(0, 10);
        if (d.getUTCDay() % 6 !== 0 && !off.has(s)) n += 1;
      }
      return n;
    };
    for (let i = 0; i < 60; i += 1) {
      const a = new Date(Date.UTC(2026, 9, 1) + i * 3 * 86400_000).toISOString().slice(0, 10);
      const b = new Date(Date.UTC(2026, 9, 1) + (i * 3 + (i * 7) % 45) * 86400_000).toISOString().slice(0, 10);
      expect(workingDays(a, b, off), `${a}..${b}`).toBe(slow(a, b));
    }
  });
});
