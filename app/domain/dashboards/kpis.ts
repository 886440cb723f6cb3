// The Overview's KPI tiles: each is a metric of the catalogue (one definition, shared with objectives) over the
// period's rollup counters, with its change against the previous period of the same length.
import { METRICS, type Counters, type MetricKey, type Unit } from "~/domain/objectives/metrics";
import { changeOf } from "./periods";

export const KPI_KEYS = [
  "MEETINGS_BOOKED", "MEETINGS_HELD", "SHOW_RATE", "MEETINGS_ACCEPTED", "ACCEPTANCE_RATE", "AVERAGE_RATING",
  "OPPORTUNITIES", "PIPELINE_VALUE", "WON_VALUE",
] as const satisfies readonly MetricKey[];
export type KpiKey = (typeof KPI_KEYS)[number];

export type KpiTile = {
  key: KpiKey;
  unit: Unit;
  value: number | null;
  previous: number | null;
  /** Rates compare in points (delta), counts and money also as a ratio of the previous value. */
  change: { delta: number; ratio: number | null } | null;
};

export function kpiTiles(current: Counters, previous: Counters): KpiTile[] {
  return KPI_KEYS.map((key) => {
    const def = METRICS[key];
    const value = def.value(current);
    const prev = def.value(previous);
    const change = changeOf(value, prev);
    return {
      key,
      unit: def.unit,
      value,
      previous: prev,
      change: change && def.aggregation === "ratio" ? { delta: change.delta, ratio: null } : change,
    };
  });
}
