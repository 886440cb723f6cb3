// Persona evidence: how accepted and disputed meetings split over a prospect field (industry, company size,
// country) and over a word of the job title. Pure: the model reads grouped counts (one GROUP BY), never rows.

export type Outcome = { accepted: number; disputed: number };
export type Group = { value: string; accepted: number; disputed: number; total: number; acceptanceRate: number | null };

/** Groups with at least `minTotal` decided meetings, most meetings first; the rest would be noise, not evidence. */
export function groupsOf(counts: Record<string, Outcome>, minTotal = 3): Group[] {
  return Object.entries(counts)
    .map(([value, c]) => {
      const total = c.accepted + c.disputed;
      return { value, accepted: c.accepted, disputed: c.disputed, total, acceptanceRate: total > 0 ? (c.accepted / total) * 100 : null };
    })
    .filter((g) => g.total >= minTotal)
    .sort((a, b) => b.total - a.total || a.value.localeCompare(b.value));
}

/** Lower-case words of a job title, without accents, punctuation or one-letter words. */
export function titleWords(title: string): string[] {
  return title
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);
}

/** Of the disputes on a criterion, how many came from titles without a word ("9 of 12 ... without 'director'"). */
export function disputesWithoutWord(titles: string[], word: string): { without: number; of: number } {
  const w = titleWords(word)[0] ?? "";
  return { without: titles.filter((t) => !titleWords(t).includes(w)).length, of: titles.length };
}

/** The largest gap in acceptance rate between two groups: the headline finding, or null without two groups. */
export function strongestContrast(groups: Group[]): { best: Group; worst: Group } | null {
  const rated = groups.filter((g) => g.acceptanceRate != null);
  if (rated.length < 2) return null;
  const sorted = [...rated].sort((a, b) => b.acceptanceRate! - a.acceptanceRate!);
  return { best: sorted[0], worst: sorted[sorted.length - 1] };
}
