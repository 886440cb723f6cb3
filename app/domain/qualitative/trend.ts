// The trend of a qualitative objective: the level per criterion over time, per SDR and for the team.
import { isLevel, levelScore, LEVELS, type Level } from "./grid";

/** A manager assessment as the trend reads it: who (null = the team as a whole), when, the level per criterion. */
export type TrendInput = { subject: string | null; day: string; levels: Record<string, string> };
/** One point: the day and, per criterion key, the score 0..3 (a team point is a mean, so it may be fractional). */
export type TrendPoint = { day: string; scores: Record<string, number>; contributors: number };

/** One subject's points: each assessment day with its levels as scores (the last assessment of a day wins). */
export function subjectTrend(rows: TrendInput[]): TrendPoint[] {
  const byDay = new Map<string, Record<string, number>>();
  for (const r of [...rows].sort((a, b) => a.day.localeCompare(b.day))) byDay.set(r.day, scores(r.levels));
  return [...byDay].map(([day, s]) => ({ day, scores: s, contributors: 1 }));
}

/**
 * The team's points: on each day someone was assessed, per criterion, the mean of every subject's latest level so far
 * (each SDR counts once, with where they stand on that day). `contributors` says how many subjects the mean covers.
 */
export function teamTrend(rows: TrendInput[]): TrendPoint[] {
  const sorted = [...rows].sort((a, b) => a.day.localeCompare(b.day));
  const latest = new Map<string, Record<string, number>>();
  const out: TrendPoint[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i]!;
    latest.set(r.subject ?? "__team__", scores(r.levels));
    if (sorted[i + 1]?.day === r.day) continue;
    const sums = new Map<string, { sum: number; n: number }>();
    for (const s of latest.values()) {
      for (const [k, v] of Object.entries(s)) {
        const cur = sums.get(k) ?? { sum: 0, n: 0 };
        sums.set(k, { sum: cur.sum + v, n: cur.n + 1 });
      }
    }
    out.push({ day: r.day, scores: Object.fromEntries([...sums].map(([k, { sum, n }]) => [k, Math.round((sum / n) * 100) / 100])), contributors: latest.size });
  }
  return out;
}

/** The mean score of a point over its criteria, as the nearest level (what the Objectives tab shows). */
export function overallLevel(point: Pick<TrendPoint, "scores"> | null | undefined): { score: number; level: Level } | null {
  const values = Object.values(point?.scores ?? {});
  if (!values.length) return null;
  const score = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
  return { score, level: LEVELS[Math.min(3, Math.max(0, Math.round(score)))]! };
}

function scores(levels: Record<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(levels)) if (isLevel(v)) out[k] = levelScore(v);
  return out;
}
