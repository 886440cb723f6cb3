// A report's snapshot: every figure the page, the email and the PDF show, composed from data read by
// app/models/reports/compose.server.ts. Pure: the same inputs give the same snapshot. Frozen with the report at send
// time, so a sent report reads one row and never changes when meetings change later.
import { addCounters, funnel as funnelOf, zeroCounters, type Counters } from "~/domain/objectives/metrics";
import { kpiTiles, type KpiTile } from "~/domain/dashboards/kpis";
import { weeklyTrend, type DayRange } from "~/domain/dashboards/periods";
import type { Day } from "~/domain/objectives/dates";
import { DEFAULT_HIGHLIGHTS, MAX_HIGHLIGHTS, normalizeSections, type SectionKey } from "./sections";

export const SNAPSHOT_VERSION = 1;

export type TrendWeek = { start: Day; end: Day; booked: number; held: number; accepted: number };
export type ObjectiveLine = {
  metric: string;
  unit: string;
  target: number;
  actual: number | null;
  expected: number | null;
  status: string;
  final: boolean;
  period: DayRange;
};
/** A qualitative objective at the team level: the mean level of every assessment in the period (0-3), never an SDR's. */
export type QualitativeLine = { title: string; score: number | null; previousScore: number | null; assessments: number };
export type LeverLine = { lever: string; metric: string | null; diagnosis: string; action: string; dueDate: Day; status: "OPEN" | "DONE" };
export type HighlightMeeting = {
  id: string;
  day: Day;
  company: string;
  prospectTitle: string;
  rating: number | null;
  opportunity: boolean;
  pipelineValue: number | null;
  won: boolean;
};
export type Disputes = { opened: number; upheld: number; rejected: number; pending: number };

export type ReportTexts = { commentary: string; highlights: string; nextSteps: string };

/** A key figure of a corrected version that differs from the first version's (frozen) one. */
export type FigureChange = { key: string; unit: string; from: number | null; to: number | null };

export type ReportSnapshot = {
  version: number;
  campaign: { name: string; client: string; agency: string; currency: string };
  period: DayRange;
  previous: DayRange;
  /** Whether anything was booked, held or worked in the period. */
  hasActivity: boolean;
  sections: SectionKey[];
  kpis: KpiTile[];
  funnel: { stage: string; value: number; conversion: number | null }[];
  trend: TrendWeek[];
  /** Overall ratings 1-5 given in the period. */
  ratings: { rating: number; count: number }[];
  disputes: Disputes;
  objectives: ObjectiveLine[];
  qualitative: QualitativeLine[];
  levers: LeverLine[];
  highlights: HighlightMeeting[];
  texts: ReportTexts;
  /**
   * A corrected version only: the key figures that differ from the first version's, computed against its frozen
   * snapshot when the correction is composed (absent on a first version and on snapshots frozen before it existed).
   */
  changes?: FigureChange[];
};

export type ComposeInput = {
  campaign: ReportSnapshot["campaign"];
  period: DayRange;
  previous: DayRange;
  current: Counters;
  previousCounters: Counters;
  daily: { day: Day; counters: Counters }[];
  ratings: { rating: number; count: number }[];
  disputes: Disputes;
  objectives: ObjectiveLine[];
  qualitative: QualitativeLine[];
  levers: LeverLine[];
  /** Meetings of the period worth showing, any order. */
  candidates: HighlightMeeting[];
  /** The AM's pick; null: the best ones by default. */
  highlightIds: string[] | null;
  sections: readonly string[];
  texts: ReportTexts;
};

/** Best first: won, then opportunities by pipeline value, then by rating, then the latest. */
export function rankHighlights(candidates: HighlightMeeting[]): HighlightMeeting[] {
  return [...candidates].sort(
    (a, b) =>
      Number(b.won) - Number(a.won) ||
      Number(b.opportunity) - Number(a.opportunity) ||
      (b.pipelineValue ?? 0) - (a.pipelineValue ?? 0) ||
      (b.rating ?? 0) - (a.rating ?? 0) ||
      (a.day < b.day ? 1 : a.day > b.day ? -1 : 0) ||
      (a.id < b.id ? -1 : 1),
  );
}

