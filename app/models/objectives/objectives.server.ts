// Objectives: every query takes the actor and scopes its `where` (objectiveScope): clients read team objectives
// only, an SDR reads the team's and their own, the agency reads all of its campaigns'. Actuals come from the rollup.
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { perRequest } from "~/utils/request-memo.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { isClientRole } from "~/domain/shared/permissions";
import { Prisma } from "~/generated/prisma/client";
import { METRICS, isMetricKey, metricValue, targetRefusal, zeroCounters, addCounters, type Counters, type MetricKey } from "~/domain/objectives/metrics";
import { currentPeriod, overlaps, periodContaining, periodsOf, type Period, type PeriodKind } from "~/domain/objectives/periods";
import { pace, expectedLine, NO_DAYS_OFF, type Pace, type Thresholds } from "~/domain/objectives/pace";
import { pacer, type Pacer } from "~/domain/objectives/pacer";
import { addDays, minDay, parseDay, toDay, todayIn, type Day } from "~/domain/objectives/dates";
import { type Weights } from "~/domain/objectives/split";
import type { GapInput, ObjectiveInput } from "~/domain/objectives/schemas";
import { campaignScope } from "../scope.server";
import { campaignHeader } from "../campaign.server";
import { audit } from "../audit.server";
import { dailyCounters, sumRanges, type Range } from "./rollup.server";

/** Objectives the actor may read. Per-SDR objectives never reach a client. */
export function objectiveScope(actor: Actor): Prisma.ObjectiveWhereInput {
  const base: Prisma.ObjectiveWhereInput = { agencyId: actor.agencyId, archivedAt: null, campaign: campaignScope(actor) };
  if (isClientRole(actor.role)) return { ...base, scope: "TEAM" };
  if (actor.role === "SDR") return { ...base, OR: [{ scope: "TEAM" }, { scope: "SDR", sdrId: actor.userId }] };
  return base;
}

export const dayOrNull = (d: Date | null | undefined) => (d ? toDay(d) : null);

// The hot reads of the objectives pages are plain SQL (one cheap statement each): Prisma 6's client engine compiles
// every model query on the event loop, which cost more CPU than these statements' whole execution
// (docs/decisions/0061-objectives-pages-cpu.md).
type AgencySettingsRow = { timeZone: string; paceOnTrackPct: number; paceAtRiskPct: number; weightRampingPct: number; weightConfirmedPct: number; weightSeniorPct: number };

export async function agencySettings(agencyId: string) {
  const [a] = await prisma.$queryRaw<AgencySettingsRow[]>`
    SELECT "timeZone", "paceOnTrackPct", "paceAtRiskPct", "weightRampingPct", "weightConfirmedPct", "weightSeniorPct"
      FROM "Agency" WHERE "id" = ${agencyId}`;
  if (!a) throw notFound();
  const thresholds: Thresholds = { onTrackPct: a.paceOnTrackPct, atRiskPct: a.paceAtRiskPct };
  const weights: Weights = { RAMPING: a.weightRampingPct, CONFIRMED: a.weightConfirmedPct, SENIOR: a.weightSeniorPct };
  return { timeZone: a.timeZone, thresholds, weights };
}

export async function daysOffOf(campaignIds: string[]) {
  const rows = campaignIds.length
    ? await prisma.$queryRaw<{ campaignId: string; day: Day }[]>`
        SELECT "campaignId", to_char("day", 'YYYY-MM-DD') AS "day" FROM "CampaignDayOff" WHERE "campaignId" = ANY(${campaignIds}::text[])`
    : [];
  const out = new Map<string, Set<Day>>();
  for (const r of rows) (out.get(r.campaignId) ?? out.set(r.campaignId, new Set()).get(r.campaignId)!).add(r.day);
  return out;
}

/** The actor's agency settings, read once per request (the tab's objectives and qualitative blocks share it). */
export function settingsOf(actor: Actor) {
  return perRequest(actor, "agencySettings", () => agencySettings(actor.agencyId));
}

