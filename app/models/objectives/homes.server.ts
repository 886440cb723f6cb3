// What the homes read of objectives (those at risk, open actions) and the hourly check.
// Objectives: every query takes the actor and scopes its `where` (objectiveScope): clients read team objectives
// only, an SDR reads the team's and their own, the agency reads all of its campaigns'. Actuals come from the rollup.
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { zeroCounters, type MetricKey } from "~/domain/objectives/metrics";
import { periodsOf } from "~/domain/objectives/periods";
import { parseDay, toDay } from "~/domain/objectives/dates";
import { campaignScope } from "../scope.server";
import { sumRanges } from "./rollup.server";
import { notify } from "~/models/notifications/write.server";
import { makeT, translate } from "~/i18n";
import { withChange } from "../effects.server";
import { emitWebhookEvent } from "../webhooks/events.server";
import { formatMetric, formatPeriod } from "~/domain/objectives/format";

/** Objectives the actor may read. Per-SDR objectives never reach a client. */
import {
  INCLUDE, OBJECTIVE_ROW_FROM, OBJECTIVE_ROW_SQL, type ObjectivePace, type ObjectiveRow, agencySettings, settingsOf, dayOrNull, daysOffOf, objectivePace,
  objectiveScope, objectiveVisibilitySql, paceFor, paceRows, spec, toPace,
} from "./objectives.server";

// ---------------------------------------------------------------------------------------------------------------
// Homes

/**
 * The objectives at risk or off track across the actor's active campaigns (clients: team objectives only), and the
 * open actions of gap analyses: a fixed number of statements whatever the number of campaigns, and pacing work that
 * grows with the distinct periods, not the objectives (docs/decisions/0061-objectives-pages-cpu.md). The same
 * objectives, figures and order as pacing each one with paceFor (tests/integration/objectives-hot-paths.test.ts).
 */
export async function objectivesAtRisk(actor: Actor, now = new Date(), take = 20) {
  assertCan(actor, "objective:read");
  // Three round trips in sequence whatever the number of campaigns: the ids of the campaigns in scope
  // (campaignScope: the scope stays in one place), the settings and the open actions together; the objectives (one
  // plain statement, with their campaign and SDR); then the days off and every range sum together.
  const [campaigns, settings, actions] = await Promise.all([
    prisma.campaign.findMany({ where: { AND: [campaignScope(actor), { status: "ACTIVE" }] }, select: { id: true }, take: 2000 }),
    settingsOf(actor),
    openActions(actor, { take: 10 }),
  ]);
  if (!campaigns.length) return { atRisk: [] as ObjectivePace[], actions };
  const rows = await prisma.$queryRaw<ObjectiveRow[]>`
    SELECT ${OBJECTIVE_ROW_SQL}
      FROM ${OBJECTIVE_ROW_FROM}
     WHERE o."agencyId" = ${actor.agencyId} AND o."campaignId" = ANY(${campaigns.map((c) => c.id)}::text[]) AND o."archivedAt" IS NULL
       AND o."kind" = 'QUANTITATIVE' ${objectiveVisibilitySql(actor)}
     LIMIT 5000`;
  const { paced } = await paceRows(rows, settings, now);
  // Those at risk or off track, worst first (ties by id: the same order on every request).
  const rank = { OFF_TRACK: 0, AT_RISK: 1 } as Record<string, number>;
  const atRisk = paced
    .filter((r) => r.pace.status === "OFF_TRACK" || r.pace.status === "AT_RISK")
    .sort((a, b) => rank[a.pace.status] - rank[b.pace.status] || (a.pace.ratioPct ?? 0) - (b.pace.ratioPct ?? 0) || (a.o.id < b.o.id ? -1 : a.o.id > b.o.id ? 1 : 0))
    .slice(0, take)
    .map(objectivePace);
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
    const origin = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
    // The claim and the notifications share one transaction: a second worker finds the claim taken, a failure leaves none.
    const sent = await withChange(async (tx, fx) => {
      const claimed = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "ObjectivePeriod" ("id", "objectiveId", "periodStart", "periodEnd", "offTrackAlertAt")
        VALUES (${`op_${o.id}_${p.period.start}`}, ${o.id}, ${p.period.start}::date, ${p.period.end}::date, ${now})
        ON CONFLICT ("objectiveId", "periodStart") DO UPDATE SET "offTrackAlertAt" = EXCLUDED."offTrackAlertAt"
          WHERE "ObjectivePeriod"."offTrackAlertAt" IS NULL
        RETURNING "id"`;
      if (!claimed.length) return null;
      // objective.off_track, once per objective and period (the claim above); agency endpoints only.
      await emitWebhookEvent(tx, fx, { agencyId: o.agencyId, clientCompanyId: null }, "objective.off_track", () => ({
        objective: {
          id: o.id, campaignId: o.campaignId, sdrId: o.sdrId, metric: p.metric,
          periodStart: p.period.start, periodEnd: p.period.end, target: p.target, actual: p.pace.actual, expected: p.pace.expected, status: "OFF_TRACK",
        },
      }), now);
      const props = (locale: "en" | "fr") => {
        const t = makeT(locale);
        return {
          locale, campaign: o.campaign.name, agency: o.campaign.agency.name, metric: t(`objectives.metricName.${p.metric}`),
          scope: p.sdr ? p.sdr.name : t("objectives.email.team"),
          actual: formatMetric(locale, p.unit, p.pace.actual, p.currency), expected: formatMetric(locale, p.unit, p.pace.expected, p.currency),
          target: formatMetric(locale, p.unit, p.target, p.currency), period: formatPeriod(locale, p.period),
          url: `${origin}/campaigns/${o.campaignId}/objectives/${o.id}`,
        };
      };
      return notify(
        tx,
        {
          agencyId: o.agencyId,
          campaignId: o.campaignId,
          kind: "OBJECTIVE_OFF_TRACK",
          href: `/campaigns/${o.campaignId}/objectives/${o.id}`,
          text: (locale) => {
            const x = props(locale);
            return {
              title: translate(locale, "notifications.objectiveOffTrack.title", { metric: x.metric }),
              body: translate(locale, "notifications.objectiveOffTrack.body", { campaign: x.campaign, scope: x.scope, actual: x.actual, expected: x.expected }),
            };
          },
        },
        { template: "objective-off-track", props },
      );
    });
    if (!sent) continue;
    ids.push(...sent);
    emailed += 1;
  }
  return { frozen, emailed, outboxIds: ids };
}
