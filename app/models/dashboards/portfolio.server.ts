// The portfolio: every campaign the actor may see (agency admin: all; AM: theirs; SDR: assigned; client: their
// company's) with the period's key figures, objectives at risk and open disputes; filtered, sorted, paginated.
// A fixed number of statements whatever the number of campaigns: the ids in scope, the objectives and their pace
// (paceFor: one sumRanges), then ONE statement that sums the rollup, reads the open disputes per campaign
// ("CampaignDisputeCount", kept by triggers: decision 0062), sorts, totals (window sums) and cuts the page in SQL:
// only the page's rows leave the database.
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { isClientRole } from "~/domain/shared/permissions";
import { COUNTER_KEYS, metricValue, zeroCounters } from "~/domain/objectives/metrics";
import { DEFAULT_TIME_ZONE } from "~/domain/shared/timezone";
import { todayIn } from "~/domain/objectives/dates";
import { resolvePeriod, type PeriodInput } from "~/domain/dashboards/periods";
import { PORTFOLIO_PAGE_SIZE, PORTFOLIO_STATUSES, type PortfolioSort } from "~/domain/dashboards/portfolio";
import type { CampaignStatus, Prisma } from "~/generated/prisma/client";
import { campaignScope } from "../scope.server";
import { INCLUDE, objectiveScope, paceFor } from "../objectives/objectives.server";


export type PortfolioInput = PeriodInput & {
  q?: string | null;
  status?: (typeof PORTFOLIO_STATUSES)[number] | null;
  clientId?: string | null;
  sort: PortfolioSort;
  dir: "asc" | "desc";
  page: number;
};

export type PortfolioRow = {
  id: string; name: string; status: CampaignStatus; client: string; accountManager: string | null; currency: string;
  booked: number; held: number; accepted: number; acceptanceRate: number | null; averageRating: number | null; pipelineValue: number;
  atRisk: number; openDisputes: number;
};

/** Each sort key as an expression over the page query's rows (the same definitions as metricValue's). */
const SORT_SQL: Record<PortfolioSort, string> = {
  name: `r."name"`,
  client: `r."client"`,
  booked: `r."booked"`,
  held: `r."held"`,
  accepted: `r."accepted"`,
  acceptanceRate: `CASE WHEN r."held" > 0 THEN r."accepted" / r."held" END`,
  averageRating: `CASE WHEN r."ratingCount" > 0 THEN r."ratingSum" / r."ratingCount" END`,
  atRisk: `r."atRisk"`,
  openDisputes: `r."openDisputes"`,
};

const SUMS = COUNTER_KEYS.map((k) => `COALESCE(sum(s."${k}"), 0)::float8 AS "${k}"`).join(", ");

