// Objectives: every query takes the actor and scopes its `where` (objectiveScope): clients read team objectives
// only, an SDR reads the team's and their own, the agency reads all of its campaigns'. Actuals come from the rollup.
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { isClientRole } from "~/domain/shared/permissions";
import { Prisma } from "~/generated/prisma/client";
import { METRICS, isMetricKey, metricValue, targetRefusal, zeroCounters, addCounters, type Counters, type MetricKey } from "~/domain/objectives/metrics";
import { currentPeriod, overlaps, periodContaining, periodsOf, type Period, type PeriodKind } from "~/domain/objectives/periods";
import { pace, expectedLine, type Pace, type Thresholds } from "~/domain/objectives/pace";
import { addDays, minDay, parseDay, toDay, todayIn, type Day } from "~/domain/objectives/dates";
import { suggestSplit, type Maturity, type Weights } from "~/domain/objectives/split";
import type { GapInput, ObjectiveInput } from "~/domain/objectives/schemas";
import { campaignScope } from "../scope.server";
import { audit } from "../audit.server";
import { dailyCounters, sumRanges } from "./rollup.server";
import { sendEmailToEach } from "~/services/email.server";
import { makeT } from "~/i18n";
import { formatMetric, formatPeriod } from "~/components/objectives/format";

/** Objectives the actor may read. Per-SDR objectives never reach a client. */
export function objectiveScope(actor: Actor): Prisma.ObjectiveWhereInput {
  const base: Prisma.ObjectiveWhereInput = { agencyId: actor.agencyId, archivedAt: null, campaign: campaignScope(actor) };
  if (isClientRole(actor.role)) return { ...base, scope: "TEAM" };
  if (actor.role === "SDR") return { ...base, OR: [{ scope: "TEAM" }, { scope: "SDR", sdrId: actor.userId }] };
  return base;
}

const dayOrNull = (d: Date | null | undefined) => (d ? toDay(d) : null);

async function agencySettings(agencyId: string) {
  const a = await prisma.agency.findUniqueOrThrow({
    where: { id: agencyId },
    select: { timeZone: true, paceOnTrackPct: true, paceAtRiskPct: true, weightRampingPct: true, weightConfirmedPct: true, weightSeniorPct: true },
  });
  const thresholds: Thresholds = { onTrackPct: a.paceOnTrackPct, atRiskPct: a.paceAtRiskPct };
  const weights: Weights = { RAMPING: a.weightRampingPct, CONFIRMED: a.weightConfirmedPct, SENIOR: a.weightSeniorPct };
  return { timeZone: a.timeZone, thresholds, weights };
}

async function daysOffOf(campaignIds: string[]) {
  const rows = campaignIds.length ? await prisma.campaignDayOff.findMany({ where: { campaignId: { in: campaignIds } }, select: { campaignId: true, day: true } }) : [];
  const out = new Map<string, Set<Day>>();
  for (const r of rows) (out.get(r.campaignId) ?? out.set(r.campaignId, new Set()).get(r.campaignId)!).add(toDay(r.day));
  return out;
}

/** A campaign the actor may manage objectives on (the agency's scope), with what validation needs. */
async function managedCampaign(actor: Actor, campaignId: string) {
  assertCan(actor, "objective:manage");
  const c = await prisma.campaign.findFirst({
    where: { id: campaignId, ...campaignScope(actor) },
    select: { id: true, clientCompanyId: true, startDate: true, endDate: true, assignments: { select: { userId: true, maturity: true, rampUntil: true } } },
  });
  if (!c) throw notFound();
  return c;
}

const invalid = (key: string, field?: string) => new DomainError("INVALID", key, field);

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

