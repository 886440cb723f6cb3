// Splitting a team target among the campaign's SDRs by maturity weight, with a ramp-up: a ramping SDR counts at
// the ramping weight on the working days before their ramp-up ends and at the confirmed weight after.
import type { Day } from "./dates";
import { workingDays } from "./pace";
import type { Period } from "./periods";

export const MATURITIES = ["RAMPING", "CONFIRMED", "SENIOR"] as const;
export type Maturity = (typeof MATURITIES)[number];
export type Weights = Record<Maturity, number>;
export const DEFAULT_WEIGHTS: Weights = { RAMPING: 50, CONFIRMED: 100, SENIOR: 120 };

export type SplitSdr = { sdrId: string; maturity: Maturity; rampUntil?: Day | null };

/** The SDR's average weight over the period. */
export function effectiveWeight(s: SplitSdr, w: Weights, period: Period, daysOff: ReadonlySet<Day> = new Set()): number {
  if (s.maturity !== "RAMPING" || !s.rampUntil) return w[s.maturity];
  const total = workingDays(period.start, period.end, daysOff);
  if (total === 0) return w.RAMPING;
  const ramping = s.rampUntil < period.start ? 0 : workingDays(period.start, s.rampUntil < period.end ? s.rampUntil : period.end, daysOff);
  const after = total - ramping;
  return (w.RAMPING * ramping + w.CONFIRMED * after) / total;
}

/**
 * Suggested targets summing exactly to the team target for count metrics (largest remainders), or, for rates,
 * the team's rate for everyone (a rate does not add up).
 */
export function suggestSplit(target: number, sdrs: SplitSdr[], w: Weights, period: Period, opts: { ratio?: boolean; daysOff?: ReadonlySet<Day> } = {}) {
  if (sdrs.length === 0) return [];
  if (opts.ratio) return sdrs.map((s) => ({ sdrId: s.sdrId, weight: effectiveWeight(s, w, period, opts.daysOff), target }));
  const weights = sdrs.map((s) => effectiveWeight(s, w, period, opts.daysOff));
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((x) => (sum > 0 ? (target * x) / sum : target / sdrs.length));
  const floors = raw.map(Math.floor);
  let left = Math.round(target - floors.reduce((a, b) => a + b, 0));
  const order = raw.map((r, i) => ({ i, frac: r - floors[i] })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] += 1;
    left -= 1;
  }
  return sdrs.map((s, i) => ({ sdrId: s.sdrId, weight: weights[i], target: floors[i] }));
}