/** A campaign's days off with their labels (the tab's list and its pacing share one statement per request). */
export function campaignDaysOff(actor: Actor, campaignId: string) {
  return perRequest(actor, `daysOff:${campaignId}`, () =>
    prisma.$queryRaw<{ id: string; day: Day; label: string }[]>`
      SELECT "id", to_char("day", 'YYYY-MM-DD') AS "day", "label" FROM "CampaignDayOff" WHERE "campaignId" = ${campaignId} ORDER BY "day" ASC`);
}

/** A campaign the actor may manage objectives on (the agency's scope), with what validation needs. */
export async function managedCampaign(actor: Actor, campaignId: string) {
  assertCan(actor, "objective:manage");
  const c = await prisma.campaign.findFirst({
    where: { id: campaignId, ...campaignScope(actor) },
    select: { id: true, clientCompanyId: true, startDate: true, endDate: true, assignments: { select: { userId: true, maturity: true, rampUntil: true } } },
  });
  if (!c) throw notFound();
  return c;
}

export const invalid = (key: string, field?: string) => new DomainError("INVALID", key, field);

/** The objective's first day and last day from what was typed, kept within the campaign. */
export function normalizePeriod(input: Pick<ObjectiveInput, "periodKind" | "recurring" | "startsOn" | "endsOn">, campaign: { startDate: Day | null; endDate: Day | null }) {
  const { startDate, endDate } = campaign;
  if (input.periodKind === "CAMPAIGN") {
    if (!startDate || !endDate) throw invalid("objectives.errors.campaignDates", "periodKind");
    return { startsOn: startDate, endsOn: endDate as Day | null };
  }
  const first = periodContaining(input.periodKind, input.startsOn);
  let startsOn = input.recurring ? input.startsOn : first.start;
  let endsOn: Day | null = input.recurring ? input.endsOn ?? endDate : first.end;
  if (startDate && startsOn < startDate) startsOn = startDate;
  if (endDate && endsOn && endsOn > endDate) endsOn = endDate;
  if ((startDate && input.startsOn < startDate && (!endsOn || endsOn < startDate)) || (endDate && input.startsOn > endDate)) {
    throw invalid("objectives.errors.outsideCampaign", "startsOn");
  }
  if (input.endsOn && endDate && input.endsOn > endDate) throw invalid("objectives.errors.outsideCampaign", "endsOn");
  if (endsOn && endsOn < startsOn) throw invalid("objectives.errors.outsideCampaign", "startsOn");
  return { startsOn, endsOn };
}

/** Target as stored: money typed in major units becomes minor units; everything else as typed. */
export function storedTarget(metric: MetricKey, typed: number) {
  return METRICS[metric].unit === "money" ? Math.round(typed * 100) : typed;
}

export async function assertNoDuplicate(
  tx: Prisma.TransactionClient,
  o: { campaignId: string; metric: string; scopeKey: string; periodKind: PeriodKind; startsOn: Day; endsOn: Day | null; excludeId?: string },
) {
  const others = await tx.objective.findMany({
    where: { campaignId: o.campaignId, metric: o.metric, scopeKey: o.scopeKey, periodKind: o.periodKind, archivedAt: null, id: o.excludeId ? { not: o.excludeId } : undefined },
    select: { startsOn: true, endsOn: true },
  });
  const far = "9999-12-31";
  const mine: Period = { start: o.startsOn, end: o.endsOn ?? far };
  if (others.some((x) => overlaps(mine, { start: toDay(x.startsOn), end: dayOrNull(x.endsOn) ?? far }))) {
    throw new DomainError("CONFLICT", "objectives.errors.duplicate", "metric");
  }
}

