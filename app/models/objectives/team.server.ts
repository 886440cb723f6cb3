// The team of a campaign's objectives: splitting a team target by maturity, each SDR's maturity, the days off.
// Objectives: every query takes the actor and scopes its `where` (objectiveScope): clients read team objectives
// only, an SDR reads the team's and their own, the agency reads all of its campaigns'. Actuals come from the rollup.
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { Prisma } from "~/generated/prisma/client";
import { METRICS, isMetricKey, targetRefusal } from "~/domain/objectives/metrics";
import { currentPeriod } from "~/domain/objectives/periods";
import { parseDay, toDay, todayIn, type Day } from "~/domain/objectives/dates";
import { suggestSplit, type Maturity } from "~/domain/objectives/split";
import { campaignHeader } from "../campaign.server";
import { audit } from "../audit.server";

/** Objectives the actor may read. Per-SDR objectives never reach a client. */
import { agencySettings, assertNoDuplicate, campaignDaysOff, dayOrNull, daysOffOf, invalid, managedCampaign, managedObjective, objectiveScope, spec } from "./objectives.server";

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
  assertCan(actor, "objective:manage");
  // The campaign check is the layout's header read (one statement per request: campaignHeader).
  const c = await campaignHeader(actor, campaignId);
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
  // The campaign check and the days off are read once per request (the layout's header, the tab's pacing).
  const [, rows] = await Promise.all([campaignHeader(actor, campaignId), campaignDaysOff(actor, campaignId)]);
  return rows.map((r) => ({ id: r.id, day: r.day, label: r.label }));
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
