// Evaluation grids of qualitative objectives: criteria, each with the four described levels.
// Grids are versioned like the agreement: a change makes a new version, an assessment keeps the version it was made on.

export const LEVELS = ["not_observed", "emerging", "acquired", "exemplary"] as const;
export type Level = (typeof LEVELS)[number];

/** 0 = not observed ... 3 = exemplary, for trends and distances. */
export function levelScore(level: Level): number {
  return LEVELS.indexOf(level);
}
export function isLevel(v: unknown): v is Level {
  return typeof v === "string" && (LEVELS as readonly string[]).includes(v);
}

export type Criterion = {
  key: string;
  label: string;
  /** What each level looks like for this criterion, in LEVELS order. */
  levels: Record<Level, string>;
};
export type Grid = { criteria: Criterion[] };
export type GridVersion = { version: number; grid: Grid };

export type GridProblem =
  | { code: "no_criteria" }
  | { code: "criterion_label"; index: number }
  | { code: "criterion_level"; index: number; level: Level }
  | { code: "duplicate_key"; index: number };

/** A grid needs at least one criterion, each with a label and the four level descriptions. */
export function gridProblems(grid: Grid): GridProblem[] {
  const problems: GridProblem[] = [];
  if (grid.criteria.length === 0) problems.push({ code: "no_criteria" });
  const seen = new Set<string>();
  grid.criteria.forEach((c, index) => {
    if (!c.label.trim()) problems.push({ code: "criterion_label", index });
    for (const level of LEVELS) if (!c.levels[level]?.trim()) problems.push({ code: "criterion_level", index, level });
    if (seen.has(c.key)) problems.push({ code: "duplicate_key", index });
    seen.add(c.key);
  });
  return problems;
}

function sameGrid(a: Grid, b: Grid): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}
function normalise(g: Grid): Grid {
  return {
    criteria: g.criteria.map((c) => ({
      key: c.key,
      label: c.label.trim(),
      levels: Object.fromEntries(LEVELS.map((l) => [l, c.levels[l].trim()])) as Record<Level, string>,
    })),
  };
}

/**
 * Saving a grid: the same content keeps the current version; a change appends version n+1 and leaves the
 * earlier versions untouched (past assessments keep pointing at theirs).
 */
export function nextGridVersions(versions: GridVersion[], grid: Grid): { versions: GridVersion[]; current: GridVersion; changed: boolean } {
  const current = versions.reduce<GridVersion | null>((a, v) => (a && a.version > v.version ? a : v), null);
  if (current && sameGrid(current.grid, grid)) return { versions, current, changed: false };
  const next = { version: (current?.version ?? 0) + 1, grid: normalise(grid) };
  return { versions: [...versions, next], current: next, changed: true };
}

export type AssessmentInput = {
  date: string; // YYYY-MM-DD
  today: string;
  levels: Record<string, string | undefined>;
  evidenceMeetingIds: string[];
  recordingUrl?: string | null;
};
export type AssessmentContext = {
  grid: Grid;
  /** Meetings of the campaign, with the SDR who booked them. */
  campaignMeetings: Map<string, { sdrId: string | null }>;
  /** The assessed SDR, or null for a team assessment. */
  sdrId: string | null;
};
export type AssessmentProblem =
  | { field: "date"; code: "future" | "invalid" }
  | { field: `level:${string}`; code: "missing" | "not_in_grid" }
  | { field: "levels"; code: "unknown_criterion" }
  | { field: "evidence"; code: "not_in_campaign" | "not_this_sdr" }
  | { field: "recordingUrl"; code: "not_http" };

/** Levels only from the grid; evidence from the campaign (and the SDR's own); http(s) links; never dated in the future. */
export function assessmentProblems(input: AssessmentInput, ctx: AssessmentContext): AssessmentProblem[] {
  const out: AssessmentProblem[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(input.date))) out.push({ field: "date", code: "invalid" });
  else if (input.date > input.today) out.push({ field: "date", code: "future" });
  const keys = new Set(ctx.grid.criteria.map((c) => c.key));
  for (const c of ctx.grid.criteria) {
    const v = input.levels[c.key];
    if (v === undefined || v === "") out.push({ field: `level:${c.key}`, code: "missing" });
    else if (!isLevel(v)) out.push({ field: `level:${c.key}`, code: "not_in_grid" });
  }
  if (Object.keys(input.levels).some((k) => !keys.has(k))) out.push({ field: "levels", code: "unknown_criterion" });
  for (const id of input.evidenceMeetingIds) {
    const m = ctx.campaignMeetings.get(id);
    if (!m) out.push({ field: "evidence", code: "not_in_campaign" });
    else if (ctx.sdrId && m.sdrId !== ctx.sdrId) out.push({ field: "evidence", code: "not_this_sdr" });
  }
  if (input.recordingUrl) {
    let ok = false;
    try {
      const u = new URL(input.recordingUrl);
      ok = u.protocol === "http:" || u.protocol === "https:";
    } catch {
      ok = false;
    }
    if (!ok) out.push({ field: "recordingUrl", code: "not_http" });
  }
  return out;
}
