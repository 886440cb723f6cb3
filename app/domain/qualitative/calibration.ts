// Calibration: how far the agency's judgement of a meeting is from the client's, per shared criterion.
import { levelScore, type Level } from "./grid";

/** A client star rating (1-5) on the grid's 0..3 scale. */
export function starsToScore(stars: number): number {
  return ((Math.min(5, Math.max(1, stars)) - 1) * 3) / 4;
}

/** Agency side: levels; client side: star ratings already turned into scores with starsToScore. */

export type Rating = { meetingId: string; sdrId: string | null; day: string; levels: Record<string, Level | number> };
/** Agency criterion key -> client criterion key, set once per campaign. */
export type CriterionMapping = { agency: string; client: string }[];

export type CalibrationCell = {
  agency: string;
  client: string;
  meetings: number;
  /** Mean of (agency score - client score): > 0 the agency rates higher than the client. */
  bias: number | null;
  /** Mean absolute gap, in levels (0..3). */
  distance: number | null;
};

/** Only meetings rated on both sides count; each mapped pair of criteria gets its distance. */
export function calibrate(agency: Rating[], client: Rating[], mapping: CriterionMapping): CalibrationCell[] {
  const clientBy = new Map(client.map((r) => [r.meetingId, r]));
  return mapping.map(({ agency: a, client: c }) => {
    let n = 0;
    let sum = 0;
    let abs = 0;
    for (const r of agency) {
      const cr = clientBy.get(r.meetingId);
      const al = r.levels[a];
      const cl = cr?.levels[c];
      if (!cr || al === undefined || cl === undefined) continue;
      const d = score(al) - score(cl);
      n += 1;
      sum += d;
      abs += Math.abs(d);
    }
    return { agency: a, client: c, meetings: n, bias: n ? round(sum / n) : null, distance: n ? round(abs / n) : null };
  });
}

/** The same, split by SDR (agency side only) or by month (the trend). */
export function calibrateBy(
  key: (r: Rating) => string | null,
  agency: Rating[],
  client: Rating[],
  mapping: CriterionMapping,
): Map<string, CalibrationCell[]> {
  const groups = new Map<string, Rating[]>();
  for (const r of agency) {
    const k = key(r);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return new Map([...groups].sort(([x], [y]) => x.localeCompare(y)).map(([k, rs]) => [k, calibrate(rs, client, mapping)]));
}

function score(v: Level | number): number {
  return typeof v === "number" ? v : levelScore(v);
}
function round(x: number): number {
  return Math.round(x * 100) / 100;
}
