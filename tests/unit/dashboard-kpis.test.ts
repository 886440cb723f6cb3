import { describe, expect, it } from "vitest";
import { kpiTiles } from "~/domain/dashboards/kpis";
import { addCounters, zeroCounters } from "~/domain/objectives/metrics";

const tile = (tiles: ReturnType<typeof kpiTiles>, key: string) => tiles.find((t) => t.key === key)!;

describe("KPI tiles", () => {
  const current = addCounters(zeroCounters(), {
    booked: 20, held: 15, noShow: 5, accepted: 12, opportunities: 4, pipelineValue: 400_000, wonValue: 100_000,
    ratingSum: 48, ratingCount: 12,
  });
  const previous = addCounters(zeroCounters(), { booked: 10, held: 10, noShow: 0, accepted: 5, ratingSum: 0, ratingCount: 0 });
  const tiles = kpiTiles(current, previous);

  it("defines each figure from the rollup counters", () => {
    expect(tiles.map((t) => t.key)).toEqual([
      "MEETINGS_BOOKED", "MEETINGS_HELD", "SHOW_RATE", "MEETINGS_ACCEPTED", "ACCEPTANCE_RATE", "AVERAGE_RATING",
      "OPPORTUNITIES", "PIPELINE_VALUE", "WON_VALUE",
    ]);
    expect(tile(tiles, "MEETINGS_BOOKED").value).toBe(20);
    expect(tile(tiles, "SHOW_RATE").value).toBe(75); // held among held + no-show
    expect(tile(tiles, "ACCEPTANCE_RATE").value).toBe(80); // accepted among held
    expect(tile(tiles, "AVERAGE_RATING").value).toBe(4);
    expect(tile(tiles, "PIPELINE_VALUE").value).toBe(400_000);
  });

  it("changes: counts as a difference and a ratio, rates in points, nothing when the previous value is undefined", () => {
    expect(tile(tiles, "MEETINGS_BOOKED").change).toEqual({ delta: 10, ratio: 1 });
    expect(tile(tiles, "SHOW_RATE").change).toEqual({ delta: -25, ratio: null });
    expect(tile(tiles, "ACCEPTANCE_RATE").change).toEqual({ delta: 30, ratio: null });
    expect(tile(tiles, "AVERAGE_RATING").change).toBeNull(); // no rating in the previous period
    expect(tile(tiles, "OPPORTUNITIES").change).toEqual({ delta: 4, ratio: null }); // from zero: no ratio
  });

  it("an empty period shows undefined rates, not zero", () => {
    const empty = kpiTiles(zeroCounters(), zeroCounters());
    expect(tile(empty, "SHOW_RATE").value).toBeNull();
    expect(tile(empty, "MEETINGS_BOOKED").value).toBe(0);
  });
});
