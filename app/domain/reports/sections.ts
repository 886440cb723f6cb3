// The sections a report may show, in their order. The AM chooses which appear; all appear by default.
export const SECTION_KEYS = [
  "kpis", "funnel", "trend", "ratings", "disputes", "objectives", "qualitative", "levers", "highlights",
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export function isSectionKey(v: unknown): v is SectionKey {
  return typeof v === "string" && (SECTION_KEYS as readonly string[]).includes(v);
}

/** The chosen sections in the report's order, unknown keys dropped; none chosen keeps the KPIs. */
export function normalizeSections(keys: readonly string[]): SectionKey[] {
  const set = new Set(keys.filter(isSectionKey));
  const out = SECTION_KEYS.filter((k) => set.has(k));
  return out.length ? out : ["kpis"];
}

/** How many highlight meetings a report suggests when the AM has not picked any. */
export const DEFAULT_HIGHLIGHTS = 3;
/** Highest number of highlight meetings a report keeps. */
export const MAX_HIGHLIGHTS = 8;
