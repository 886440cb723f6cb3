// The campaign Overview's figures over a chosen period and the previous one of the same length. Read from the
// rollup ("CampaignDayStat", exact by triggers: docs/decisions/0006-rollup.md) in ONE grouped statement (totals,
// days, SDRs and persona versions at once), the ratings per score from their own rollup ("CampaignDayRating",
// decision 0054), the disputes per criterion from theirs ("CampaignDayDispute", decision 0062), and the objectives' pace. Never a meeting list. Decision 0036.
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { notFound } from "~/domain/shared/errors";
import { isAgencyRole } from "~/domain/shared/permissions";
import { COUNTER_KEYS, addCounters, funnel, metricValue, zeroCounters, type Counters, type MetricKey } from "~/domain/objectives/metrics";
import { periodsOf } from "~/domain/objectives/periods";
import { toDay, type Day } from "~/domain/objectives/dates";
import { DEFAULT_TIME_ZONE } from "~/domain/shared/timezone";
import { kpiTiles } from "~/domain/dashboards/kpis";
import { disputeRates, type DisputeRates } from "~/domain/dashboards/rates";
import { resolvePeriod, weeksOf, type DashboardPeriod, type PeriodInput } from "~/domain/dashboards/periods";
import { expectedPerWeek } from "~/domain/dashboards/trend";
import { campaignScope } from "../scope.server";
import { INCLUDE, dayOrNull, daysOffOf, objectiveScope, paceFor, spec } from "../objectives/objectives.server";

export const RATING_CRITERIA = ["overall", "personaFit", "decisionPower", "realNeed", "briefing"] as const;
export type RatingCriterion = (typeof RATING_CRITERIA)[number];
/** The trend's series and the objective metric that draws an expected line over each. */
const TREND = [
  { key: "booked", metric: "MEETINGS_BOOKED" },
  { key: "held", metric: "MEETINGS_HELD" },
  { key: "accepted", metric: "MEETINGS_ACCEPTED" },
] as const satisfies readonly { key: keyof Counters; metric: MetricKey }[];

const SUMS = COUNTER_KEYS.map((k) => `COALESCE(sum(s."${k}"), 0)::float8 AS "${k}"`).join(", ");

function toCounters(row: Record<string, unknown>): Counters {
  const c = zeroCounters();
  for (const k of COUNTER_KEYS) c[k] = Number(row[k] ?? 0);
  return c;
}

export type OverviewInput = PeriodInput;

/**
 * Everything the Overview shows. `perSdr` is filled for the agency only (an SDR gets their own row); a client never
 * receives a per-SDR figure, not even in the loader's JSON.
 */
