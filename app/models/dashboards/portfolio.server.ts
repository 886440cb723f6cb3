// The portfolio: every campaign the actor may see (agency admin: all; AM: theirs; SDR: assigned; client: their
// company's) with the period's key figures, objectives at risk and open disputes; filtered, sorted, paginated.
// A fixed number of statements whatever the number of campaigns: the campaigns, ONE grouped read of the rollup for
// all of them, one grouped count of open disputes, the objectives and their pace (paceFor: one sumRanges).
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { isClientRole } from "~/domain/shared/permissions";
import { COUNTER_KEYS, metricValue, zeroCounters, type Counters } from "~/domain/objectives/metrics";
import { DEFAULT_TIME_ZONE } from "~/domain/shared/timezone";
import { todayIn } from "~/domain/objectives/dates";
import { resolvePeriod, type PeriodInput } from "~/domain/dashboards/periods";
import { PORTFOLIO_PAGE_SIZE, PORTFOLIO_STATUSES, type PortfolioSort } from "~/domain/dashboards/portfolio";
import type { Prisma } from "~/generated/prisma/client";
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
    prisma.campaign.findMany({
      where,
      select: { id: true, name: true, status: true, clientCompany: { select: { id: true, name: true, currency: true } }, accountManager: { select: { name: true } } },
      orderBy: { name: "asc" },
      take: 5000,
    }),
    isClientRole(actor.role)
      ? Promise.resolve([] as { id: string; name: string }[])
      : prisma.clientCompany.findMany({ where: { campaigns: { some: campaignScope(actor) }, agencyId: actor.agencyId }, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 }),
  ]);
  if (!resolved.ok) return { ok: false as const, error: resolved.error, clients };
  const period = resolved.period;
  const ids = campaigns.map((c) => c.id);

  const [sums, disputes, objectives] = await Promise.all([
    ids.length
      ? prisma.$queryRawUnsafe<Record<string, unknown>[]>(
          `SELECT s."campaignId" AS id, ${SUMS}
             FROM "CampaignDayStat" s
            WHERE s."campaignId" = ANY($1::text[]) AND s."day" BETWEEN $2::date AND $3::date
            GROUP BY s."campaignId"`,
          ids,
          period.current.start,
          period.current.end,
        )
      : Promise.resolve([]),
    ids.length
      ? prisma.meeting.groupBy({ by: ["campaignId"], where: { campaignId: { in: ids }, verdict: "DISPUTED" }, _count: { _all: true } })
      : Promise.resolve([]),
    ids.length
      ? prisma.objective.findMany({ where: { AND: [objectiveScope(actor), { campaignId: { in: ids }, kind: "QUANTITATIVE", campaign: { status: "ACTIVE" } }] }, include: INCLUDE, take: 5000 })
      : Promise.resolve([]),
  ]);
  const paced = objectives.length ? (await paceFor(actor.agencyId, objectives, now)).list : [];
  const counters = new Map<string, Counters>();
  for (const row of sums) {
    const c = zeroCounters();
    for (const k of COUNTER_KEYS) c[k] = Number(row[k] ?? 0);
    counters.set(String(row.id), c);
  }
  const open = new Map(disputes.map((d) => [d.campaignId, d._count._all]));
  const atRisk = new Map<string, number>();
  for (const o of paced) if (o.pace.status === "AT_RISK" || o.pace.status === "OFF_TRACK") atRisk.set(o.campaignId, (atRisk.get(o.campaignId) ?? 0) + 1);

  const rows = campaigns.map((c) => {
    const k = counters.get(c.id) ?? zeroCounters();
    return {
      id: c.id,
      name: c.name,
      status: c.status,
      client: c.clientCompany.name,
      accountManager: c.accountManager?.name ?? null,
      currency: c.clientCompany.currency,
      booked: k.booked,
      held: k.held,
      accepted: k.accepted,
      acceptanceRate: metricValue("ACCEPTANCE_RATE", k),
      averageRating: metricValue("AVERAGE_RATING", k),
      pipelineValue: k.pipelineValue,
      atRisk: atRisk.get(c.id) ?? 0,
      openDisputes: open.get(c.id) ?? 0,
    };
  });
  const key = input.sort;
  rows.sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === y) return a.name.localeCompare(b.name);
    if (x === null) return 1;
    if (y === null) return -1;
    const c = typeof x === "string" && typeof y === "string" ? x.localeCompare(y) : Number(x) - Number(y);
    return input.dir === "asc" ? c : -c;
  });
  const pages = Math.max(1, Math.ceil(rows.length / PORTFOLIO_PAGE_SIZE));
  const page = Math.min(Math.max(1, input.page), pages);
  const totals = rows.reduce(
    (t, r) => ({ booked: t.booked + r.booked, held: t.held + r.held, accepted: t.accepted + r.accepted, atRisk: t.atRisk + r.atRisk, openDisputes: t.openDisputes + r.openDisputes }),
    { booked: 0, held: 0, accepted: 0, atRisk: 0, openDisputes: 0 },
  );
  return {
    ok: true as const,
    period,
    clients,
    total: rows.length,
    totals,
    page,
    pages,
    rows: rows.slice((page - 1) * PORTFOLIO_PAGE_SIZE, page * PORTFOLIO_PAGE_SIZE),
  };
}