/** Creates a quantitative objective (team or one assigned SDR). Refuses duplicates: same metric, scope and period. */
export async function createObjective(actor: Actor, campaignId: string, input: ObjectiveInput) {
  const c = await managedCampaign(actor, campaignId);
  const target = storedTarget(input.metric, input.target);
  const refusal = targetRefusal(input.metric, target);
  if (refusal) throw invalid(refusal, "target");
  const sdrId = input.scope === "SDR" ? input.sdrId! : null;
  if (sdrId && !c.assignments.some((a) => a.userId === sdrId)) throw invalid("objectives.errors.sdrNotAssigned", "sdrId");
  const { startsOn, endsOn } = normalizePeriod(input, { startDate: dayOrNull(c.startDate), endDate: dayOrNull(c.endDate) });
  const scopeKey = sdrId ?? "TEAM";
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`objective:${campaignId}`}))`;
    await assertNoDuplicate(tx, { campaignId, metric: input.metric, scopeKey, periodKind: input.periodKind, startsOn, endsOn });
    const o = await tx.objective.create({
      data: {
        agencyId: actor.agencyId, campaignId, kind: "QUANTITATIVE", metric: input.metric, target, scope: input.scope, sdrId, scopeKey,
        periodKind: input.periodKind, recurring: input.recurring, startsOn: parseDay(startsOn), endsOn: endsOn ? parseDay(endsOn) : null,
        stake: input.stake, why: input.why, createdById: actor.userId,
      },
    });
    await audit(tx, actor, "objective.created", { clientCompanyId: c.clientCompanyId, campaignId }, { objectiveId: o.id, metric: input.metric, target, scope: input.scope, sdrId });
    return o;
  });
}

export type Loaded = Prisma.ObjectiveGetPayload<{ include: { campaign: { select: { id: true; name: true; endDate: true; clientCompany: { select: { currency: true } } } }; sdr: { select: { id: true; name: true } } } }>;

export type ObjectivePace = {
  id: string;
  campaignId: string;
  campaignName: string;
  metric: MetricKey;
  unit: string;
  target: number;
  scope: "TEAM" | "SDR";
  sdr: { id: string; name: string } | null;
  periodKind: PeriodKind;
  recurring: boolean;
  stake: string;
  why: string;
  currency: string;
  period: Period;
  pace: Pace;
};

export function toPace(o: Loaded, period: Period, counters: Counters, today: Day, daysOff: ReadonlySet<Day>, thresholds: Thresholds, with_?: Pacer): ObjectivePace {
  const metric = o.metric as MetricKey;
  const def = METRICS[metric];
  const actual = metricValue(metric, counters);
  return {
    id: o.id, campaignId: o.campaignId, campaignName: o.campaign.name, metric, unit: def.unit, target: o.target ?? 0,
    scope: o.scope, sdr: o.sdr, periodKind: o.periodKind, recurring: o.recurring, stake: o.stake, why: o.why,
    currency: o.campaign.clientCompany.currency, period,
    pace: with_ ? with_.pace(def.aggregation, o.target ?? 0, actual, period, daysOff) : pace({ aggregation: def.aggregation, target: o.target ?? 0, actual, period, today, daysOff, thresholds }),
  };
}

export const INCLUDE = {
  campaign: { select: { id: true, name: true, endDate: true, clientCompany: { select: { currency: true } } } },
  sdr: { select: { id: true, name: true } },
} as const;

/** The current period's pace of many objectives: one query for the objectives, one for the rollup, one for days off. */
export function withPace(actor: Actor, objectives: Loaded[], now: Date) {
  return paceFor(actor.agencyId, objectives, now);
}

/**
 * The current period's pace of many objectives. Round trips in sequence: the agency's settings (unless given), then
 * the days off and every range sum together (plus `extra` ranges summed in the same statement, e.g. a funnel).
 */
export async function paceFor(agencyId: string, objectives: Loaded[], now: Date, given?: Settings, extra: (today: Day) => Range[] = () => []) {
  const settings = given ?? (await agencySettings(agencyId));
  const today = todayIn(settings.timeZone, now);
  const quantitative = objectives.filter((o) => o.kind === "QUANTITATIVE" && isMetricKey(o.metric));
  // Periods and working days memoised for the request (many objectives share them).
  const p = pacer(today, settings.thresholds);
  const periods = new Map(quantitative.map((o) => [o.id, p.period(spec(o), dayOrNull(o.campaign.endDate))]));
  const [daysOff, sums] = await Promise.all([
    daysOffOf([...new Set(quantitative.map((o) => o.campaignId))]),
    sumRanges([
      ...quantitative.map((o) => ({ key: o.id, campaignId: o.campaignId, sdrId: o.sdrId, start: periods.get(o.id)!.start, end: periods.get(o.id)!.end })),
      ...extra(today),
    ]),
  ]);
  return {
    today,
    settings,
    sums,
    list: quantitative.map((o) => toPace(o, periods.get(o.id)!, sums.get(o.id) ?? zeroCounters(), today, daysOff.get(o.campaignId) ?? NO_DAYS_OFF, settings.thresholds, p)),
  };
}

export type Settings = Awaited<ReturnType<typeof agencySettings>>;

/**
 * A quantitative objective as the hot pages read it in plain SQL (OBJECTIVE_ROW_SQL): what pacing and the lists need,
 * days as "YYYY-MM-DD" strings. Paced by paceRows with the same results as paceFor over the Prisma rows
 * (tests/integration/objectives-hot-paths.test.ts).
 */
export type ObjectiveRow = {
  id: string; campaignId: string; campaignName: string; campaignEnd: Day | null; currency: string; sdrId: string | null; sdrName: string | null;
  metric: string; target: number | null; scope: "TEAM" | "SDR"; periodKind: PeriodKind; recurring: boolean; startsOn: Day; endsOn: Day | null;
  stake: string; why: string;
};

/** The columns of ObjectiveRow, over `"Objective" o` joined to its campaign `c`, client `cc` and SDR `u` (OBJECTIVE_ROW_FROM). */
export const OBJECTIVE_ROW_SQL = Prisma.sql`o."id", o."campaignId", c."name" AS "campaignName", to_char(c."endDate", 'YYYY-MM-DD') AS "campaignEnd",
  cc."currency", o."sdrId", u."name" AS "sdrName", o."metric", o."target", o."scope"::text AS "scope", o."periodKind"::text AS "periodKind",
  o."recurring", to_char(o."startsOn", 'YYYY-MM-DD') AS "startsOn", to_char(o."endsOn", 'YYYY-MM-DD') AS "endsOn", o."stake"::text AS "stake", o."why"`;
export const OBJECTIVE_ROW_FROM = Prisma.sql`"Objective" o JOIN "Campaign" c ON c."id" = o."campaignId" JOIN "ClientCompany" cc ON cc."id" = c."clientCompanyId"
  LEFT JOIN "User" u ON u."id" = o."sdrId"`;

/** objectiveScope's visibility in SQL (over `"Objective" o`): clients read team objectives, an SDR the team's and their own. */
export function objectiveVisibilitySql(actor: Actor) {
  if (isClientRole(actor.role)) return Prisma.sql`AND o."scope" = 'TEAM'`;
  if (actor.role === "SDR") return Prisma.sql`AND (o."scope" = 'TEAM' OR (o."scope" = 'SDR' AND o."sdrId" = ${actor.userId}))`;
  return Prisma.empty;
}

export type PacedRow<R extends ObjectiveRow = ObjectiveRow> = { o: R; period: Period; pace: Pace };

/**
 * The current period's pace of objective rows (paceFor's computation without building a Prisma object per
 * objective): the days off and every range sum in one round trip, periods and working days memoised per request.
 */
export async function paceRows<R extends ObjectiveRow>(rows: R[], settings: Settings, now: Date, extra: (today: Day) => Range[] = () => [], knownDaysOff?: Promise<Map<string, Set<Day>>>) {
  const today = todayIn(settings.timeZone, now);
  const p = pacer(today, settings.thresholds);
  const objectives = rows.filter((o) => isMetricKey(o.metric));
  const periods = objectives.map((o) => p.period(o, o.campaignEnd));
  const [daysOff, sums] = await Promise.all([
    knownDaysOff ?? daysOffOf([...new Set(objectives.map((o) => o.campaignId))]),
    sumRanges([...objectives.map((o, i) => ({ key: o.id, campaignId: o.campaignId, sdrId: o.sdrId, start: periods[i].start, end: periods[i].end })), ...extra(today)]),
  ]);
  const paced: PacedRow<R>[] = objectives.map((o, i) => {
    const metric = o.metric as MetricKey;
    const actual = metricValue(metric, sums.get(o.id) ?? zeroCounters());
    return { o, period: periods[i], pace: p.pace(METRICS[metric].aggregation, o.target ?? 0, actual, periods[i], daysOff.get(o.campaignId) ?? NO_DAYS_OFF) };
  });
  return { today, sums, paced };
}

/** The ObjectivePace of a paced row (what toPace gives for the Prisma row). */
export function objectivePace({ o, period, pace: paced }: PacedRow): ObjectivePace {
  const metric = o.metric as MetricKey;
  return {
    id: o.id, campaignId: o.campaignId, campaignName: o.campaignName, metric, unit: METRICS[metric].unit, target: o.target ?? 0,
    scope: o.scope, sdr: o.sdrId && o.sdrName !== null ? { id: o.sdrId, name: o.sdrName } : null, periodKind: o.periodKind, recurring: o.recurring,
    stake: o.stake, why: o.why, currency: o.currency, period, pace: paced,
  };
}

export function spec(o: { periodKind: PeriodKind; recurring: boolean; startsOn: Date; endsOn: Date | null }) {
  return { periodKind: o.periodKind, recurring: o.recurring, startsOn: toDay(o.startsOn), endsOn: dayOrNull(o.endsOn) };
}

/** A campaign's objectives the actor may read, with their current pace and open actions (a handful of queries). */
export async function campaignObjectives(actor: Actor, campaignId: string, now = new Date()) {
  assertCan(actor, "objective:read");
  // Two round trips in sequence: the campaign (its scope: campaignScope; the layout's header read, shared within the
  // request), its objectives with their open gaps and last target change (one plain statement: it returns nothing
  // unless the campaign check passes) and the settings together; then the sums (objectives and funnel in one
  // statement) and the days off (shared with the tab's list) together.
  const [campaign, rows, settings] = await Promise.all([
    campaignHeader(actor, campaignId),
    prisma.$queryRaw<(ObjectiveRow & { openGaps: number; lastChange: { from: number; to: number; reason: string; at: string } | null })[]>`
      SELECT ${OBJECTIVE_ROW_SQL},
             (SELECT count(*)::int FROM "GapAnalysis" g WHERE g."objectiveId" = o."id" AND g."status" = 'OPEN') AS "openGaps",
             (SELECT json_build_object('from', t."from", 'to', t."to", 'reason', t."reason", 'at', to_char(t."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                FROM "ObjectiveTargetChange" t WHERE t."objectiveId" = o."id" ORDER BY t."createdAt" DESC, t."id" DESC LIMIT 1) AS "lastChange"
        FROM ${OBJECTIVE_ROW_FROM}
       WHERE o."campaignId" = ${campaignId} AND o."agencyId" = ${actor.agencyId} AND c."agencyId" = ${actor.agencyId} AND o."archivedAt" IS NULL
         AND o."kind" = 'QUANTITATIVE' ${objectiveVisibilitySql(actor)}
       ORDER BY o."scope" ASC, o."createdAt" ASC, o."id" ASC
       LIMIT 200`,
    settingsOf(actor),
  ]);
  if (!campaign) throw notFound();
  // The days off of this one campaign: the tab's list reads the same statement (campaignDaysOff, once per request).
  const daysOff = campaignDaysOff(actor, campaignId).then((rows) => new Map([[campaignId, new Set(rows.map((r) => r.day))]]));
  let funnelRange = { start: "" as Day, end: "" as Day };
  const funnelOf = (today: Day): Range[] => {
    const start = dayOrNull(campaign.startDate) ?? addDays(today, -90);
    funnelRange = { start: start < today ? start : today, end: today };
    return [{ key: "~funnel", campaignId, sdrId: null, ...funnelRange }];
  };
  const { paced, today, sums } = await paceRows(rows, settings, now, funnelOf, daysOff);
  return {
    today,
    campaign: { startDate: dayOrNull(campaign.startDate), endDate: dayOrNull(campaign.endDate) },
    funnel: sums.get("~funnel") ?? zeroCounters(),
    funnelRange,
    objectives: paced.map((r) => ({ ...objectivePace(r), openGaps: r.o.openGaps, lastChange: r.o.lastChange })),
  };
}

/** One objective in the actor's scope, with every period so far, the current period's daily series, history and gaps. */
export async function getObjective(actor: Actor, objectiveId: string, now = new Date()) {
  assertCan(actor, "objective:read");
  const o = await prisma.objective.findFirst({ where: { AND: [objectiveScope(actor), { id: objectiveId }] }, include: INCLUDE });
  if (!o || !isMetricKey(o.metric)) throw notFound();
  const settings = await settingsOf(actor);
  const today = todayIn(settings.timeZone, now);
  const daysOff = (await daysOffOf([o.campaignId])).get(o.campaignId) ?? new Set<Day>();
  const all = periodsOf(spec(o), dayOrNull(o.campaign.endDate), today);
  const periods = all.length ? all : [currentPeriod(spec(o), dayOrNull(o.campaign.endDate), today)];
  const current = currentPeriod(spec(o), dayOrNull(o.campaign.endDate), today);
  const [sums, frozen, series, changes, gaps] = await Promise.all([
    sumRanges(periods.map((p) => ({ key: p.start, campaignId: o.campaignId, sdrId: o.sdrId, start: p.start, end: p.end }))),
    prisma.objectivePeriod.findMany({ where: { objectiveId: o.id, closedAt: { not: null } } }),
    dailyCounters({ campaignId: o.campaignId, sdrId: o.sdrId, start: current.start, end: current.end }),
    prisma.objectiveTargetChange.findMany({ where: { objectiveId: o.id }, orderBy: { createdAt: "desc" }, include: { changedBy: { select: { name: true } } } }),
    prisma.gapAnalysis.findMany({ where: { objectiveId: o.id }, orderBy: { createdAt: "desc" }, include: { owner: { select: { id: true, name: true } } } }),
  ]);
  const frozenBy = new Map(frozen.map((f) => [toDay(f.periodStart), f]));
  const metric = o.metric as MetricKey;
  const history = periods
    .map((p) => {
      const f = frozenBy.get(p.start);
      const live = toPace(o, p, sums.get(p.start) ?? zeroCounters(), today, daysOff, settings.thresholds);
      // A closed period shows the result frozen when it closed (with the target it had then).
      return f ? { ...live, pace: { ...live.pace, actual: f.actual, target: f.target ?? live.target, status: (f.status ?? live.pace.status) as Pace["status"], final: true } } : live;
    })
    .reverse();
  const currentPace = toPace(o, current, sums.get(current.start) ?? (await sumRanges([{ key: "c", campaignId: o.campaignId, sdrId: o.sdrId, ...current }])).get("c")!, today, daysOff, settings.thresholds);
  // Cumulative actual day by day (sums) or the running rate (ratios), against the expected line.
  const byDay = new Map(series.map((s) => [s.day, s.counters]));
  let running = zeroCounters();
  const lastShown = minDay(current.end, today);
  const chart = expectedLine(o.target ?? 0, current, daysOff).map((pt) => {
    if (pt.day <= lastShown) running = addCounters(running, byDay.get(pt.day) ?? {});
    return { day: pt.day, expected: METRICS[metric].aggregation === "sum" ? pt.expected : o.target ?? 0, actual: pt.day <= lastShown ? metricValue(metric, running) : null };
  });
  return {
    objective: currentPace,
    today,
    chart,
    history: history.slice(0, 24),
    changes: changes.map((c) => ({ id: c.id, from: c.from, to: c.to, reason: c.reason, at: c.createdAt.toISOString(), by: c.changedBy?.name ?? null })),
    gaps: gaps.map((g) => ({
      id: g.id, lever: g.lever, diagnosis: g.diagnosis, action: g.action, owner: g.owner, dueDate: toDay(g.dueDate), status: g.status,
      createdAt: g.createdAt.toISOString(), day: toDay(g.createdAt),
    })),
  };
}

export async function managedObjective(actor: Actor, objectiveId: string) {
  assertCan(actor, "objective:manage");
  const o = await prisma.objective.findFirst({ where: { AND: [objectiveScope(actor), { id: objectiveId }] }, include: { campaign: { select: { clientCompanyId: true } } } });
  if (!o) throw notFound();
  return o;
}

/** Changes a target: a recorded decision with its reason (required), shown to the client. */
export async function changeTarget(actor: Actor, objectiveId: string, input: { target: number; reason: string }) {
  const o = await managedObjective(actor, objectiveId);
  const reason = input.reason.trim();
  if (reason.length < 3) throw invalid("objectives.errors.reasonRequired", "reason");
  const metric = o.metric as MetricKey;
  const to = storedTarget(metric, input.target);
  const refusal = targetRefusal(metric, to);
  if (refusal) throw invalid(refusal, "target");
  if (to === o.target) throw invalid("objectives.errors.sameTarget", "target");
  await prisma.$transaction(async (tx) => {
    await tx.objectiveTargetChange.create({ data: { objectiveId: o.id, from: o.target ?? 0, to, reason, changedById: actor.userId } });
    await tx.objective.update({ where: { id: o.id }, data: { target: to } });
    await audit(tx, actor, "objective.target_changed", { clientCompanyId: o.campaign.clientCompanyId, campaignId: o.campaignId }, { objectiveId: o.id, from: o.target, to, reason });
  });
}

/** Archives an objective (kept in the audit trail; no longer shown). */
export async function archiveObjective(actor: Actor, objectiveId: string) {
  const o = await managedObjective(actor, objectiveId);
  await prisma.$transaction(async (tx) => {
    await tx.objective.update({ where: { id: o.id }, data: { archivedAt: new Date() } });
    await audit(tx, actor, "objective.archived", { clientCompanyId: o.campaign.clientCompanyId, campaignId: o.campaignId }, { objectiveId: o.id });
  });
}

/** Records a gap analysis: the lever adjusted, the diagnosis, the action, its owner (an agency user) and due date. */
export async function addGapAnalysis(actor: Actor, objectiveId: string, input: GapInput) {
  const o = await managedObjective(actor, objectiveId);
  const owner = await prisma.membership.findFirst({ where: { agencyId: actor.agencyId, userId: input.ownerId, clientCompanyId: null } });
  if (!owner) throw invalid("objectives.errors.owner", "ownerId");
  return prisma.$transaction(async (tx) => {
    const g = await tx.gapAnalysis.create({
      data: { objectiveId: o.id, lever: input.lever, diagnosis: input.diagnosis, action: input.action, ownerId: input.ownerId, dueDate: parseDay(input.dueDate), createdById: actor.userId },
    });
    await audit(tx, actor, "objective.gap_analysis", { clientCompanyId: o.campaign.clientCompanyId, campaignId: o.campaignId }, { objectiveId: o.id, gapId: g.id, lever: input.lever });
    return g;
  });
}

/** Marks a gap analysis's action done (or open again). */
export async function setGapStatus(actor: Actor, objectiveId: string, gapId: string, status: "OPEN" | "DONE") {
  const o = await managedObjective(actor, objectiveId);
  const r = await prisma.gapAnalysis.updateMany({ where: { id: gapId, objectiveId: o.id }, data: { status, doneAt: status === "DONE" ? new Date() : null } });
  if (r.count === 0) throw notFound();
}

/** The agency users who may own an action (the owner picker). */
export async function actionOwners(actor: Actor) {
  const rows = await prisma.membership.findMany({
    where: { agencyId: actor.agencyId, clientCompanyId: null },
    select: { user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map((r) => r.user);
}