export function hasActivity(c: Counters): boolean {
  return c.booked + c.held + c.noShow + c.cancelled + c.accepted + c.dials + c.conversations + c.emails + c.linkedinMessages + c.disputed + c.opportunities + c.won > 0;
}

export function composeSnapshot(input: ComposeInput): ReportSnapshot {
  const ranked = rankHighlights(input.candidates);
  const highlights =
    input.highlightIds === null
      ? ranked.slice(0, DEFAULT_HIGHLIGHTS)
      : ranked.filter((m) => input.highlightIds!.includes(m.id)).slice(0, MAX_HIGHLIGHTS);
  const trend = weeklyTrend(
    input.period,
    input.daily.map((d) => ({ day: d.day, values: { booked: d.counters.booked, held: d.counters.held, accepted: d.counters.accepted } })),
    ["booked", "held", "accepted"] as const,
  ).map((w) => ({ start: w.week.start, end: w.week.end, booked: w.values.booked, held: w.values.held, accepted: w.values.accepted }));
  const ratings = [1, 2, 3, 4, 5].map((rating) => ({ rating, count: input.ratings.find((r) => r.rating === rating)?.count ?? 0 }));
  const current = addCounters(zeroCounters(), input.current);
  return {
    version: SNAPSHOT_VERSION,
    campaign: input.campaign,
    period: input.period,
    previous: input.previous,
    hasActivity: hasActivity(current),
    sections: normalizeSections(input.sections),
    kpis: kpiTiles(current, addCounters(zeroCounters(), input.previousCounters)),
    funnel: funnelOf(current),
    trend,
    ratings,
    disputes: input.disputes,
    objectives: input.objectives,
    qualitative: input.qualitative,
    levers: input.levers,
    highlights,
    texts: input.texts,
  };
}

/** A stored snapshot read back (JSON): the fields every renderer relies on, or null when it is not one. */
export function readSnapshot(json: unknown): ReportSnapshot | null {
  if (!json || typeof json !== "object") return null;
  const s = json as Partial<ReportSnapshot>;
  if (s.version !== SNAPSHOT_VERSION || !s.period || !Array.isArray(s.kpis) || !Array.isArray(s.sections)) return null;
  return s as ReportSnapshot;
}

/**
 * What a corrected version changes in the figures, against the first version's frozen snapshot: every KPI whose value
 * differs (in the corrected version's order), then the disputes' counts. Pure; empty when only the texts changed.
 */
export function figureChanges(first: ReportSnapshot, next: ReportSnapshot): FigureChange[] {
  const before = new Map(first.kpis.map((k) => [k.key, k.value]));
  const out: FigureChange[] = [];
  for (const k of next.kpis) {
    const from = before.has(k.key) ? before.get(k.key)! : null;
    if (!sameValue(from, k.value)) out.push({ key: k.key, unit: k.unit, from, to: k.value });
  }
  for (const d of ["opened", "upheld", "rejected", "pending"] as const) {
    if (first.disputes[d] !== next.disputes[d]) out.push({ key: `DISPUTES_${d.toUpperCase()}`, unit: "count", from: first.disputes[d], to: next.disputes[d] });
  }
  return out;
}

const sameValue = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

/** The key figures an email shows: booked, held, accepted, acceptance rate (in that order). */
export function keyFigures(s: ReportSnapshot): KpiTile[] {
  const keys = ["MEETINGS_BOOKED", "MEETINGS_HELD", "MEETINGS_ACCEPTED", "ACCEPTANCE_RATE"];
  return keys.map((k) => s.kpis.find((t) => t.key === k)).filter((t): t is KpiTile => Boolean(t));
}
