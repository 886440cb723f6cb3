// What the qualitative-objective screens read: the form's choices, the Objectives tab's list, the objective's page
// (trend per SDR and team, latest assessment beside the self-assessment, ritual history, supported metric) and the
// assessment form. Every query takes the actor and scopes its `where`; a client never gets an individual assessment.
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { notFound } from "~/domain/shared/errors";
import { can, isClientRole } from "~/domain/shared/permissions";
import type { Locale } from "~/i18n";
import { LEVELS, type Grid } from "~/domain/qualitative/grid";
import { ritualStatus, type Cadence } from "~/domain/qualitative/rituals";
import { overallLevel, subjectTrend, teamTrend, type TrendInput, type TrendPoint } from "~/domain/qualitative/trend";
import { isMetricKey, metricValue, METRICS } from "~/domain/objectives/metrics";
import { addDays, startOfWeek, toDay, todayIn, type Day } from "~/domain/objectives/dates";
import { campaignScope } from "../scope.server";
import { objectiveScope, settingsOf } from "../objectives/objectives.server";
import { sumRanges } from "../objectives/rollup.server";
import { assessmentScope } from "./qualitative.server";

/**
 * A team point reaches a client (or an SDR) only when it covers at least this many people, or is a team-wide
 * assessment: a "team" mean over one SDR would be that SDR's assessment (decision 0030).
 */
export const MIN_TEAM_CONTRIBUTORS = 2;

const lower = (c: string | null | undefined) => (c ?? "WEEKLY").toLowerCase() as Cadence;

async function timeZoneOf(agencyId: string) {
  return (await prisma.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { timeZone: true } })).timeZone;
}

/** The templates an agency may start from: built-in ones and its own, in the reader's language first. */
export async function qualTemplates(actor: Actor, locale: Locale) {
  assertCan(actor, "objective:manage");
  const rows = await prisma.qualTemplate.findMany({
    where: { OR: [{ agencyId: null }, { agencyId: actor.agencyId }] },
    orderBy: [{ agencyId: { sort: "asc", nulls: "first" } }, { title: "asc" }],
    take: 200,
  });
  const mine = rows.filter((r) => r.locale === locale);
  return (mine.length ? mine : rows).map((r) => ({ ...r, grid: r.grid as unknown as Grid, own: r.agencyId !== null }));
}

/** What the O-V-A form offers: the campaign's SDRs, who may own the ritual, recent meetings to link to the need. */
export async function qualObjectiveFormData(actor: Actor, campaignId: string) {
  assertCan(actor, "objective:manage");
  const c = await prisma.campaign.findFirst({
    where: { id: campaignId, ...campaignScope(actor) },
    select: { id: true, assignments: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } } },
  });
  if (!c) throw notFound();
  const [managers, meetings, timeZone] = await Promise.all([
    prisma.membership.findMany({ where: { agencyId: actor.agencyId, clientCompanyId: null, role: { in: ["AGENCY_ADMIN", "ACCOUNT_MANAGER"] } }, select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } }, take: 200 }),
    prisma.meeting.findMany({
      where: { campaignId },
      orderBy: { scheduledAt: "desc" },
      take: 40,
      select: { id: true, prospectName: true, prospectCompany: true, scheduledAt: true, verdict: true, sdr: { select: { name: true } } },
    }),
    timeZoneOf(actor.agencyId),
  ]);
  const sdrs = c.assignments.map((a) => a.user);
  const owners = [...new Map([...managers.map((m) => m.user), ...sdrs].map((u) => [u.id, u])).values()];
  return { sdrs, owners, meetings, today: todayIn(timeZone) };
}

type ObjectiveRow = {
  id: string; campaignId: string; scope: "TEAM" | "SDR"; sdrId: string | null; startsOn: Date; cadence: string | null; ritual: string | null; createdAt: Date;
};

