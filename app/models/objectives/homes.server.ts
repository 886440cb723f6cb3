// What the homes read of objectives (those at risk, open actions) and the hourly check.
// Objectives: every query takes the actor and scopes its `where` (objectiveScope): clients read team objectives
// only, an SDR reads the team's and their own, the agency reads all of its campaigns'. Actuals come from the rollup.
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { METRICS, isMetricKey, metricValue, zeroCounters, type MetricKey } from "~/domain/objectives/metrics";
import { periodsOf, type Period, type PeriodKind } from "~/domain/objectives/periods";
import { NO_DAYS_OFF, type Pace } from "~/domain/objectives/pace";
import { pacer } from "~/domain/objectives/pacer";
import { parseDay, todayIn, toDay, type Day } from "~/domain/objectives/dates";
import { isClientRole } from "~/domain/shared/permissions";
import { Prisma } from "~/generated/prisma/client";
import { campaignScope } from "../scope.server";
import { sumRanges } from "./rollup.server";
import { notify } from "~/models/notifications/write.server";
import { makeT, translate } from "~/i18n";
import { withChange } from "../effects.server";
import { emitWebhookEvent } from "../webhooks/events.server";
import { formatMetric, formatPeriod } from "~/domain/objectives/format";

/** Objectives the actor may read. Per-SDR objectives never reach a client. */
import { INCLUDE, type ObjectivePace, agencySettings, dayOrNull, daysOffOf, objectiveScope, paceFor, spec, toPace } from "./objectives.server";

// ---------------------------------------------------------------------------------------------------------------
// Homes

/** An objective as the home reads it (plain SQL: only what pacing and the shown lines need). */
type HomeRow = {
  id: string; campaignId: string; sdrId: string | null; sdrName: string | null; metric: string; target: number | null;
  scope: "TEAM" | "SDR"; periodKind: PeriodKind; recurring: boolean; startsOn: Day; endsOn: Day | null; stake: string; why: string;
};

/**
 * The objectives at risk or off track across the actor's active campaigns (clients: team objectives only), and the
 * open actions of gap analyses: a fixed number of statements whatever the number of campaigns, and pacing work that
 * grows with the distinct periods, not the objectives (docs/decisions/0061-objectives-pages-cpu.md). The same
 * objectives, figures and order as pacing each one with paceFor (tests/integration/objectives-at-risk.test.ts).
 */
export async function objectivesAtRisk(actor: Actor, now = new Date(), take = 20) {
  assertCan(actor, "objective:read");
  // Three round trips in sequence whatever the number of campaigns: the campaigns in scope (campaignScope: the scope
  // stays in one place), the settings and the open actions together; the objectives with their SDRs' names and the
  // days off together; then every range sum (one statement).
  const [campaigns, settings, actions] = await Promise.all([
    prisma.campaign.findMany({
      where: { AND: [campaignScope(actor), { status: "ACTIVE" }] },
      select: { id: true, name: true, endDate: true, clientCompany: { select: { currency: true } } },
      take: 2000,
    }),
    agencySettings(actor.agencyId),
    openActions(actor, { take: 10 }),
  ]);
  const byCampaign = new Map(campaigns.map((c) => [c.id, { ...c, end: dayOrNull(c.endDate) }]));
  const ids = [...byCampaign.keys()];
  if (!ids.length) return { atRisk: [] as ObjectivePace[], actions };
  // objectiveScope's visibility, in SQL: clients read team objectives, an SDR the team's and their own.
  const visible = isClientRole(actor.role)
    ? Prisma.sql`AND o."scope" = 'TEAM'`
    : actor.role === "SDR"
      ? Prisma.sql`AND (o."scope" = 'TEAM' OR (o."scope" = 'SDR' AND o."sdrId" = ${actor.userId}))`
      : Prisma.empty;
  const [rows, daysOff] = await Promise.all([
    prisma.$queryRaw<HomeRow[]>`
      SELECT o."id", o."campaignId", o."sdrId", u."name" AS "sdrName", o."metric", o."target", o."scope"::text AS "scope",
             o."periodKind"::text AS "periodKind", o."recurring", to_char(o."startsOn", 'YYYY-MM-DD') AS "startsOn",
             to_char(o."endsOn", 'YYYY-MM-DD') AS "endsOn", o."stake"::text AS "stake", o."why"
        FROM "Objective" o LEFT JOIN "User" u ON u."id" = o."sdrId"
       WHERE o."agencyId" = ${actor.agencyId} AND o."campaignId" = ANY(${ids}::text[]) AND o."archivedAt" IS NULL
         AND o."kind" = 'QUANTITATIVE' ${visible}
       LIMIT 5000`,
    daysOffOf(ids),
  ]);
  const today = todayIn(settings.timeZone, now);
  const p = pacer(today, settings.thresholds);
  const objectives = rows.filter((o) => isMetricKey(o.metric));
  const periods = objectives.map((o) => p.period(o, byCampaign.get(o.campaignId)!.end));
  const sums = await sumRanges(objectives.map((o, i) => ({ key: o.id, campaignId: o.campaignId, sdrId: o.sdrId, start: periods[i].start, end: periods[i].end })));
  // Pace every objective; keep those at risk or off track, worst first (ties by id: the same order on every request).
  const rank = { OFF_TRACK: 0, AT_RISK: 1 } as Record<string, number>;
  const found: { o: HomeRow; period: Period; pace: Pace }[] = [];
  objectives.forEach((o, i) => {
    const def = METRICS[o.metric as MetricKey];
    const counters = sums.get(o.id);
    const actual = counters ? metricValue(o.metric as MetricKey, counters) : metricValue(o.metric as MetricKey, zeroCounters());
    const pace = p.pace(def.aggregation, o.target ?? 0, actual, periods[i], daysOff.get(o.campaignId) ?? NO_DAYS_OFF);
    if (pace.status === "OFF_TRACK" || pace.status === "AT_RISK") found.push({ o, period: periods[i], pace });
  });
  found.sort((a, b) => rank[a.pace.status] - rank[b.pace.status] || (a.pace.ratioPct ?? 0) - (b.pace.ratioPct ?? 0) || (a.o.id < b.o.id ? -1 : a.o.id > b.o.id ? 1 : 0));
  const atRisk = found.slice(0, take).map(({ o, period, pace }): ObjectivePace => {
    const c = byCampaign.get(o.campaignId)!;
    const metric = o.metric as MetricKey;
    return {
      id: o.id, campaignId: o.campaignId, campaignName: c.name, metric, unit: METRICS[metric].unit, target: o.target ?? 0,
      scope: o.scope, sdr: o.sdrId && o.sdrName !== null ? { id: o.sdrId, name: o.sdrName } : null, periodKind: o.periodKind, recurring: o.recurring,
      stake: o.stake, why: o.why, currency: c.clientCompany.currency, period, pace,
    };
  });
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