async function assertNoDuplicate(
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

type Loaded = Prisma.ObjectiveGetPayload<{ include: { campaign: { select: { id: true; name: true; endDate: true; clientCompany: { select: { currency: true } } } }; sdr: { select: { id: true; name: true } } } }>;

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

function toPace(o: Loaded, period: Period, counters: Counters, today: Day, daysOff: Set<Day>, thresholds: Thresholds): ObjectivePace {
  const metric = o.metric as MetricKey;
  const def = METRICS[metric];
  return {
    id: o.id, campaignId: o.campaignId, campaignName: o.campaign.name, metric, unit: def.unit, target: o.target ?? 0,
    scope: o.scope, sdr: o.sdr, periodKind: o.periodKind, recurring: o.recurring, stake: o.stake, why: o.why,
    currency: o.campaign.clientCompany.currency, period,
    pace: pace({ aggregation: def.aggregation, target: o.target ?? 0, actual: metricValue(metric, counters), period, today, daysOff, thresholds }),
  };
}

const INCLUDE = {
  campaign: { select: { id: true, name: true, endDate: true, clientCompany: { select: { currency: true } } } },
  sdr: { select: { id: true, name: true } },
} as const;

/** The current period's pace of many objectives: one query for the objectives, one for the rollup, one for days off. */
function withPace(actor: Actor, objectives: Loaded[], now: Date) {
  return paceFor(actor.agencyId, objectives, now);
}

async function paceFor(agencyId: string, objectives: Loaded[], now: Date) {
  const settings = await agencySettings(agencyId);
  const today = todayIn(settings.timeZone, now);
  const daysOff = await daysOffOf([...new Set(objectives.map((o) => o.campaignId))]);
  const quantitative = objectives.filter((o) => o.kind === "QUANTITATIVE" && isMetricKey(o.metric));
  const periods = new Map(quantitative.map((o) => [o.id, currentPeriod(spec(o), dayOrNull(o.campaign.endDate), today)]));
  const sums = await sumRanges(quantitative.map((o) => ({ key: o.id, campaignId: o.campaignId, sdrId: o.sdrId, start: periods.get(o.id)!.start, end: periods.get(o.id)!.end })));
  return {
    today,
    settings,
    list: quantitative.map((o) => toPace(o, periods.get(o.id)!, sums.get(o.id) ?? zeroCounters(), today, daysOff.get(o.campaignId) ?? new Set(), settings.thresholds)),
  };
}

function spec(o: { periodKind: PeriodKind; recurring: boolean; startsOn: Date; endsOn: Date | null }) {
  return { periodKind: o.periodKind, recurring: o.recurring, startsOn: toDay(o.startsOn), endsOn: dayOrNull(o.endsOn) };
}

/** A campaign's objectives the actor may read, with their current pace and open actions (a handful of queries). */
export async function campaignObjectives(actor: Actor, campaignId: string, now = new Date()) {
  assertCan(actor, "objective:read");
  const campaign = await prisma.campaign.findFirst({ where: { id: campaignId, ...campaignScope(actor) }, select: { id: true, startDate: true, endDate: true } });
  if (!campaign) throw notFound();
  const objectives = await prisma.objective.findMany({
    where: { AND: [objectiveScope(actor), { campaignId }] },
    include: INCLUDE,
    orderBy: [{ scope: "asc" }, { createdAt: "asc" }],
    take: 200,
  });
  const [{ list, today }, gaps, lastChanges] = await Promise.all([
    withPace(actor, objectives, now),
    prisma.gapAnalysis.groupBy({ by: ["objectiveId"], where: { objectiveId: { in: objectives.map((o) => o.id) }, status: "OPEN" }, _count: { _all: true } }),
    prisma.objectiveTargetChange.findMany({ where: { objectiveId: { in: objectives.map((o) => o.id) } }, orderBy: { createdAt: "desc" }, distinct: ["objectiveId"] }),
  ]);
  const openGaps = new Map(gaps.map((g) => [g.objectiveId, g._count._all]));
  const changes = new Map(lastChanges.map((c) => [c.objectiveId, { from: c.from, to: c.to, reason: c.reason, at: c.createdAt.toISOString() }]));
  // The funnel from the campaign's start (or the last 90 days) to today.
  const start = dayOrNull(campaign.startDate) ?? addDays(today, -90);
  const funnelRange = { start: start < today ? start : today, end: today };
  const funnel = (await sumRanges([{ key: "funnel", campaignId, sdrId: null, ...funnelRange }])).get("funnel")!;
  return {
    today,
    campaign: { startDate: dayOrNull(campaign.startDate), endDate: dayOrNull(campaign.endDate) },
    funnel,
    funnelRange,
    objectives: list.map((o) => ({ ...o, openGaps: openGaps.get(o.id) ?? 0, lastChange: changes.get(o.id) ?? null })),
  };
}

/** One objective in the actor's scope, with every period so far, the current period's daily series, history and gaps. */
export async function getObjective(actor: Actor, objectiveId: string, now = new Date()) {
  assertCan(actor, "objective:read");
  const o = await prisma.objective.findFirst({ where: { AND: [objectiveScope(actor), { id: objectiveId }] }, include: INCLUDE });
  if (!o || !isMetricKey(o.metric)) throw notFound();
  const settings = await agencySettings(actor.agencyId);
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

async function managedObjective(actor: Actor, objectiveId: string) {
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

// ---------------------------------------------------------------------------------------------------------------
// Team and individuals

/** The campaign's SDRs with their maturity, and the split of a team objective suggested from it. */
export async function splitSuggestion(actor: Actor, objectiveId: string, now = new Date()) {
  const o = await managedObjective(actor, objectiveId);
  if (o.scope !== "TEAM" || !isMetricKey(o.metric)) throw invalid("objectives.errors.splitTeamOnly");
  const settings = await agencySettings(actor.agencyId);
  const today = todayIn(settings.timeZone, now);
  const campaign = await prisma.campaign.findUniqueOrThrow({
    where: { id: o.campaignId },
    select: { endDate: true, assignments: { select: { userId: true, maturity: true, rampUntil: true, user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } } },
  });
  const daysOff = (await daysOffOf([o.campaignId])).get(o.campaignId) ?? new Set<Day>();
  const period = currentPeriod(spec(o), dayOrNull(campaign.endDate), today);
  const sdrs = campaign.assignments.map((a) => ({ sdrId: a.userId, name: a.user.name, maturity: a.maturity as Maturity, rampUntil: dayOrNull(a.rampUntil) }));
  const split = suggestSplit(o.target ?? 0, sdrs, settings.weights, period, { ratio: METRICS[o.metric].aggregation === "ratio", daysOff });
  const existing = await prisma.objective.findMany({
    where: { campaignId: o.campaignId, metric: o.metric, periodKind: o.periodKind, scope: "SDR", archivedAt: null },
    select: { sdrId: true, target: true },
  });
  const has = new Map(existing.map((e) => [e.sdrId, e.target]));
  return {
    objective: { id: o.id, metric: o.metric, target: o.target ?? 0, periodKind: o.periodKind, unit: METRICS[o.metric].unit, aggregation: METRICS[o.metric].aggregation },
    weights: settings.weights,
    period,
    sdrs: sdrs.map((s, i) => ({ ...s, weight: split[i].weight, suggested: split[i].target, existing: has.get(s.sdrId) ?? null })),
  };
}

/** Creates the SDR-scoped objectives of a split (same metric, period and stake as the team objective). */
export async function applySplit(actor: Actor, objectiveId: string, rows: { sdrId: string; target: number }[]) {
  const o = await managedObjective(actor, objectiveId);
  if (o.scope !== "TEAM" || !isMetricKey(o.metric)) throw invalid("objectives.errors.splitTeamOnly");
  const metric = o.metric;
  const assigned = new Set((await prisma.campaignAssignment.findMany({ where: { campaignId: o.campaignId }, select: { userId: true } })).map((a) => a.userId));
  const chosen = rows.filter((r) => r.target > 0);
  if (!chosen.length) throw invalid("objectives.errors.splitEmpty", "_form");
  for (const r of chosen) {
    if (!assigned.has(r.sdrId)) throw invalid("objectives.errors.sdrNotAssigned", `target.${r.sdrId}`);
    const refusal = targetRefusal(metric, r.target);
    if (refusal) throw invalid(refusal, `target.${r.sdrId}`);
  }
  const startsOn = toDay(o.startsOn);
  const endsOn = dayOrNull(o.endsOn);
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`objective:${o.campaignId}`}))`;
    for (const r of chosen) {
      try {
        await assertNoDuplicate(tx, { campaignId: o.campaignId, metric, scopeKey: r.sdrId, periodKind: o.periodKind, startsOn, endsOn });
      } catch (e) {
        if (e instanceof DomainError) throw invalid("objectives.errors.duplicate", `target.${r.sdrId}`);
        throw e;
      }
      await tx.objective.create({
        data: {
          agencyId: o.agencyId, campaignId: o.campaignId, kind: "QUANTITATIVE", metric, target: r.target, scope: "SDR", sdrId: r.sdrId, scopeKey: r.sdrId,
          periodKind: o.periodKind, recurring: o.recurring, startsOn: o.startsOn, endsOn: o.endsOn, stake: o.stake, why: o.why, createdById: actor.userId,
        },
      });
    }
    await audit(tx, actor, "objective.split", { clientCompanyId: o.campaign.clientCompanyId, campaignId: o.campaignId }, { objectiveId: o.id, rows: chosen });
    return chosen.length;
  });
}

/** Sets an SDR's maturity on a campaign (and the end of a ramping SDR's ramp-up). */
export async function setMaturity(actor: Actor, campaignId: string, input: { sdrId: string; maturity: Maturity; rampUntil?: Day }) {
  const c = await managedCampaign(actor, campaignId);
  const r = await prisma.campaignAssignment.updateMany({
    where: { campaignId: c.id, userId: input.sdrId },
    data: { maturity: input.maturity, rampUntil: input.maturity === "RAMPING" && input.rampUntil ? parseDay(input.rampUntil) : null },
  });
  if (r.count === 0) throw invalid("objectives.errors.sdrNotAssigned", "sdrId");
  await prisma.$transaction((tx) => audit(tx, actor, "campaign.maturity_set", { clientCompanyId: c.clientCompanyId, campaignId }, input));
}

/** The campaign's SDRs with maturity (agency side), for the objective form and the team panel. */
export async function campaignSdrs(actor: Actor, campaignId: string) {
  const c = await managedCampaign(actor, campaignId);
  const rows = await prisma.campaignAssignment.findMany({
    where: { campaignId: c.id },
    select: { maturity: true, rampUntil: true, user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return { campaign: { startDate: dayOrNull(c.startDate), endDate: dayOrNull(c.endDate) }, sdrs: rows.map((r) => ({ id: r.user.id, name: r.user.name, maturity: r.maturity, rampUntil: dayOrNull(r.rampUntil) })) };
}

// ---------------------------------------------------------------------------------------------------------------
// Days off

export async function listDaysOff(actor: Actor, campaignId: string) {
  assertCan(actor, "objective:read");
  const c = await prisma.campaign.findFirst({ where: { id: campaignId, ...campaignScope(actor) }, select: { id: true } });
  if (!c) throw notFound();
  const rows = await prisma.campaignDayOff.findMany({ where: { campaignId }, orderBy: { day: "asc" } });
  return rows.map((r) => ({ id: r.id, day: toDay(r.day), label: r.label }));
}

export async function addDayOff(actor: Actor, campaignId: string, input: { day: Day; label: string }) {
  const c = await managedCampaign(actor, campaignId);
  try {
    await prisma.campaignDayOff.create({ data: { campaignId: c.id, day: parseDay(input.day), label: input.label } });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw invalid("objectives.errors.dayOffExists", "day");
    throw e;
  }
}

export async function removeDayOff(actor: Actor, campaignId: string, dayOffId: string) {
  const c = await managedCampaign(actor, campaignId);
  await prisma.campaignDayOff.deleteMany({ where: { id: dayOffId, campaignId: c.id } });
}

// ---------------------------------------------------------------------------------------------------------------
// Homes

/**
 * The objectives at risk or off track across the actor's active campaigns (clients: team objectives only), and the
 * open actions of gap analyses: a fixed number of grouped queries whatever the number of campaigns.
 */
export async function objectivesAtRisk(actor: Actor, now = new Date(), take = 20) {
  assertCan(actor, "objective:read");
  // Flat queries (campaigns in scope, their objectives, the SDRs' names), no nested relation filters: this page
  // must stay fast at 200 campaigns and a thousand objectives.
  const campaigns = await prisma.campaign.findMany({
    where: { AND: [campaignScope(actor), { status: "ACTIVE" }] },
    select: { id: true, name: true, endDate: true, clientCompany: { select: { currency: true } } },
    take: 2000,
  });
  const byCampaign = new Map(campaigns.map((c) => [c.id, c]));
  const visible = objectiveScope(actor);
  const rows = await prisma.objective.findMany({
    where: {
      agencyId: actor.agencyId, archivedAt: null, kind: "QUANTITATIVE", campaignId: { in: [...byCampaign.keys()] },
      ...(visible.OR ? { OR: visible.OR } : {}), ...(visible.scope ? { scope: visible.scope } : {}),
    },
    take: 5000,
  });
  const sdrIds = [...new Set(rows.map((o) => o.sdrId).filter((x): x is string => Boolean(x)))];
  const sdrs = new Map((sdrIds.length ? await prisma.user.findMany({ where: { id: { in: sdrIds } }, select: { id: true, name: true } }) : []).map((u) => [u.id, u]));
  const objectives: Loaded[] = rows.map((o) => ({ ...o, campaign: byCampaign.get(o.campaignId)!, sdr: o.sdrId ? sdrs.get(o.sdrId) ?? null : null }));
  const { list } = await withPace(actor, objectives, now);
  const rank = { OFF_TRACK: 0, AT_RISK: 1 } as Record<string, number>;
  const atRisk = list
    .filter((o) => o.pace.status === "OFF_TRACK" || o.pace.status === "AT_RISK")
    .sort((a, b) => rank[a.pace.status] - rank[b.pace.status] || (a.pace.ratioPct ?? 0) - (b.pace.ratioPct ?? 0))
    .slice(0, take);
  const actions = await openActions(actor, { take: 10 });
  return { atRisk, actions };
}

/** Open actions of gap analyses the actor may read (an AM's or SDR's own first; the client's on team objectives). */
export async function openActions(actor: Actor, opts: { campaignId?: string; take?: number } = {}) {
  const rows = await prisma.gapAnalysis.findMany({
    where: {
      status: "OPEN",
      objective: { AND: [objectiveScope(actor), opts.campaignId ? { campaignId: opts.campaignId } : {}] },
      ...(actor.role === "SDR" ? { ownerId: actor.userId } : {}),
    },
    orderBy: [{ dueDate: "asc" }],
    take: opts.take ?? 20,
    include: { owner: { select: { id: true, name: true } }, objective: { select: { id: true, metric: true, campaignId: true, campaign: { select: { name: true } } } } },
  });
  return rows.map((g) => ({
    id: g.id, lever: g.lever, action: g.action, dueDate: toDay(g.dueDate), owner: g.owner,
    objectiveId: g.objective.id, metric: g.objective.metric as MetricKey, campaignId: g.objective.campaignId, campaignName: g.objective.campaign.name,
    mine: g.ownerId === actor.userId,
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// The scheduled check (app/services/objective-jobs.server.ts)

/**
 * Freezes the result of every objective period that closed (once), and emails the campaign's AM when a current
 * period is off track (once per objective and period, claimed by a conditional upsert so two workers never both send).
 */
export async function checkObjectives(now = new Date()) {
  const objectives = await prisma.objective.findMany({
    where: { kind: "QUANTITATIVE", archivedAt: null, campaign: { status: "ACTIVE" } },
    include: { ...INCLUDE, campaign: { select: { ...INCLUDE.campaign.select, agency: { select: { name: true } }, accountManager: { select: { email: true, locale: true } }, clientCompany: { select: { currency: true, accountManager: { select: { email: true, locale: true } } } } } } },
  });
  const byAgency = new Map<string, typeof objectives>();
  for (const o of objectives) (byAgency.get(o.agencyId) ?? byAgency.set(o.agencyId, []).get(o.agencyId)!).push(o);
  let frozen = 0;
  const alerts: { o: (typeof objectives)[number]; p: ObjectivePace }[] = [];
  for (const [agencyId, list] of byAgency) {
    const { list: paced, today, settings } = await paceFor(agencyId, list, now);
    const byId = new Map(list.map((o) => [o.id, o]));
    // Freeze the last closed period of each objective (its final result, with the target it had).
    const closing = list.flatMap((o) => {
      const ps = periodsOf(spec(o), dayOrNull(o.campaign.endDate), today).filter((p) => p.end < today);
      return ps.length ? [{ o, p: ps[ps.length - 1] }] : [];
    });
    const done = new Set((await prisma.objectivePeriod.findMany({ where: { objectiveId: { in: closing.map((c) => c.o.id) }, closedAt: { not: null } }, select: { objectiveId: true, periodStart: true } })).map((r) => `${r.objectiveId}|${toDay(r.periodStart)}`));
    const todo = closing.filter((c) => !done.has(`${c.o.id}|${c.p.start}`));
    const sums = await sumRanges(todo.map((c) => ({ key: c.o.id, campaignId: c.o.campaignId, sdrId: c.o.sdrId, start: c.p.start, end: c.p.end })));
    const daysOff = await daysOffOf([...new Set(todo.map((c) => c.o.campaignId))]);
    for (const c of todo) {
      const r = toPace(c.o, c.p, sums.get(c.o.id) ?? zeroCounters(), today, daysOff.get(c.o.campaignId) ?? new Set(), settings.thresholds);
      await prisma.objectivePeriod.upsert({
        where: { objectiveId_periodStart: { objectiveId: c.o.id, periodStart: parseDay(c.p.start) } },
        create: { objectiveId: c.o.id, periodStart: parseDay(c.p.start), periodEnd: parseDay(c.p.end), target: r.target, actual: r.pace.actual, status: r.pace.status, closedAt: now },
        update: { target: r.target, actual: r.pace.actual, status: r.pace.status, closedAt: now },
      });
      frozen += 1;
    }
    for (const p of paced) if (p.pace.status === "OFF_TRACK" && !p.pace.final) alerts.push({ o: byId.get(p.id)!, p });
  }
  let emailed = 0;
  const ids: string[] = [];
  for (const { o, p } of alerts) {
    const claimed = await prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO "ObjectivePeriod" ("id", "objectiveId", "periodStart", "periodEnd", "offTrackAlertAt")
      VALUES (${`op_${o.id}_${p.period.start}`}, ${o.id}, ${p.period.start}::date, ${p.period.end}::date, ${now})
      ON CONFLICT ("objectiveId", "periodStart") DO UPDATE SET "offTrackAlertAt" = EXCLUDED."offTrackAlertAt"
        WHERE "ObjectivePeriod"."offTrackAlertAt" IS NULL
      RETURNING "id"`;
    if (!claimed.length) continue;
    const am = o.campaign.accountManager ?? o.campaign.clientCompany.accountManager;
    if (!am) continue;
    const origin = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
    ids.push(
      ...(await prisma.$transaction((tx) =>
        sendEmailToEach(tx, [am], {
          template: "objective-off-track",
          agencyId: o.agencyId,
          props: (locale) => {
            const t = makeT(locale);
            return {
              locale, campaign: o.campaign.name, agency: o.campaign.agency.name, metric: t(`objectives.metricName.${p.metric}`),
              scope: p.sdr ? p.sdr.name : t("objectives.email.team"),
              actual: formatMetric(locale, p.unit, p.pace.actual, p.currency), expected: formatMetric(locale, p.unit, p.pace.expected, p.currency, { precise: true }),
              target: formatMetric(locale, p.unit, p.target, p.currency), period: formatPeriod(locale, p.period),
              url: `${origin}/campaigns/${o.campaignId}/objectives/${o.id}`,
            };
          },
        }),
      )),
    );
    emailed += 1;
  }
  return { frozen, emailed, outboxIds: ids };
}