/** Each objective's ritual status from the days its ritual was held (one query for all). */
async function ritualStatuses(objectives: ObjectiveRow[], today: Day) {
  const held = objectives.length
    ? await prisma.qualAssessment.groupBy({ by: ["objectiveId", "day"], where: { objectiveId: { in: objectives.map((o) => o.id) }, kind: { in: ["MANAGER", "PEER"] } } })
    : [];
  const days = new Map<string, Day[]>();
  for (const h of held) (days.get(h.objectiveId) ?? days.set(h.objectiveId, []).get(h.objectiveId)!).push(toDay(h.day));
  return new Map(objectives.map((o) => [o.id, ritualStatus({ start: toDay(o.startsOn), cadence: lower(o.cadence), held: days.get(o.id) ?? [], today })]));
}

/** Manager assessments of some objectives as trend input, keyed by objective. */
async function managerRows(objectiveIds: string[]) {
  const rows = objectiveIds.length
    ? await prisma.qualAssessment.findMany({ where: { objectiveId: { in: objectiveIds }, kind: "MANAGER" }, select: { objectiveId: true, sdrId: true, day: true, levels: true }, orderBy: { day: "asc" } })
    : [];
  const out = new Map<string, TrendInput[]>();
  for (const r of rows) (out.get(r.objectiveId) ?? out.set(r.objectiveId, []).get(r.objectiveId)!).push({ subject: r.sdrId, day: toDay(r.day), levels: r.levels as Record<string, string> });
  return out;
}

/** The team points a reader may see: all for the agency; for others only those that cover enough people. */
function visibleTeam(actor: Actor, rows: TrendInput[]): TrendPoint[] {
  const team = teamTrend(rows);
  if (!isClientRole(actor.role) && actor.role !== "SDR") return team;
  const teamWide = new Set(rows.filter((r) => r.subject === null).map((r) => r.day));
  return team.filter((p) => p.contributors >= MIN_TEAM_CONTRIBUTORS || teamWide.has(p.day));
}