export async function campaignOverview(actor: Actor, campaignId: string, input: OverviewInput, now = new Date()) {
  assertCan(actor, "campaign:read");
  const campaign = await prisma.campaign.findFirst({
    where: { id: campaignId, ...campaignScope(actor) },
    select: {
      id: true, startDate: true, endDate: true, createdAt: true,
      clientCompany: { select: { currency: true } },
      personas: { select: { versions: { select: { id: true, number: true, name: true } } } },
    },
  });
  if (!campaign) throw notFound();
  const timeZone = actor.timeZone ?? DEFAULT_TIME_ZONE;
  const campaignRange = { start: dayOrNull(campaign.startDate) ?? toDay(campaign.createdAt), end: dayOrNull(campaign.endDate) };
  const resolved = resolvePeriod(input, { timeZone, now, campaign: campaignRange });
  if (!resolved.ok) return { ok: false as const, error: resolved.error, currency: campaign.clientCompany.currency };
  const period = resolved.period;
  const agencySide = isAgencyRole(actor.role);
  const onlySdr = actor.role === "SDR" ? actor.userId : null;

  const [rollup, ratings, disputes, objectives, daysOffByCampaign] = await Promise.all([
    readRollup(campaignId, period),
    readRatings(campaignId, period),
    readDisputes(campaignId, period),
    prisma.objective.findMany({ where: { AND: [objectiveScope(actor), { campaignId }] }, include: INCLUDE, orderBy: [{ scope: "asc" }, { createdAt: "asc" }], take: 100 }),
    daysOffOf([campaignId]),
  ]);
  const paced = await paceFor(actor.agencyId, objectives, now);
  const daysOff = daysOffByCampaign.get(campaignId) ?? new Set<Day>();

  // Weekly trend with the first team objective on a count as the expected line.
  const weeks = weeksOf(period.current);
  const trendRows = weeks.map((w) => {
    const c = zeroCounters();
    for (const d of rollup.days) if (d.day >= w.start && d.day <= w.end) Object.assign(c, addCounters(c, d.counters));
    return { week: w.start, booked: c.booked, held: c.held, accepted: c.accepted } as Record<string, string | number | null>;
  });
  const campaignEnd = dayOrNull(campaign.endDate);
  const expectedObjective = TREND.map((t) => objectives.find((o) => o.scope === "TEAM" && o.kind === "QUANTITATIVE" && o.metric === t.metric && o.target != null)).find(Boolean);
  let expected: { metric: MetricKey } | null = null;
  if (expectedObjective) {
    const values = expectedPerWeek(weeks, periodsOf(spec(expectedObjective), campaignEnd, period.current.end), expectedObjective.target ?? 0, daysOff);
    values.forEach((v, i) => (trendRows[i].expected = v));
    expected = { metric: expectedObjective.metric as MetricKey };
  }

  // Results by persona version (versions with something in the period, named from the campaign's personas).
  const versions = new Map(campaign.personas.flatMap((p) => p.versions.map((v) => [v.id, { number: v.number, name: v.name }] as const)));
  const byPersona = rollup.personas
    .filter((p) => versions.has(p.id) && (p.counters.booked > 0 || p.counters.held > 0))
    .map((p) => ({
      id: p.id,
      label: `${versions.get(p.id)!.name} · v${versions.get(p.id)!.number}`,
      booked: p.counters.booked,
      acceptanceRate: metricValue("ACCEPTANCE_RATE", p.counters),
      averageRating: metricValue("AVERAGE_RATING", p.counters),
      opportunities: p.counters.opportunities,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));

  // Per SDR: agency side only; an SDR sees their own row.
  let perSdr: {
    id: string; name: string; activity: number; booked: number; held: number; acceptanceRate: number | null; averageRating: number | null;
    pace: string | null; rates: DisputeRates;
  }[] = [];
  if (agencySide) {
    const rows = rollup.sdrs.filter((s) => !onlySdr || s.id === onlySdr);
    const names = new Map((await prisma.user.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
    const worst = ["OFF_TRACK", "AT_RISK", "ON_TRACK", "NOT_STARTED", "NO_DATA"];
    perSdr = rows.map((s) => {
      const statuses = paced.list.filter((o) => o.scope === "SDR" && o.sdr?.id === s.id).map((o) => o.pace.status as string);
      return {
        id: s.id,
        name: names.get(s.id) ?? "—",
        activity: s.counters.dials + s.counters.conversations + s.counters.emails + s.counters.linkedinMessages,
        booked: s.counters.booked,
        held: s.counters.held,
        acceptanceRate: metricValue("ACCEPTANCE_RATE", s.counters),
        averageRating: metricValue("AVERAGE_RATING", s.counters),
        pace: statuses.sort((a, b) => worst.indexOf(a) - worst.indexOf(b))[0] ?? null,
        rates: disputeRates(s.counters),
      };
    }).sort((a, b) => a.name.localeCompare(b.name));
  }

  return {
    ok: true as const,
    period,
    timeZone,
    currency: campaign.clientCompany.currency,
    campaign: { start: campaignRange.start, end: campaignRange.end },
    tiles: kpiTiles(rollup.current, rollup.previous),
    funnel: funnel(rollup.current),
    trend: { rows: trendRows, expected },
    ratings,
    disputes,
    /** Dispute and return rates of the period's meetings (the rollup's held, disputed and upheld counts). */
    rates: disputeRates(rollup.current),
    byPersona,
    perSdr: agencySide ? perSdr : null,
    objectives: paced.list.map((o) => ({
      id: o.id, metric: o.metric, unit: o.unit, target: o.target, scope: o.scope, sdrName: o.sdr?.name ?? null, period: o.period,
      status: o.pace.status, actual: o.pace.actual, expected: o.pace.expected, final: o.pace.final, currency: o.currency,
    })),
  };
}

export type CampaignOverview = Extract<Awaited<ReturnType<typeof campaignOverview>>, { ok: true }>;

/**
 * The period's and the previous period's totals, the current period's days, SDRs and persona versions: one
 * statement (GROUPING SETS), one index range scan of the rollup ("CampaignDayStat_campaignId_day_idx").
 */
async function readRollup(campaignId: string, p: DashboardPeriod) {
  const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT (s."day" >= $2::date) AS cur, to_char(s."day", 'YYYY-MM-DD') AS day, s."sdrId" AS sdr, s."personaVersionId" AS pv,
            GROUPING(s."day", s."sdrId", s."personaVersionId") AS g, ${SUMS}
       FROM "CampaignDayStat" s
      WHERE s."campaignId" = $1 AND s."day" BETWEEN $3::date AND $4::date
      GROUP BY GROUPING SETS ((s."day" >= $2::date), (s."day" >= $2::date, s."day"), (s."day" >= $2::date, s."sdrId"), (s."day" >= $2::date, s."personaVersionId"))`,
    campaignId,
    p.current.start,
    p.previous.start,
    p.current.end,
  );
  let current = zeroCounters();
  let previous = zeroCounters();
  const days: { day: Day; counters: Counters }[] = [];
  const sdrs: { id: string; counters: Counters }[] = [];
  const personas: { id: string; counters: Counters }[] = [];
  for (const row of rows) {
    const cur = row.cur === true;
    const g = Number(row.g);
    const c = toCounters(row);
    if (g === 7) {
      if (cur) current = addCounters(current, c);
      else previous = addCounters(previous, c);
    } else if (!cur) continue;
    else if (g === 3) days.push({ day: String(row.day), counters: c });
    else if (g === 5) sdrs.push({ id: String(row.sdr), counters: c });
    else if (g === 6 && row.pv) personas.push({ id: String(row.pv), counters: c });
  }
  return { current, previous, days, sdrs, personas };
}

/**
 * How the client rated the period's meetings, per criterion and score (1-5): one index range of the ratings rollup
 * ("CampaignDayRating", kept by triggers, decision 0054), a few hundred rows at most whatever the number of meetings.
 */
async function readRatings(campaignId: string, p: DashboardPeriod) {
  const rows = await prisma.$queryRawUnsafe<{ criterion: string; score: number; n: number }[]>(
    `SELECT r."criterion" AS criterion, r."score" AS score, sum(r."n")::int AS n
       FROM "CampaignDayRating" r
      WHERE r."campaignId" = $1 AND r."day" BETWEEN $2::date AND $3::date
      GROUP BY r."criterion", r."score"`,
    campaignId,
    p.current.start,
    p.current.end,
  );
  return RATING_CRITERIA.map((criterion) => {
    const scores = [1, 2, 3, 4, 5].map((score) => rows.find((r) => r.criterion === criterion && Number(r.score) === score)?.n ?? 0);
    const count = scores.reduce((a, b) => a + b, 0);
    const average = count ? scores.reduce((a, n, i) => a + n * (i + 1), 0) / count : null;
    return { criterion, scores, count, average };
  });
}

/**
 * Disputes of the period's meetings by criterion of the definition (its stable key): upheld, rejected, still open.
 * One index range of the disputes rollup ("CampaignDayDispute": items per campaign, agency day, criterion and verdict,
 * kept by triggers, decision 0062), never the dispute items or the meetings.
 */
async function readDisputes(campaignId: string, p: DashboardPeriod) {
  const rows = await prisma.$queryRawUnsafe<{ key: string; label: string; upheld: number; rejected: number; open: number }[]>(
    `SELECT c."key", max(c."label") AS label,
            COALESCE(sum(d."n") FILTER (WHERE d."verdict" = 'DISPUTE_UPHELD'), 0)::int AS upheld,
            COALESCE(sum(d."n") FILTER (WHERE d."verdict" = 'DISPUTE_REJECTED'), 0)::int AS rejected,
            COALESCE(sum(d."n") FILTER (WHERE d."verdict" = 'DISPUTED'), 0)::int AS open
       FROM "CampaignDayDispute" d
       JOIN "DefinitionCriterion" c ON c."id" = d."criterionId"
      WHERE d."campaignId" = $1 AND d."day" BETWEEN $2::date AND $3::date AND d."n" <> 0
      GROUP BY c."key"
     HAVING sum(d."n") > 0
      ORDER BY sum(d."n") DESC, c."key"
      LIMIT 20`,
    campaignId,
    p.current.start,
    p.current.end,
  );
  return rows.map((r) => ({ key: r.key, label: r.label, upheld: r.upheld, rejected: r.rejected, open: r.open }));
}
