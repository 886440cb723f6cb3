// Qualitative (O-V-A) objectives: grids with versions, assessments with history, calibration against the client's ratings.
// Every query takes the actor and scopes its `where`: an individual assessment never reaches a client (404).
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { isClientRole } from "~/domain/shared/permissions";
import type { Prisma } from "~/generated/prisma/client";
import { assessmentProblems, gridProblems, nextGridVersions, type Grid, type GridVersion, type Level } from "~/domain/qualitative/grid";
import { calibrate, calibrateBy, starsToScore, type Rating } from "~/domain/qualitative/calibration";
import { parseDay, toDay, todayIn } from "~/domain/objectives/dates";
import { campaignScope } from "../scope.server";
import { audit } from "../audit.server";
import { objectiveScope } from "../objectives/objectives.server";

const invalid = (key: string, field?: string) => new DomainError("INVALID", key, field);

export type QualObjectiveInput = {
  title: string;
  need: string;
  verb: string;
  behaviours: string[];
  stake: "GROWTH" | "PROFITABILITY" | "MARKET_ENTRY" | "RETENTION";
  ritual: "CALL_REVIEW" | "HOT_DEBRIEF" | "ONE_TO_ONE" | "PEER_FEEDBACK" | "TEAM_SESSION";
  cadence: "WEEKLY" | "BIWEEKLY" | "MONTHLY";
  sdrId: string | null;
  startsOn: string;
  supportsMetric?: string | null;
  templateId?: string | null;
  /** Who animates the ritual (an agency member); the creator when not given. */
  ritualOwnerId?: string | null;
  /** Meetings of the campaign (disputed ones included) that showed the need. */
  needMeetingIds?: string[];
  grid: Grid;
};

/** An AM creates an O-V-A objective with its first grid version. */
export async function createQualitativeObjective(actor: Actor, campaignId: string, input: QualObjectiveInput) {
  assertCan(actor, "objective:manage");
  const c = await prisma.campaign.findFirst({ where: { id: campaignId, ...campaignScope(actor) }, select: { id: true, clientCompanyId: true, assignments: { select: { userId: true } } } });
  if (!c) throw notFound();
  if (!input.verb.trim()) throw invalid("objectives.qualitative.errors.verb", "verb");
  if (gridProblems(input.grid).length) throw invalid("objectives.qualitative.errors.grid", "grid");
  if (input.sdrId && !c.assignments.some((a) => a.userId === input.sdrId)) throw invalid("objectives.qualitative.errors.sdr", "sdrId");
  const needMeetingIds = [...new Set(input.needMeetingIds ?? [])];
  if (needMeetingIds.length && (await prisma.meeting.count({ where: { id: { in: needMeetingIds }, campaignId } })) !== needMeetingIds.length) {
    throw invalid("objectives.qualitative.errors.not_in_campaign", "needMeetingIds");
  }
  if (input.ritualOwnerId && input.ritualOwnerId !== actor.userId) {
    const owner = await prisma.membership.findFirst({ where: { userId: input.ritualOwnerId, agencyId: actor.agencyId, clientCompanyId: null, role: { in: ["AGENCY_ADMIN", "ACCOUNT_MANAGER", "SDR"] } }, select: { id: true } });
    if (!owner) throw invalid("objectives.qual.errors.owner", "ritualOwnerId");
  }
  const first = nextGridVersions([], input.grid).current;
  return prisma.$transaction(async (tx) => {
    const o = await tx.objective.create({
      data: {
        agencyId: actor.agencyId, campaignId, kind: "QUALITATIVE", scope: input.sdrId ? "SDR" : "TEAM", sdrId: input.sdrId, scopeKey: input.sdrId ?? "TEAM",
        periodKind: "CAMPAIGN", startsOn: parseDay(input.startsOn), stake: input.stake, why: input.need, title: input.title, need: input.need, verb: input.verb,
        behaviours: input.behaviours.filter((b) => b.trim()), ritual: input.ritual, cadence: input.cadence, ritualOwnerId: input.ritualOwnerId ?? actor.userId, needMeetingIds,
        supportsMetric: input.supportsMetric ?? null, templateId: input.templateId ?? null, createdById: actor.userId,
        gridVersions: { create: { version: first.version, grid: first.grid as unknown as Prisma.InputJsonValue, createdById: actor.userId } },
      },
    });
    await audit(tx, actor, "objective.created", { clientCompanyId: c.clientCompanyId, campaignId }, { objectiveId: o.id, kind: "QUALITATIVE" });
    return o;
  });
}