/** The campaign's qualitative objectives the actor may read, with the latest team level and whether they are animated. */
export async function campaignQualitative(actor: Actor, campaignId: string, now = new Date()) {
  assertCan(actor, "objective:read");
  const objectives = await prisma.objective.findMany({
    where: { AND: [objectiveScope(actor), { campaignId, kind: "QUALITATIVE" }] },
    select: { id: true, campaignId: true, scope: true, sdrId: true, startsOn: true, cadence: true, ritual: true, createdAt: true, title: true, verb: true, stake: true, sdr: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
  // The agency's settings as the tab's quantitative block reads them (one statement per request).
  const today = todayIn((await settingsOf(actor)).timeZone, now);
  const [statuses, rows] = await Promise.all([ritualStatuses(objectives, today), managerRows(objectives.map((o) => o.id))]);
  return objectives.map((o) => {
    const all = rows.get(o.id) ?? [];
    // An SDR's own objective reads as their own level (clients never list it: objectiveScope).
    const team = o.scope === "SDR" ? subjectTrend(all.filter((r) => r.subject === o.sdrId)) : visibleTeam(actor, all);
    const last = team.at(-1) ?? null;
    return {
      id: o.id, title: o.title ?? "", verb: o.verb ?? "", stake: o.stake, scope: o.scope, sdr: o.sdr, ritual: o.ritual, cadence: o.cadence,
      ritualStatus: statuses.get(o.id)!, teamLevel: overallLevel(last), teamLevelDay: last?.day ?? null,
    };
  });
}

/** The objective's page: its canvas and grid, the trend per SDR and team, assessments, ritual history, the supported metric. */
export async function qualObjectivePage(actor: Actor, campaignId: string, objectiveId: string, now = new Date()) {
  assertCan(actor, "objective:read");
  const o = await prisma.objective.findFirst({
    where: { AND: [objectiveScope(actor), { id: objectiveId, campaignId, kind: "QUALITATIVE" }] },
    include: {
      sdr: { select: { id: true, name: true } },
      template: { select: { title: true } },
      gridVersions: { orderBy: { version: "asc" }, select: { id: true, version: true, grid: true, createdAt: true } },
      campaign: { select: { assignments: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } } } },
    },
  });
  if (!o) throw notFound();
  const today = todayIn(await timeZoneOf(actor.agencyId), now);
  const client = isClientRole(actor.role);
  const [statuses, allRows, assessments, owner, needMeetings] = await Promise.all([
    ritualStatuses([o], today),
    managerRows([o.id]),
    client
      ? Promise.resolve([])
      : prisma.qualAssessment.findMany({
          where: { AND: [assessmentScope(actor), { objectiveId: o.id }] },
          orderBy: [{ day: "desc" }, { createdAt: "desc" }],
          take: 200,
          include: { gridVersion: { select: { version: true } }, evidence: { select: { meeting: { select: { id: true, prospectName: true, prospectCompany: true } } } }, _count: { select: { revisions: true } } },
        }),
    o.ritualOwnerId ? prisma.user.findFirst({ where: { id: o.ritualOwnerId, memberships: { some: { agencyId: actor.agencyId } } }, select: { name: true } }) : Promise.resolve(null as { name: string } | null),
    // Linked meetings are agency-side evidence of the need: clients read the need in words only.
    client || !o.needMeetingIds.length
      ? Promise.resolve([] as { id: string; prospectName: string; prospectCompany: string; verdict: string }[])
      : prisma.meeting.findMany({ where: { id: { in: o.needMeetingIds }, campaignId, ...(actor.role === "SDR" ? { sdrId: actor.userId } : {}) }, select: { id: true, prospectName: true, prospectCompany: true, verdict: true } }),
  ]);
  const rows = allRows.get(o.id) ?? [];
  const people = new Map(o.campaign.assignments.map((a) => [a.user.id, a.user.name]));
  if (o.sdr) people.set(o.sdr.id, o.sdr.name);
  const authorIds = [...new Set(assessments.map((a) => a.authorId).filter((x): x is string => Boolean(x)).filter((id) => !people.has(id)))];
  if (authorIds.length) for (const u of await prisma.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })) people.set(u.id, u.name);

  // Series: the team's (as the reader may see it) and, agency side, each SDR's; an SDR sees their own only.
  const subjects = client ? [] : actor.role === "SDR" ? [actor.userId] : [...new Set(rows.map((r) => r.subject).filter((s): s is string => s !== null))];
  const series = [
    ...(actor.role === "SDR" ? [] : [{ key: "team", name: null as string | null, points: visibleTeam(actor, rows) }]),
    ...subjects.map((s) => ({ key: s, name: people.get(s) ?? "—", points: subjectTrend(rows.filter((r) => r.subject === s)) })),
  ];

  // Criteria labels: every version's, the latest wins (a criterion dropped from the grid keeps its past points).
  const labels: Record<string, string> = {};
  for (const v of o.gridVersions) for (const c of (v.grid as unknown as Grid).criteria) labels[c.key] = c.label;
  const latest = o.gridVersions.at(-1)!;

  const view = assessments.map((a) => ({
    id: a.id, kind: a.kind, ritual: a.ritual, day: toDay(a.day), sdrId: a.sdrId, sdrName: a.sdrId ? people.get(a.sdrId) ?? "—" : null,
    author: a.authorId ? people.get(a.authorId) ?? "—" : null, authorId: a.authorId, levels: a.levels as Record<string, string>, gridVersion: a.gridVersion.version,
    comment: a.comment, nextStep: a.nextStep, note: a.note, recordingUrl: a.recordingUrl, recordingAt: a.recordingAt,
    evidence: a.evidence.map((e) => e.meeting), revisions: a._count.revisions,
  }));
  // Latest manager assessment beside the SDR's latest self-assessment, per SDR the reader may see.
  const latestBySdr = [...new Set(view.filter((a) => a.sdrId).map((a) => a.sdrId!))].map((sdrId) => ({
    sdrId,
    name: people.get(sdrId) ?? "—",
    manager: view.find((a) => a.sdrId === sdrId && a.kind === "MANAGER") ?? null,
    self: view.find((a) => a.sdrId === sdrId && a.kind === "SELF") ?? null,
    peer: view.find((a) => a.sdrId === sdrId && a.kind === "PEER") ?? null,
  }));

  // The supported metric's weekly trend over the last twelve weeks, for the objective's scope.
  let metric: { key: string; unit: string; points: { day: Day; value: number | null }[] } | null = null;
  if (o.supportsMetric && isMetricKey(o.supportsMetric)) {
    const key = o.supportsMetric;
    const sdrId = o.scope === "SDR" ? o.sdrId : null;
    const weeks = Array.from({ length: 12 }, (_, i) => startOfWeek(addDays(today, -7 * (11 - i))));
    const sums = await sumRanges(weeks.map((w) => ({ key: w, campaignId, sdrId, start: w, end: addDays(w, 6) < today ? addDays(w, 6) : today })));
    metric = { key, unit: METRICS[key].unit, points: weeks.map((w) => ({ day: w, value: metricValue(key, sums.get(w)!) })) };
  }

  const manage = can(actor.role, "objective:manage");
  return {
    today,
    objective: {
      id: o.id, title: o.title ?? "", need: o.need ?? "", verb: o.verb ?? "", behaviours: o.behaviours, stake: o.stake, scope: o.scope, sdr: o.sdr,
      ritual: o.ritual, cadence: o.cadence, owner: owner?.name ?? null, startsOn: toDay(o.startsOn), supportsMetric: o.supportsMetric, template: o.template?.title ?? null,
    },
    needMeetings,
    ritualStatus: statuses.get(o.id)!,
    grid: { version: latest.version, criteria: (latest.grid as unknown as Grid).criteria, versions: o.gridVersions.length },
    labels,
    series,
    metric,
    assessments: view,
    latestBySdr,
    levels: LEVELS,
    can: {
      manage,
      selfAssess: actor.role === "SDR" && (o.scope === "TEAM" || o.sdrId === actor.userId),
      peer: actor.role === "SDR" && o.ritual === "PEER_FEEDBACK" && o.scope === "TEAM",
    },
    me: actor.userId,
  };
}

