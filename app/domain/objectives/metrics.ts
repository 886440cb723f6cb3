// The metric catalogue: every quantitative objective measures one of these, computed from the rollup's counters
// (never typed). Count metrics add up over days and SDRs; rate metrics are a ratio of two sums.

/** The rollup's counters, summed over a set of days, SDRs and persona versions. */
export type Counters = {
  dials: number;
  conversations: number;
  emails: number;
  linkedinMessages: number;
  booked: number;
  held: number;
  noShow: number;
  cancelled: number;
  accepted: number;
  disputed: number;
  upheld: number;
  opportunities: number;
  pipelineValue: number;
  won: number;
  wonValue: number;
  ratingSum: number;
  ratingCount: number;
};

export const COUNTER_KEYS = [
  "dials", "conversations", "emails", "linkedinMessages", "booked", "held", "noShow", "cancelled", "accepted", "disputed",
  "upheld", "opportunities", "pipelineValue", "won", "wonValue", "ratingSum", "ratingCount",
] as const satisfies readonly (keyof Counters)[];

export function zeroCounters(): Counters {
  // A literal (one allocation): pages build one per objective.
  return {
    dials: 0, conversations: 0, emails: 0, linkedinMessages: 0, booked: 0, held: 0, noShow: 0, cancelled: 0, accepted: 0, disputed: 0,
    upheld: 0, opportunities: 0, pipelineValue: 0, won: 0, wonValue: 0, ratingSum: 0, ratingCount: 0,
  };
}

export function addCounters(a: Counters, b: Partial<Counters>): Counters {
  const out = { ...a };
  for (const k of COUNTER_KEYS) out[k] += Number(b[k] ?? 0);
  return out;
}

/** count: a number of things; percent: 0-100; rating: 1-5; money: minor units of the client's currency. */
export type Unit = "count" | "percent" | "rating" | "money";
/** sum: adds up over the period, paced against the elapsed working days; ratio: compared to the target as it is. */
export type Aggregation = "sum" | "ratio";
/** Which SDRs the metric fits best (OBJECTIVES.md: activity for ramping SDRs, quality and value for seniors). */
export type Family = "activity" | "meetings" | "quality" | "value";

export type MetricDef = {
  key: MetricKey;
  unit: Unit;
  aggregation: Aggregation;
  family: Family;
  /** The value over the counters; null when undefined (a rate with a zero denominator). */
  value: (c: Counters) => number | null;
};

export const METRIC_KEYS = [
  "DIALS", "CONVERSATIONS", "MEETINGS_BOOKED", "MEETINGS_HELD", "MEETINGS_ACCEPTED", "SHOW_RATE", "ACCEPTANCE_RATE",
  "CONVERSATION_TO_MEETING_RATE", "AVERAGE_RATING", "OPPORTUNITIES", "PIPELINE_VALUE", "WON_VALUE",
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

const ratio = (num: number, den: number, scale = 100) => (den > 0 ? (num / den) * scale : null);

export const METRICS: Record<MetricKey, MetricDef> = {
  DIALS: { key: "DIALS", unit: "count", aggregation: "sum", family: "activity", value: (c) => c.dials },
  CONVERSATIONS: { key: "CONVERSATIONS", unit: "count", aggregation: "sum", family: "activity", value: (c) => c.conversations },
  MEETINGS_BOOKED: { key: "MEETINGS_BOOKED", unit: "count", aggregation: "sum", family: "meetings", value: (c) => c.booked },
  MEETINGS_HELD: { key: "MEETINGS_HELD", unit: "count", aggregation: "sum", family: "meetings", value: (c) => c.held },
  MEETINGS_ACCEPTED: { key: "MEETINGS_ACCEPTED", unit: "count", aggregation: "sum", family: "quality", value: (c) => c.accepted },
  /** Held among the meetings whose attendance is known. */
  SHOW_RATE: { key: "SHOW_RATE", unit: "percent", aggregation: "ratio", family: "quality", value: (c) => ratio(c.held, c.held + c.noShow) },
  /** Billable-accepted among the held meetings. */
  ACCEPTANCE_RATE: { key: "ACCEPTANCE_RATE", unit: "percent", aggregation: "ratio", family: "quality", value: (c) => ratio(c.accepted, c.held) },
  CONVERSATION_TO_MEETING_RATE: {
    key: "CONVERSATION_TO_MEETING_RATE", unit: "percent", aggregation: "ratio", family: "activity", value: (c) => ratio(c.booked, c.conversations),
  },
  AVERAGE_RATING: { key: "AVERAGE_RATING", unit: "rating", aggregation: "ratio", family: "quality", value: (c) => ratio(c.ratingSum, c.ratingCount, 1) },
  OPPORTUNITIES: { key: "OPPORTUNITIES", unit: "count", aggregation: "sum", family: "value", value: (c) => c.opportunities },
  PIPELINE_VALUE: { key: "PIPELINE_VALUE", unit: "money", aggregation: "sum", family: "value", value: (c) => c.pipelineValue },
  WON_VALUE: { key: "WON_VALUE", unit: "money", aggregation: "sum", family: "value", value: (c) => c.wonValue },
};

export function isMetricKey(v: unknown): v is MetricKey {
  return typeof v === "string" && (METRIC_KEYS as readonly string[]).includes(v);
}

export function metricValue(key: MetricKey, c: Counters): number | null {
  return METRICS[key].value(c);
}

/** The refusal (an i18n key) of a target for a metric, or null when it is valid. */
export function targetRefusal(key: MetricKey, target: number): string | null {
  if (!Number.isFinite(target) || target <= 0) return "objectives.errors.targetPositive";
  const unit = METRICS[key].unit;
  if (unit === "percent" && target > 100) return "objectives.errors.targetPercent";
  if (unit === "rating" && target > 5) return "objectives.errors.targetRating";
  if ((unit === "count" || unit === "money") && !Number.isInteger(target)) return "objectives.errors.targetInteger";
  if (target > 1e12) return "objectives.errors.targetTooLarge";
  return null;
}

/** Per-SDR defaults by maturity: structure the activity of a ramping SDR, the quality and value of a senior's. */
export function defaultMetricsFor(maturity: "RAMPING" | "CONFIRMED" | "SENIOR"): MetricKey[] {
  if (maturity === "RAMPING") return ["DIALS", "CONVERSATIONS", "CONVERSATION_TO_MEETING_RATE"];
  if (maturity === "SENIOR") return ["ACCEPTANCE_RATE", "OPPORTUNITIES", "PIPELINE_VALUE"];
  return ["MEETINGS_BOOKED", "MEETINGS_HELD", "SHOW_RATE"];
}

/** The funnel's stages in order, with the conversion from the previous stage (null for the first or a zero base). */
export const FUNNEL = ["dials", "conversations", "booked", "held", "accepted", "opportunities", "won"] as const;
export function funnel(c: Counters) {
  return FUNNEL.map((stage, i) => {
    const prev = i > 0 ? c[FUNNEL[i - 1]] : null;
    return { stage, value: c[stage], conversion: prev === null ? null : ratio(c[stage], prev) };
  });
}