export async function portfolio(actor: Actor, input: PortfolioInput, now = new Date()) {
  assertCan(actor, "campaign:read");
  const timeZone = actor.timeZone ?? DEFAULT_TIME_ZONE;
  const today = todayIn(timeZone, now);
  // "The campaign" has no meaning across campaigns: the portfolio offers the calendar periods and a custom range.
  const kind = input.kind === "campaign" ? "month" : input.kind;
  const resolved = resolvePeriod({ ...input, kind }, { timeZone, now, campaign: { start: today, end: today } });
  const q = (input.q ?? "").trim().slice(0, 100);
  const where: Prisma.CampaignWhereInput = {
    AND: [
      campaignScope(actor),
      input.status ? { status: input.status } : {},
      input.clientId && !isClientRole(actor.role) ? { clientCompanyId: input.clientId } : {},
      q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { clientCompany: { name: { contains: q, mode: "insensitive" } } }] } : {},
    ],
  };
  const [campaigns, clients] = await Promise.all([
    // Only the ids in scope (the scope stays in one place, campaignScope); the page is sorted and cut in SQL below.
    prisma.campaign.findMany({ where, select: { id: true }, take: 5000 }),
    isClientRole(actor.role)
      ? Promise.resolve([] as { id: string; name: string }[])
      : prisma.clientCompany.findMany({ where: { campaigns: { some: campaignScope(actor) }, agencyId: actor.agencyId }, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 }),
  ]);
  if (!resolved.ok) return { ok: false as const, error: resolved.error, clients };
  const period = resolved.period;
  const ids = campaigns.map((c) => c.id);
  const empty = { booked: 0, held: 0, accepted: 0, atRisk: 0, openDisputes: 0 };
  if (!ids.length) return { ok: true as const, period, clients, total: 0, totals: empty, page: 1, pages: 1, rows: [] as PortfolioRow[] };

  // Objectives at risk: the pace is the objectives' domain (paceFor); its counts per campaign enter the SQL below so
  // the page can be sorted on them too.
  const objectives = await prisma.objective.findMany({ where: { AND: [objectiveScope(actor), { campaignId: { in: ids }, kind: "QUANTITATIVE", campaign: { status: "ACTIVE" } }] }, include: INCLUDE, take: 5000 });
  const paced = objectives.length ? (await paceFor(actor.agencyId, objectives, now)).list : [];
  const atRisk = new Map<string, number>();
  for (const o of paced) if (o.pace.status === "AT_RISK" || o.pace.status === "OFF_TRACK") atRisk.set(o.campaignId, (atRisk.get(o.campaignId) ?? 0) + 1);

  const pages = Math.max(1, Math.ceil(ids.length / PORTFOLIO_PAGE_SIZE));
  const page = Math.min(Math.max(1, input.page), pages);
  const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(
    `WITH ids AS (SELECT * FROM unnest($1::text[], $2::int[]) AS t(id, "atRisk")),
          sums AS (SELECT s."campaignId" AS id, ${SUMS}
                     FROM "CampaignDayStat" s
                    WHERE s."campaignId" = ANY($1::text[]) AND s."day" BETWEEN $3::date AND $4::date
                    GROUP BY s."campaignId"),
          open AS (SELECT d."campaignId" AS id, d."open" AS n FROM "CampaignDisputeCount" d WHERE d."campaignId" = ANY($1::text[])),
          r AS (SELECT c."id", c."name", c."status"::text AS status, cc."name" AS client, cc."currency", u."name" AS "accountManager",
                       ids."atRisk", COALESCE(open.n, 0) AS "openDisputes", ${COUNTER_KEYS.map((k) => `COALESCE(sums."${k}", 0) AS "${k}"`).join(", ")}
                  FROM ids JOIN "Campaign" c ON c."id" = ids.id JOIN "ClientCompany" cc ON cc."id" = c."clientCompanyId"
                  LEFT JOIN "User" u ON u."id" = c."accountManagerId" LEFT JOIN sums ON sums.id = c."id" LEFT JOIN open ON open.id = c."id")
     SELECT r.*, sum(r."booked") OVER () AS "tBooked", sum(r."held") OVER () AS "tHeld", sum(r."accepted") OVER () AS "tAccepted",
            sum(r."atRisk") OVER () AS "tAtRisk", sum(r."openDisputes") OVER () AS "tOpen"
       FROM r
      ORDER BY ${SORT_SQL[input.sort]} ${input.dir === "asc" ? "ASC" : "DESC"} NULLS LAST, r."name" ASC, r."id" ASC
      LIMIT ${PORTFOLIO_PAGE_SIZE} OFFSET ${(page - 1) * PORTFOLIO_PAGE_SIZE}`,
    ids,
    ids.map((id) => atRisk.get(id) ?? 0),
    period.current.start,
    period.current.end,
  );
  const first = rows[0] ?? {};
  const totals = { booked: Number(first.tBooked ?? 0), held: Number(first.tHeld ?? 0), accepted: Number(first.tAccepted ?? 0), atRisk: Number(first.tAtRisk ?? 0), openDisputes: Number(first.tOpen ?? 0) };
  return {
    ok: true as const,
    period,
    clients,
    total: ids.length,
    totals,
    page,
    pages,
    rows: rows.map((row): PortfolioRow => {
      const k = zeroCounters();
      for (const key of COUNTER_KEYS) k[key] = Number(row[key] ?? 0);
      return {
        id: String(row.id),
        name: String(row.name),
        status: String(row.status) as PortfolioRow["status"],
        client: String(row.client),
        accountManager: row.accountManager == null ? null : String(row.accountManager),
        currency: String(row.currency),
        booked: k.booked,
        held: k.held,
        accepted: k.accepted,
        acceptanceRate: metricValue("ACCEPTANCE_RATE", k),
        averageRating: metricValue("AVERAGE_RATING", k),
        pipelineValue: k.pipelineValue,
        atRisk: Number(row.atRisk ?? 0),
        openDisputes: Number(row.openDisputes ?? 0),
      };
    }),
  };
}