/** The assessment form's choices: the grid, who may be assessed, their meetings as evidence (and the one prefilled). */
export async function assessmentFormData(actor: Actor, campaignId: string, objectiveId: string, pick: { sdrId?: string | null; meetingId?: string | null }) {
  if (isClientRole(actor.role)) throw notFound();
  const o = await prisma.objective.findFirst({
    where: { AND: [objectiveScope(actor), { id: objectiveId, campaignId, kind: "QUALITATIVE" }] },
    select: {
      id: true, title: true, scope: true, sdrId: true, ritual: true,
      gridVersions: { orderBy: { version: "desc" }, take: 1, select: { version: true, grid: true } },
      campaign: { select: { assignments: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } } } },
    },
  });
  if (!o) throw notFound();
  const manager = can(actor.role, "objective:manage");
  let sdrs = o.campaign.assignments.map((a) => a.user);
  if (o.sdrId) sdrs = sdrs.filter((s) => s.id === o.sdrId);
  // An SDR assesses themself, or a peer when the ritual is peer feedback.
  if (!manager) sdrs = sdrs.filter((s) => s.id === actor.userId || (o.ritual === "PEER_FEEDBACK" && o.scope === "TEAM"));
  const prefilled = pick.meetingId
    ? await prisma.meeting.findFirst({ where: { id: pick.meetingId, campaignId, ...(manager ? {} : { sdrId: actor.userId }) }, select: { id: true, sdrId: true } })
    : null;
  if (pick.meetingId && !prefilled) throw notFound();
  const sdrId = prefilled?.sdrId ?? (pick.sdrId && sdrs.some((s) => s.id === pick.sdrId) ? pick.sdrId : manager ? null : actor.userId);
  const meetings = await prisma.meeting.findMany({
    where: { campaignId, ...(sdrId ? { sdrId } : {}), scheduledAt: { lte: new Date() } },
    orderBy: { scheduledAt: "desc" },
    take: 30,
    select: { id: true, prospectName: true, prospectCompany: true, scheduledAt: true, sdr: { select: { name: true } } },
  });
  if (prefilled && !meetings.some((m) => m.id === prefilled.id)) {
    const m = await prisma.meeting.findUniqueOrThrow({ where: { id: prefilled.id }, select: { id: true, prospectName: true, prospectCompany: true, scheduledAt: true, sdr: { select: { name: true } } } });
    meetings.unshift(m);
  }
  const timeZone = await timeZoneOf(actor.agencyId);
  return {
    objective: { id: o.id, title: o.title ?? "", scope: o.scope, ritual: o.ritual },
    grid: { version: o.gridVersions[0]!.version, criteria: (o.gridVersions[0]!.grid as unknown as Grid).criteria },
    sdrs,
    sdrId,
    teamAllowed: manager && o.scope === "TEAM",
    meetings,
    prefilledMeetingId: prefilled?.id ?? null,
    manager,
    today: todayIn(timeZone),
  };
}