async function managedQualObjective(actor: Actor, objectiveId: string) {
  const o = await prisma.objective.findFirst({
    where: { id: objectiveId, kind: "QUALITATIVE", agencyId: actor.agencyId, archivedAt: null, campaign: campaignScope(actor) },
    select: { id: true, campaignId: true, sdrId: true, campaign: { select: { clientCompanyId: true } }, gridVersions: { select: { id: true, version: true, grid: true } } },
  });
  if (!o) throw notFound();
  return o;
}

/** Saving a grid: a changed grid becomes version n+1, earlier versions (and the assessments on them) stay. */
export async function saveGrid(actor: Actor, objectiveId: string, grid: Grid) {
  assertCan(actor, "objective:manage");
  const o = await managedQualObjective(actor, objectiveId);
  if (gridProblems(grid).length) throw invalid("objectives.qualitative.errors.grid", "grid");
  const versions: GridVersion[] = o.gridVersions.map((v) => ({ version: v.version, grid: v.grid as unknown as Grid }));
  const next = nextGridVersions(versions, grid);
  if (!next.changed) return next.current.version;
  await prisma.$transaction(async (tx) => {
    await tx.objectiveGridVersion.create({ data: { objectiveId, version: next.current.version, grid: next.current.grid as unknown as Prisma.InputJsonValue, createdById: actor.userId } });
    await audit(tx, actor, "qualitative.grid_saved", { clientCompanyId: o.campaign.clientCompanyId, campaignId: o.campaignId }, { objectiveId, version: next.current.version });
  });
  return next.current.version;
}

export type AssessmentInput = {
  sdrId: string | null;
  kind: "MANAGER" | "SELF" | "PEER";
  ritual: QualObjectiveInput["ritual"];
  day: string;
  levels: Record<string, string>;
  meetingIds: string[];
  recordingUrl?: string | null;
  recordingAt?: number | null;
  note?: string;
  comment?: string;
  nextStep?: string;
};

