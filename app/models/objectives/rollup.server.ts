// Reads of the rollup ("CampaignDayStat", kept exact by triggers: docs/decisions/0006-rollup.md) through its period
// totals ("CampaignPeriodStat": per campaign, per SDR or team, per day and per month, kept by triggers on the rollup:
// docs/decisions/0058-rollup-period-totals.md). Every page that counts meetings or activity for objectives reads them
// here, in one grouped query, never the meetings themselves.
import { prisma } from "~/utils/db.server";
import { COUNTER_KEYS, zeroCounters, type Counters } from "~/domain/objectives/metrics";
import type { Day } from "~/domain/objectives/dates";
import { segmentsOf } from "~/domain/objectives/periods";

/** One range to sum: a campaign, an SDR (null: the whole team) and days, both included. */
export type Range = { key: string; campaignId: string; sdrId: string | null; start: Day; end: Day };

const SUMS = COUNTER_KEYS.map((k) => `COALESCE(sum(s."${k}"), 0)::float8 AS "${k}"`).join(", ");

function fromValues(values: number[]): Counters {
  const c = zeroCounters();
  COUNTER_KEYS.forEach((k, i) => (c[k] = Number(values[i] ?? 0)));
  return c;
}

function toCounters(row: Record<string, unknown>): Counters {
  const c = zeroCounters();
  for (const k of COUNTER_KEYS) c[k] = Number(row[k] ?? 0);
  return c;
}

/**
 * The counters of many ranges at once (one query, whatever their number; identical ranges are read once), from the
 * period totals: each range is a few index range scans of whole months and edge days, never the rollup's
 * per-SDR-and-persona rows (a team range over a year reads ~70 rows instead of thousands).
 */
export async function sumRanges(ranges: Range[]): Promise<Map<string, Counters>> {
  const out = new Map<string, Counters>();
  if (ranges.length === 0) return out;
  const unique = new Map<string, Omit<Range, "key">>();
  const rangeOf = (r: Omit<Range, "key">) => `${r.campaignId}|${r.sdrId ?? ""}|${r.start}|${r.end}`;
  for (const r of ranges) unique.set(rangeOf(r), r);
  const parts = [...unique.entries()].flatMap(([key, r]) => segmentsOf(r.start, r.end).map((g) => ({ key, campaignId: r.campaignId, sdrId: r.sdrId ?? "", ...g })));
  // One index range scan per segment (LATERAL on the primary key), not a hash join over the whole table. The result
  // is one JSON text (range -> counters in COUNTER_KEYS order): parsed natively, instead of a row of 17 numbers per
  // range converted one value at a time (a home sums ~800 ranges).
  if (!parts.length) {
    for (const r of ranges) out.set(r.key, zeroCounters());
    return out;
  }
  const [row] = await prisma.$queryRawUnsafe<{ sums: string | null }[]>(
    `SELECT json_object_agg(t.key, json_build_array(${COUNTER_KEYS.map((k) => `t."${k}"`).join(", ")}))::text AS sums FROM (
       SELECT q.key, ${SUMS}
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[]) AS q(key, campaign, sdr, grain, d0, d1)
         CROSS JOIN LATERAL (
           SELECT * FROM "CampaignPeriodStat" c
            WHERE c."campaignId" = q.campaign AND c."sdrId" = q.sdr AND c."grain" = q.grain AND c."start" BETWEEN q.d0 AND q.d1
         ) s
        GROUP BY q.key) t`,
    parts.map((p) => p.key),
    parts.map((p) => p.campaignId),
    parts.map((p) => p.sdrId),
    parts.map((p) => p.grain),
    parts.map((p) => p.from),
    parts.map((p) => p.to),
  );
  const found = JSON.parse(row?.sums ?? "{}") as Record<string, number[]>;
  const byRange = new Map(Object.entries(found).map(([key, values]) => [key, fromValues(values)]));
  for (const r of ranges) out.set(r.key, byRange.get(rangeOf(r)) ?? zeroCounters());
  return out;
}

/** Day-by-day counters of one range (for an objective's chart), from the period totals' day rows. */
export async function dailyCounters(range: Omit<Range, "key">): Promise<{ day: Day; counters: Counters }[]> {
  const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT to_char(s."start", 'YYYY-MM-DD') AS day, ${SUMS}
       FROM "CampaignPeriodStat" s
      WHERE s."campaignId" = $1 AND s."sdrId" = $4 AND s."grain" = 'D' AND s."start" BETWEEN $2::date AND $3::date
      GROUP BY s."start" ORDER BY s."start"`,
    range.campaignId,
    range.start,
    range.end,
    range.sdrId ?? "",
  );
  return rows.map((row) => ({ day: String(row.day), counters: toCounters(row) }));
}

/** Recomputes the whole rollup and its period totals from the meetings and activity rows (writers wait meanwhile). */
export async function rebuildRollup() {
  await prisma.$executeRawUnsafe(`SELECT rdv_rebuild_rollup()`);
}