/** The qualitative objectives a call of this meeting can be reviewed on (agency managers only). */
export async function reviewTargets(actor: Actor, meeting: { campaignId: string; sdrId: string }) {
  if (!can(actor.role, "objective:manage")) return [];
  return prisma.objective.findMany({
    where: { AND: [objectiveScope(actor), { campaignId: meeting.campaignId, kind: "QUALITATIVE", OR: [{ scope: "TEAM" }, { sdrId: meeting.sdrId }] }] },
    select: { id: true, title: true },
    orderBy: { createdAt: "asc" },
    take: 20,
  });
}

/** One assessment with its grid version's criteria and its history; a client (or another SDR) gets a 404. */
export async function assessmentPage(actor: Actor, campaignId: string, objectiveId: string, id: string) {
  if (isClientRole(actor.role)) throw notFound();
  const a = await prisma.qualAssessment.findFirst({
    where: { AND: [assessmentScope(actor), { id, objectiveId, campaignId }] },
    include: {
      objective: { select: { title: true } },
      gridVersion: { select: { version: true, grid: true } },
      evidence: { select: { meeting: { select: { id: true, prospectName: true, prospectCompany: true } } } },
      revisions: { orderBy: { editedAt: "desc" } },
    },
  });
  if (!a) throw notFound();
  const ids = [a.sdrId, a.authorId, ...a.revisions.map((r) => r.editedById)].filter((x): x is string => Boolean(x));
  const names = new Map((await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const manage = can(actor.role, "objective:manage");
  return {
    id: a.id, kind: a.kind, ritual: a.ritual, day: toDay(a.day), objectiveTitle: a.objective.title ?? "",
    sdrName: a.sdrId ? names.get(a.sdrId) ?? "—" : null, author: a.authorId ? names.get(a.authorId) ?? "—" : null,
    levels: a.levels as Record<string, string>, grid: { version: a.gridVersion.version, criteria: (a.gridVersion.grid as unknown as Grid).criteria },
    evidence: a.evidence.map((e) => e.meeting), recordingUrl: a.recordingUrl, recordingAt: a.recordingAt, note: a.note, comment: a.comment, nextStep: a.nextStep,
    updatedAt: a.updatedAt.toISOString(),
    revisions: a.revisions.map((r) => ({ id: r.id, at: r.editedAt.toISOString(), by: r.editedById ? names.get(r.editedById) ?? "—" : null, snapshot: r.snapshot as { levels?: Record<string, string>; comment?: string; nextStep?: string; note?: string } })),
    canEdit: manage || (actor.role === "SDR" && a.authorId === actor.userId),
  };
}

/** The grid as it stands (latest version) for the grid form; agency managers only. */
export async function gridForEdit(actor: Actor, campaignId: string, objectiveId: string) {
  assertCan(actor, "objective:manage");
  const o = await prisma.objective.findFirst({
    where: { AND: [objectiveScope(actor), { id: objectiveId, campaignId, kind: "QUALITATIVE" }] },
    select: { id: true, title: true, gridVersions: { orderBy: { version: "desc" }, select: { version: true, createdAt: true, _count: { select: { assessments: true } } } } },
  });
  if (!o) throw notFound();
  const latest = await prisma.objectiveGridVersion.findFirstOrThrow({ where: { objectiveId, version: o.gridVersions[0]!.version }, select: { grid: true } });
  return {
    objective: { id: o.id, title: o.title ?? "" },
    criteria: (latest.grid as unknown as Grid).criteria,
    versions: o.gridVersions.map((v) => ({ version: v.version, at: v.createdAt.toISOString(), assessments: v._count.assessments })),
  };
}