/** Admin and AM record assessments and call reviews; an SDR records a self-assessment, or a peer feedback when the ritual says so. */
export async function recordAssessment(actor: Actor, objectiveId: string, input: AssessmentInput, campaignId?: string) {
  if (isClientRole(actor.role)) throw notFound();
  // An SDR reaches the team objectives of their campaigns and their own (another SDR's objective is a 404, as on GET).
  const o = await prisma.objective.findFirst({
    where: { AND: [objectiveScope(actor), { id: objectiveId, kind: "QUALITATIVE", ...(campaignId ? { campaignId } : {}) }] },
    select: { id: true, campaignId: true, sdrId: true, ritual: true, campaign: { select: { clientCompanyId: true, agency: { select: { timeZone: true } } } }, gridVersions: { orderBy: { version: "desc" }, take: 1, select: { id: true, grid: true } } },
  });
  if (!o) throw notFound();
  if (actor.role === "SDR") {
    const self = input.kind === "SELF" && input.sdrId === actor.userId;
    const peer = input.kind === "PEER" && o.ritual === "PEER_FEEDBACK" && input.sdrId !== actor.userId && input.sdrId !== null;
    if (!self && !peer) throw notFound();
  } else {
    assertCan(actor, "objective:manage");
    if (input.kind !== "MANAGER") throw invalid("objectives.qualitative.errors.kind", "kind");
  }
  if (o.sdrId && input.sdrId !== o.sdrId) throw invalid("objectives.qualitative.errors.sdr", "sdrId");
  const gv = o.gridVersions[0]!;
  const grid = gv.grid as unknown as Grid;
  const meetings = input.meetingIds.length
    ? await prisma.meeting.findMany({ where: { id: { in: input.meetingIds }, campaignId: o.campaignId }, select: { id: true, sdrId: true } })
    : [];
  const problems = assessmentProblems(
    { date: input.day, today: todayIn(o.campaign.agency.timeZone), levels: input.levels, evidenceMeetingIds: input.meetingIds, recordingUrl: input.recordingUrl },
    { grid, campaignMeetings: new Map(meetings.map((m) => [m.id, { sdrId: m.sdrId }])), sdrId: input.sdrId },
  );
  if (problems.length) throw invalid(`objectives.qualitative.errors.${problems[0]!.code}`, problems[0]!.field);
  return prisma.$transaction(async (tx) => {
    const a = await tx.qualAssessment.create({
      data: {
        agencyId: actor.agencyId, campaignId: o.campaignId, objectiveId, gridVersionId: gv.id, sdrId: input.sdrId, authorId: actor.userId, kind: input.kind,
        ritual: input.ritual, day: parseDay(input.day), levels: input.levels, recordingUrl: input.recordingUrl || null, recordingAt: input.recordingAt ?? null,
        note: input.note ?? "", comment: input.comment ?? "", nextStep: input.nextStep ?? "",
        evidence: { create: [...new Set(input.meetingIds)].map((meetingId) => ({ meetingId })) },
      },
    });
    await audit(tx, actor, "qualitative.assessment_recorded", { clientCompanyId: o.campaign.clientCompanyId, campaignId: o.campaignId }, { objectiveId, assessmentId: a.id, kind: input.kind });
    return a;
  });
}

/** Assessments the actor may read: the agency's (scoped), an SDR's own (about or by them); never a client's. */
export function assessmentScope(actor: Actor): Prisma.QualAssessmentWhereInput {
  if (isClientRole(actor.role)) return { id: "__never__" };
  const base: Prisma.QualAssessmentWhereInput = { agencyId: actor.agencyId, objective: { campaign: campaignScope(actor), archivedAt: null } };
  if (actor.role === "SDR") return { ...base, OR: [{ sdrId: actor.userId }, { authorId: actor.userId }] };
  return base;
}

export async function getAssessment(actor: Actor, id: string) {
  const a = await prisma.qualAssessment.findFirst({
    where: { id, ...assessmentScope(actor) },
    include: { gridVersion: { select: { version: true, grid: true } }, evidence: { select: { meetingId: true } }, revisions: { orderBy: { editedAt: "asc" } } },
  });
  if (!a) throw notFound();
  return a;
}

/** Editing keeps what the assessment said before as a revision. */
export async function editAssessment(actor: Actor, id: string, change: { levels?: Record<string, string>; comment?: string; nextStep?: string; note?: string }) {
  const a = await getAssessment(actor, id);
  if (a.authorId !== actor.userId && actor.role === "SDR") throw notFound();
  if (actor.role !== "SDR") assertCan(actor, "objective:manage");
  const grid = a.gridVersion.grid as unknown as Grid;
  const levels = change.levels ?? (a.levels as Record<string, string>);
  const problems = assessmentProblems({ date: toDay(a.day), today: toDay(a.day), levels, evidenceMeetingIds: [] }, { grid, campaignMeetings: new Map(), sdrId: null });
  if (problems.length) throw invalid(`objectives.qualitative.errors.${problems[0]!.code}`, problems[0]!.field);
  return prisma.$transaction(async (tx) => {
    await tx.qualAssessmentRevision.create({
      data: { assessmentId: id, editedById: actor.userId, snapshot: { levels: a.levels, comment: a.comment, nextStep: a.nextStep, note: a.note } as Prisma.InputJsonValue },
    });
    const updated = await tx.qualAssessment.update({
      where: { id },
      data: { levels, comment: change.comment ?? a.comment, nextStep: change.nextStep ?? a.nextStep, note: change.note ?? a.note },
    });
    await audit(tx, actor, "qualitative.assessment_edited", { campaignId: a.campaignId }, { assessmentId: id });
    return updated;
  });
}

