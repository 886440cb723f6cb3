// Reads of the rollup ("CampaignDayStat", kept exact by triggers: docs/decisions/0006-rollup.md). Every page that
// counts meetings or activity for objectives reads it here, in one grouped query, never the meetings themselves.
import { prisma } from "~/utils/db.server";
import { COUNTER_KEYS, zeroCounters, type Counters } from "~/domain/objectives/metrics";
import type { Day } from "~/domain/objectives/dates";

/** One range to sum: a campaign, an SDR (null: the whole team) and days, both included. */
export type Range = { key: string; campaignId: string; sdrId: string | null; start: Day; end: Day };

const SUMS = COUNTER_KEYS.map((k) => `COALESCE(sum(s."${k}"), 0)::float8 AS "${k}"`).join(", ");

function toCounters(row: Record<string, unknown>): Counters {
  const c = zeroCounters();
  for (const k of COUNTER_KEYS) c[k] = Number(row[k] ?? 0);
  return c;
}

/** The counters of many ranges at once (one query, whatever their number; identical ranges are read once). */
export async function sumRanges(ranges: Range[]): Promise<Map<string, Counters>> {
  const out = new Map<string, Counters>();
  if (ranges.length === 0) return out;
  const unique = new Map<string, Omit<Range, "key">>();
  const rangeOf = (r: Omit<Range, "key">) => `${r.campaignId}|${r.sdrId ?? ""}|${r.start}|${r.end}`;
  for (const r of ranges) unique.set(rangeOf(r), r);
  const list = [...unique.entries()];
  // One index scan per range (LATERAL), not a hash join over the whole rollup.
  const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT q.key, ${SUMS}
       FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[]) AS q(key, campaign, sdr, d0, d1)
       CROSS JOIN LATERAL (
         SELECT * FROM "CampaignDayStat" c
          WHERE c."campaignId" = q.campaign AND c."day" BETWEEN q.d0 AND q.d1 AND (q.sdr IS NULL OR c."sdrId" = q.sdr)
       ) s
      GROUP BY q.key`,
    list.map(([k]) => k),
    list.map(([, r]) => r.campaignId),
    list.map(([, r]) => r.sdrId),
    list.map(([, r]) => r.start),
    list.map(([, r]) => r.end),
  );
  const byRange = new Map(rows.map((row) => [String(row.key), toCounters(row)]));
  for (const r of ranges) out.set(r.key, byRange.get(rangeOf(r)) ?? zeroCounters());
  return out;
}

/** Day-by-day counters of one range (for an objective's chart). */
export async function dailyCounters(range: Omit<Range, "key">): Promise<{ day: Day; counters: Counters }[]> {
  const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT to_char(s."day", 'YYYY-MM-DD') AS day, ${SUMS}
       FROM "CampaignDayStat" s
      WHERE s."campaignId" = $1 AND s."day" BETWEEN $2::date AND $3::date AND ($4::text IS NULL OR s."sdrId" = $4)
      GROUP BY s."day" ORDER BY s."day"`,
    range.campaignId,
    range.start,
    range.end,
    range.sdrId,
  );
  return rows.map((row) => ({ day: String(row.day), counters: toCounters(row) }));
}

/** Recomputes the whole rollup from the meetings and activity rows (writers wait meanwhile). */
export async function rebuildRollup() {
  await prisma.$executeRawUnsafe(`SELECT rdv_rebuild_rollup()`);
}
