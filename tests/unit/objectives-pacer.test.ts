// The memoising pacer (app/domain/objectives/pacer.ts) against currentPeriod and pace called one by one, on random
// objectives, calendars and days: the homes and the Objectives tab pace through it.
import { describe, expect, it } from "vitest";
import { pacer } from "~/domain/objectives/pacer";
import { pace, paceOf, workingDays } from "~/domain/objectives/pace";
import { currentPeriod, PERIOD_KINDS } from "~/domain/objectives/periods";
import { addDays, type Day } from "~/domain/objectives/dates";

function rng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

describe("the pacer", () => {
  it("gives currentPeriod's periods and pace's figures, whatever the order and the repeats", () => {
    const r = rng(2026);
    const thresholds = { onTrackPct: 90 + Math.floor(r() * 10), atRiskPct: 60 + Math.floor(r() * 20) };
    for (const today of ["2026-12-03", "2026-01-01", "2027-02-28", "2026-06-15"]) {
      const p = pacer(today, thresholds);
      const calendars: ReadonlySet<Day>[] = [new Set(), new Set([addDays(today, -3), addDays(today, 2)]), new Set([addDays(today, -40), addDays(today, -1), today])];
      const wrong: unknown[] = [];
      for (let i = 0; i < 4000; i += 1) {
        // Valid objectives only (as created: the period lies within the campaign, the end after the start).
        const startsOn = addDays(today, Math.floor(r() * 40) * 7 - 200);
        const spec = { periodKind: PERIOD_KINDS[Math.floor(r() * 4)], recurring: r() < 0.6, startsOn, endsOn: r() < 0.4 ? null : addDays(startsOn, Math.floor(r() * 200)) };
        const campaignEnd = r() < 0.5 ? null : addDays(spec.endsOn ?? startsOn, Math.floor(r() * 60));
        const period = p.period(spec, campaignEnd);
        if (JSON.stringify(period) !== JSON.stringify(currentPeriod(spec, campaignEnd, today))) wrong.push(["period", spec, campaignEnd]);
        const daysOff = calendars[Math.floor(r() * calendars.length)];
        const aggregation = r() < 0.7 ? "sum" : "ratio";
        const target = r() < 0.05 ? 0 : Math.floor(r() * 300);
        const actual = r() < 0.1 ? null : Math.floor(r() * 300);
        const memo = p.pace(aggregation, target, actual, period, daysOff);
        const direct = pace({ aggregation, target, actual, period, today, daysOff, thresholds });
        if (JSON.stringify(memo) !== JSON.stringify(direct)) wrong.push(["pace", spec, campaignEnd, memo, direct]);
      }
      expect(wrong).toEqual([]);
    }
  });

  it("counts working days with the calendar it is given", () => {
    const today = "2026-12-03";
    const month = { start: "2026-12-01", end: "2026-12-31" };
    const p = pacer(today, { onTrackPct: 95, atRiskPct: 80 });
    const off = new Set(["2026-12-24", "2026-12-25"]);
    expect(p.pace("sum", 100, 10, month, off).totalDays).toBe(workingDays(month.start, month.end, off));
    expect(p.pace("sum", 100, 10, month, new Set()).totalDays).toBe(23);
    expect(paceOf("sum", 100, 10, month, today, { onTrackPct: 95, atRiskPct: 80 }, off, null)).toEqual(pace({ aggregation: "sum", target: 100, actual: 10, period: month, today, daysOff: off }));
  });
});