const CLIENT_CRITERIA = { persona_fit: "ratingPersonaFit", decision_power: "ratingDecisionPower", real_need: "ratingRealNeed", briefing: "ratingBriefing" } as const;
type ClientCriterion = keyof typeof CLIENT_CRITERIA;

/** Sets once per campaign which agency criterion reads against which client rating. */
export async function setCalibrationMapping(actor: Actor, objectiveId: string, mapping: { agency: string; client: string }[]) {
  assertCan(actor, "objective:manage");
  const o = await managedQualObjective(actor, objectiveId);
  const latest = o.gridVersions.reduce((a, v) => (a.version > v.version ? a : v));
  const keys = new Set((latest.grid as unknown as Grid).criteria.map((c) => c.key));
  for (const m of mapping) {
    if (!keys.has(m.agency) || !(m.client in CLIENT_CRITERIA)) throw invalid("objectives.qualitative.errors.mapping", "mapping");
  }
  await prisma.$transaction([
    prisma.calibrationMapping.deleteMany({ where: { campaignId: o.campaignId, objectiveId } }),
    prisma.calibrationMapping.createMany({ data: mapping.map((m) => ({ campaignId: o.campaignId, objectiveId, agencyCriterion: m.agency, clientCriterion: m.client })) }),
  ]);
}

/**
 * The calibration of a campaign: agency call reviews (manager assessments with meeting evidence) against the client's
 * ratings of the same meetings; only meetings rated on both sides count. Clients get the team figures only.
 */
export async function campaignCalibration(actor: Actor, campaignId: string) {
  assertCan(actor, "objective:read");
  const c = await prisma.campaign.findFirst({ where: { id: campaignId, ...campaignScope(actor) }, select: { id: true } });
  if (!c) throw notFound();
  const mappings = await prisma.calibrationMapping.findMany({ where: { campaignId }, select: { objectiveId: true, agencyCriterion: true, clientCriterion: true } });
  const reviews = mappings.length
    ? await prisma.qualAssessment.findMany({
        where: { campaignId, kind: "MANAGER", objectiveId: { in: [...new Set(mappings.map((m) => m.objectiveId))] }, evidence: { some: { meeting: { ratedAt: { not: null } } } } },
        select: { objectiveId: true, sdrId: true, day: true, levels: true, evidence: { select: { meeting: { select: { id: true, ratingPersonaFit: true, ratingDecisionPower: true, ratingRealNeed: true, ratingBriefing: true } } } } },
      })
    : [];
  const agency: Rating[] = [];
  const client = new Map<string, Rating>();
  for (const r of reviews) {
    for (const { meeting: m } of r.evidence) {
      const levels: Record<string, Level> = {};
      for (const [k, v] of Object.entries(r.levels as Record<string, Level>)) levels[`${r.objectiveId}:${k}`] = v;
      agency.push({ meetingId: m.id, sdrId: r.sdrId, day: toDay(r.day), levels });
      const cl: Record<string, number> = {};
      for (const key of Object.keys(CLIENT_CRITERIA) as ClientCriterion[]) {
        const stars = m[CLIENT_CRITERIA[key]];
        if (stars !== null) cl[key] = starsToScore(stars);
      }
      client.set(m.id, { meetingId: m.id, sdrId: null, day: toDay(r.day), levels: cl });
    }
  }
  const mapping = mappings.map((m) => ({ agency: `${m.objectiveId}:${m.agencyCriterion}`, client: m.clientCriterion }));
  const clientRatings = [...client.values()];
  const team = calibrate(agency, clientRatings, mapping);
  const byMonth = Object.fromEntries(calibrateBy((r) => r.day.slice(0, 7), agency, clientRatings, mapping));
  if (isClientRole(actor.role) || actor.role === "SDR") return { team, byMonth, bySdr: null };
  return { team, byMonth, bySdr: Object.fromEntries(calibrateBy((r) => r.sdrId, agency, clientRatings, mapping)) };
}
