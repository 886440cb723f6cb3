// Meetings: every query takes the acting user and applies its scope inside the `where` (another tenant's meeting,
// or another SDR's, is NOT_FOUND). Every change checks the rules of app/domain/meetings.ts, bumps the revision
// (two people acting at once: the second gets CONFLICT), writes a MeetingEvent, and for decisions an audit event.
import { prisma, type Tx } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { DomainError, notFound } from "~/domain/errors";
import { isAgencyRole, isClientRole } from "~/domain/permissions";
import {
  canChangeStatus,
  canDecide,
  canEdit,
  canRate,
  canRecordOutcome,
  canResolve,
  checkDispute,
  loggingRefusal,
  loggingWarnings,
  reviewDeadline,
  targetStatus,
  WINDOW_REMINDER_HOURS,
  type Channel,
  type MeetingFacts,
  type StatusAction,
  type Warning,
} from "~/domain/meetings";
import type { ListFilter, RatingInput } from "~/domain/meeting-schemas";
import { Prisma, type MeetingVerdict } from "~/generated/prisma/client";
import { campaignScope } from "./scope.server";
import { audit } from "./audit.server";
import { sendEmailToEach } from "~/services/email.server";
import { enqueueEmails } from "~/services/jobs.server";
import { formatDate, type Locale } from "~/i18n";
import { recordBillableMeetings } from "./billing/ledger.server";

/** Meetings the actor may see: campaigns in their scope; an SDR sees the meetings they booked. */
export function meetingScope(actor: Actor): Prisma.MeetingWhereInput {
  return {
    agencyId: actor.agencyId,
    campaign: campaignScope(actor),
    ...(actor.role === "SDR" ? { sdrId: actor.userId } : {}),
  };
}

const fail = (reason: string, field?: string): never => {
  if (reason === "common.forbiddenBody") throw new DomainError("FORBIDDEN", reason);
  throw new DomainError("INVALID", reason, field);
};

function origin() {
  return env().APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

/** The meeting's time as the recipients read it: in the prospect's zone, named. */
export function formatMeetingTime(locale: Locale, at: Date, timeZone: string) {
  return `${formatDate(locale, at, { dateStyle: "full", timeStyle: "short", timeZone })} (${timeZone})`;
}

// ---------------------------------------------------------------------------------------------------------------
// Logging

/** What the log form needs: the campaign, its approved persona versions, the definition version in force. */
export async function getLoggingContext(actor: Actor, campaignId: string) {
  assertCan(actor, "meeting:log");
  const campaign = await prisma.campaign.findFirst({
    where: { AND: [campaignScope(actor), { id: campaignId }] },
    select: {
      id: true,
      name: true,
      status: true,
      agencyId: true,
      clientCompanyId: true,
      assignments: { select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!campaign) throw notFound();
  const [personaVersions, definitionVersion, clientUsers] = await Promise.all([
    prisma.personaVersion.findMany({
      where: { status: "APPROVED", persona: { campaignId: campaign.id } },
      select: { id: true, name: true, number: true },
      orderBy: { name: "asc" },
    }),
    definitionInForce(campaign.id),
    prisma.membership.findMany({
      where: { agencyId: actor.agencyId, clientCompanyId: campaign.clientCompanyId, role: { in: ["CLIENT_ADMIN", "CLIENT_MEMBER"] } },
      select: { user: { select: { id: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return {
    campaign,
    personaVersions,
    definitionVersion,
    sdrs: campaign.assignments.map((a) => a.user),
    clientUsers: clientUsers.map((m) => m.user),
  };
}

/** The approved definition version of a campaign (the latest approved, if an older one was not yet superseded). */
function definitionInForce(campaignId: string) {
  return prisma.definitionVersion.findFirst({
    where: { status: "APPROVED", definition: { campaignId } },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      disputeWindowDays: true,
      minDurationMinutes: true,
      allowedChannels: true,
      minLeadTimeHours: true,
      criteria: { select: { id: true, key: true, label: true, helpText: true, required: true }, orderBy: { position: "asc" } },
    },
  });
}

export type CheckInput = { criterionId: string; met: boolean; note?: string; evidenceUrl?: string };
export type MeetingInput = {
  personaVersionId: string;
  sdrId?: string;
  prospectName: string;
  prospectTitle?: string;
  prospectEmail: string;
  prospectPhone?: string;
  prospectCompany: string;
  prospectDomain?: string;
  prospectCompanySize?: string;
  prospectIndustry?: string;
  prospectCountry?: string;
  prospectLinkedinUrl?: string;
  scheduledAt: Date;
  timeZone: string;
  durationMinutes: number;
  channel: Channel;
  location?: string;
  clientAttendeeId?: string;
  discoveryNeed?: string;
  discoveryContext?: string;
  discoveryBudget?: string;
  discoveryTimeline?: string;
  externalId?: string;
  checks: CheckInput[];
  confirmWarnings?: boolean;
};

export type LogResult =
  | { ok: true; meetingId: string; created: boolean }
  | { ok: false; warnings: Warning[] };

/**
 * Logs a meeting on an active campaign under the persona and definition versions in force. Returns the warnings to
 * confirm (unmet required criteria, rule departures, a possible duplicate) unless `confirmWarnings`; the same
 * external id on the campaign returns the existing meeting (idempotent).
 */
export async function logMeeting(actor: Actor, campaignId: string, input: MeetingInput, now = new Date()): Promise<LogResult> {
  const ctx = await getLoggingContext(actor, campaignId);
  const { campaign, definitionVersion } = ctx;
  if (input.externalId) {
    const existing = await prisma.meeting.findFirst({ where: { AND: [meetingScope(actor), { campaignId, externalId: input.externalId }] }, select: { id: true } });
    if (existing) return { ok: true, meetingId: existing.id, created: false };
  }
  const refusal = loggingRefusal(campaign.status, input.scheduledAt, now);
  if (refusal) fail(refusal, refusal === "meetings.errors.tooFarInPast" ? "scheduledLocal" : undefined);
  if (!definitionVersion) fail("meetings.errors.noDefinition");
  if (!ctx.personaVersions.some((p) => p.id === input.personaVersionId)) fail("meetings.errors.unknownPersona", "personaVersionId");
  const sdrId = actor.role === "SDR" ? actor.userId : input.sdrId ?? (ctx.sdrs.length === 1 ? ctx.sdrs[0].id : undefined);
  if (!sdrId || !ctx.sdrs.some((s) => s.id === sdrId)) fail("meetings.errors.sdr", "sdrId");
  if (input.clientAttendeeId && !ctx.clientUsers.some((u) => u.id === input.clientAttendeeId)) fail("common.errors.invalid", "clientAttendeeId");
  const criteria = definitionVersion!.criteria;
  const checks = criteria.map((c) => input.checks.find((x) => x.criterionId === c.id) ?? { criterionId: c.id, met: false });
  if (input.checks.some((x) => !criteria.some((c) => c.id === x.criterionId))) fail("meetings.errors.unknownCriterion");

  const email = input.prospectEmail.trim().toLowerCase();
  const duplicate = await prisma.meeting.count({
    where: { campaignId, prospectEmail: email, scheduledAt: input.scheduledAt, status: { not: "CANCELLED" } },
  });
  const warnings = loggingWarnings({ ...input, checks }, criteria, definitionVersion!, now);
  if (duplicate) warnings.push({ key: "meetings.warnings.duplicate" });
  if (warnings.length && !input.confirmWarnings) return { ok: false, warnings };

  const requiredUnmet = criteria.some((c) => c.required && !checks.find((x) => x.criterionId === c.id)?.met);
  const emailIds: string[] = [];
  let meetingId = "";
  try {
    await prisma.$transaction(async (tx) => {
      const m = await tx.meeting.create({
        data: {
          agencyId: campaign.agencyId,
          clientCompanyId: campaign.clientCompanyId,
          campaignId,
          sdrId: sdrId!,
          createdById: actor.userId,
          personaVersionId: input.personaVersionId,
          definitionVersionId: definitionVersion!.id,
          externalId: input.externalId ?? null,
          ...editableFields(input),
          scheduledAt: input.scheduledAt,
          timeZone: input.timeZone,
          clientAttendeeId: input.clientAttendeeId ?? null,
          possibleDuplicate: duplicate > 0,
          unmetRequiredConfirmed: requiredUnmet,
          checks: {
            create: checks.map((c) => ({ criterionId: c.criterionId, met: c.met, note: c.note ?? "", evidenceUrl: c.evidenceUrl ?? null })),
          },
          events: {
            create: {
              actorId: actor.userId,
              type: "created",
              to: "SCHEDULED",
              data: { warnings: warnings.map((w) => w.key), duplicate: duplicate > 0 },
            },
          },
        },
        select: { id: true },
      });
      meetingId = m.id;
      emailIds.push(...(await notifyBooked(tx, m.id)));
    });
  } catch (e) {
    // Two submissions of the same external id at once: the second finds the first.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002" && input.externalId) {
      const existing = await prisma.meeting.findFirst({ where: { AND: [meetingScope(actor), { campaignId, externalId: input.externalId }] }, select: { id: true } });
      if (existing) return { ok: true, meetingId: existing.id, created: false };
      // Another SDR's meeting has this external id: say so without revealing it.
      throw new DomainError("CONFLICT", "meetings.errors.externalIdTaken", "externalId");
    }
    throw e;
  }
  await enqueueEmails(emailIds);
  return { ok: true, meetingId, created: true };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

function listWhere(actor: Actor, f: Partial<ListFilter>, now = new Date()): Prisma.MeetingWhereInput {
  const and: Prisma.MeetingWhereInput[] = [meetingScope(actor)];
  if (f.campaignId) and.push({ campaignId: f.campaignId });
  if (f.status) and.push({ status: f.status });
  if (f.verdict) and.push({ verdict: f.verdict });
  if (f.sdrId) and.push({ sdrId: f.sdrId });
  if (f.personaVersionId) and.push({ personaVersionId: f.personaVersionId });
  if (f.from) and.push({ scheduledAt: { gte: new Date(`${f.from}T00:00:00Z`) } });
  if (f.to) and.push({ scheduledAt: { lt: new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86400_000) } });
  if (f.attention === "attendance") and.push({ status: "SCHEDULED", scheduledAt: { lt: now } });
  if (f.q) {
    const q = f.q.trim();
    and.push({
      OR: [
        { prospectName: { contains: q, mode: "insensitive" } },
        { prospectEmail: { contains: q.toLowerCase() } },
        { prospectCompany: { contains: q, mode: "insensitive" } },
        { externalId: q },
      ],
    });
  }
  return { AND: and };
}

function listOrder(sort: ListFilter["sort"]): Prisma.MeetingOrderByWithRelationInput[] {
  if (sort === "date_asc") return [{ scheduledAt: "asc" }, { id: "asc" }];
  if (sort === "status") return [{ status: "asc" }, { scheduledAt: "desc" }, { id: "desc" }];
  return [{ scheduledAt: "desc" }, { id: "desc" }];
}

export const PAGE_SIZE = 50;

const listSelect = {
  id: true,
  campaignId: true,
  prospectName: true,
  prospectTitle: true,
  prospectCompany: true,
  scheduledAt: true,
  timeZone: true,
  status: true,
  verdict: true,
  ratingOverall: true,
  possibleDuplicate: true,
  sdr: { select: { id: true, name: true } },
  personaVersion: { select: { id: true, name: true, number: true } },
  campaign: { select: { id: true, name: true } },
} satisfies Prisma.MeetingSelect;

/** One page of the meetings the actor may see, with the total (both by indexed queries). */
export async function listMeetings(actor: Actor, filter: Partial<ListFilter>, now = new Date()) {
  assertCan(actor, "campaign:read");
  const where = listWhere(actor, filter, now);
  const page = filter.page ?? 1;
  const [total, meetings] = await Promise.all([
    prisma.meeting.count({ where }),
    prisma.meeting.findMany({ where, orderBy: listOrder(filter.sort ?? "date_desc"), skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: listSelect }),
  ]);
  return { total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), meetings };
}

/** The options of the list's filters for one campaign (its SDRs, its persona versions that have meetings or are approved). */
export async function listFilterOptions(actor: Actor, campaignId?: string) {
  const campaigns = await prisma.campaign.findMany({
    where: { AND: [campaignScope(actor), campaignId ? { id: campaignId } : {}] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 500,
  });
  const ids = campaigns.map((c) => c.id);
  const [sdrs, personaVersions] = await Promise.all([
    actor.role === "SDR" || isClientRole(actor.role)
      ? Promise.resolve([] as { id: string; name: string }[])
      : prisma.user.findMany({ where: { assignments: { some: { campaignId: { in: ids } } } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.personaVersion.findMany({
      where: { persona: { campaignId: { in: ids } }, status: { in: ["APPROVED", "SUPERSEDED"] } },
      select: { id: true, name: true, number: true },
      orderBy: [{ name: "asc" }, { number: "desc" }],
    }),
  ]);
  return { campaigns, sdrs, personaVersions };
}

/** Streams the filtered list in pages of 1,000 (for the CSV export), never loading it whole. */
export async function* iterateMeetings(actor: Actor, filter: Partial<ListFilter>) {
  assertCan(actor, "campaign:read");
  const where = listWhere(actor, filter);
  const agency = isAgencyRole(actor.role);
  let cursor: string | undefined;
  for (;;) {
    const batch = await prisma.meeting.findMany({
      where,
      orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
      take: 1000,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: {
        id: true,
        externalId: true,
        scheduledAt: true,
        timeZone: true,
        durationMinutes: true,
        channel: true,
        status: true,
        verdict: true,
        autoAccepted: true,
        prospectName: true,
        prospectTitle: true,
        prospectEmail: true,
        prospectPhone: true,
        prospectCompany: true,
        prospectDomain: true,
        prospectCompanySize: true,
        prospectIndustry: true,
        prospectCountry: true,
        prospectLinkedinUrl: true,
        ratingOverall: true,
        opportunityCreated: true,
        pipelineValue: true,
        won: true,
        internalNotes: agency,
        sdr: { select: { name: true } },
        personaVersion: { select: { name: true, number: true } },
        definitionVersion: { select: { number: true } },
        campaign: { select: { name: true } },
      },
    });
    if (!batch.length) return;
    yield batch;
    if (batch.length < 1000) return;
    cursor = batch[batch.length - 1].id;
  }
}

/** One meeting with its checklist, dispute, history and thread; internal notes and comments only for the agency. */
export async function getMeeting(actor: Actor, meetingId: string) {
  assertCan(actor, "campaign:read");
  const agency = isAgencyRole(actor.role);
  const m = await prisma.meeting.findFirst({
    where: { AND: [meetingScope(actor), { id: meetingId }] },
    include: {
      campaign: { select: { id: true, name: true, status: true } },
      clientCompany: { select: { id: true, name: true, currency: true } },
      sdr: { select: { id: true, name: true } },
      clientAttendee: { select: { id: true, name: true } },
      personaVersion: { select: { id: true, name: true, number: true, status: true } },
      definitionVersion: { select: { id: true, number: true, disputeWindowDays: true, status: true } },
      checks: { include: { criterion: { select: { id: true, label: true, helpText: true, required: true, position: true } } } },
      disputeItems: { include: { criterion: { select: { id: true, label: true } } } },
      events: { orderBy: { createdAt: "asc" }, include: { actor: { select: { name: true } } } },
      comments: {
        where: agency ? {} : { internal: false },
        orderBy: { createdAt: "asc" },
        include: { author: { select: { name: true } } },
      },
    },
  });
  if (!m) throw notFound();
  const [criteria, names] = await Promise.all([
    prisma.definitionCriterion.findMany({ where: { versionId: m.definitionVersionId }, orderBy: { position: "asc" }, select: { id: true, label: true, required: true } }),
    userNames([m.verdictById, m.resolvedById, m.ratedById]),
  ]);
  const { internalNotes, ...rest } = m;
  return {
    ...rest,
    checks: [...m.checks].sort((a, b) => a.criterion.position - b.criterion.position),
    internalNotes: agency ? internalNotes : null,
    criteria,
    verdictBy: m.verdictById ? names.get(m.verdictById) ?? null : null,
    resolvedBy: m.resolvedById ? names.get(m.resolvedById) ?? null : null,
    ratedBy: m.ratedById ? names.get(m.ratedById) ?? null : null,
  };
}

async function userNames(ids: (string | null)[]) {
  const list = ids.filter((x): x is string => Boolean(x));
  const users = list.length ? await prisma.user.findMany({ where: { id: { in: list } }, select: { id: true, name: true } }) : [];
  return new Map(users.map((u) => [u.id, u.name]));
}

// ---------------------------------------------------------------------------------------------------------------
// Changes

const factsSelect = {
  id: true,
  agencyId: true,
  clientCompanyId: true,
  campaignId: true,
  status: true,
  verdict: true,
  sdrId: true,
  scheduledAt: true,
  timeZone: true,
  reviewDueAt: true,
  ratedAt: true,
  revision: true,
  definitionVersionId: true,
} satisfies Prisma.MeetingSelect;
type Loaded = Prisma.MeetingGetPayload<{ select: typeof factsSelect }>;

async function loadForChange(tx: Tx, actor: Actor, meetingId: string): Promise<Loaded> {
  const m = await tx.meeting.findFirst({ where: { AND: [meetingScope(actor), { id: meetingId }] }, select: factsSelect });
  if (!m) throw notFound();
  return m;
}

const facts = (m: Loaded): MeetingFacts => ({ ...m });

/** Applies an update only if nobody changed the meeting since it was read (its revision), else CONFLICT. */
async function applyChange(tx: Tx, m: Loaded, expectedRevision: number | undefined, data: Prisma.MeetingUpdateManyMutationInput) {
  if (expectedRevision !== undefined && expectedRevision !== m.revision) throw new DomainError("CONFLICT", "common.errors.conflict");
  const r = await tx.meeting.updateMany({ where: { id: m.id, revision: m.revision }, data: { ...data, revision: { increment: 1 } } });
  if (r.count === 0) throw new DomainError("CONFLICT", "common.errors.conflict");
}

function event(tx: Tx, meetingId: string, actorId: string | null, type: string, from: string | null, to: string | null, data: Prisma.InputJsonValue = {}) {
  return tx.meetingEvent.create({ data: { meetingId, actorId, type, from, to, data } });
}

async function withEmails<T>(work: (tx: Tx, emails: string[]) => Promise<T>): Promise<T> {
  const emails: string[] = [];
  const result = await prisma.$transaction((tx) => work(tx, emails));
  await enqueueEmails(emails);
  return result;
}

/**
 * Held, no-show, cancelled, or rescheduled (a new future time; the old one stays in history). Marking held opens
 * the client's dispute window (days of the booked-under definition version).
 */
export async function changeMeetingStatus(
  actor: Actor,
  meetingId: string,
  action: StatusAction,
  opts: { newTime?: Date; newTimeZone?: string; revision?: number } = {},
  now = new Date(),
) {
  assertCan(actor, "meeting:status");
  return withEmails(async (tx, emails) => {
    const m = await loadForChange(tx, actor, meetingId);
    const d = canChangeStatus(actor.role, actor.userId, facts(m), action, now, opts.newTime);
    if (!d.ok) fail(d.reason, action === "RESCHEDULE" ? "newLocal" : undefined);
    const to = targetStatus(action);
    if (action === "RESCHEDULE") {
      await applyChange(tx, m, opts.revision, {
        status: "SCHEDULED",
        scheduledAt: opts.newTime!,
        timeZone: opts.newTimeZone ?? m.timeZone,
        statusChangedAt: now,
        attendanceReminderAt: null,
        reviewDueAt: null,
      });
      await event(tx, m.id, actor.userId, "rescheduled", m.scheduledAt.toISOString(), opts.newTime!.toISOString(), {
        fromStatus: m.status,
        timeZone: opts.newTimeZone ?? m.timeZone,
      });
      return { status: to };
    }
    let reviewDueAt: Date | null = null;
    if (to === "HELD") {
      const def = await tx.definitionVersion.findUniqueOrThrow({ where: { id: m.definitionVersionId }, select: { disputeWindowDays: true } });
      reviewDueAt = reviewDeadline(m.scheduledAt, now, def.disputeWindowDays);
    }
    await applyChange(tx, m, opts.revision, { status: to, statusChangedAt: now, reviewDueAt });
    await event(tx, m.id, actor.userId, "status", m.status, to, reviewDueAt ? { reviewDueAt: reviewDueAt.toISOString() } : {});
    if (reviewDueAt) emails.push(...(await notifyHeld(tx, m.id, actor, reviewDueAt)));
    return { status: to };
  });
}

/** Applies one status action to many meetings; each is checked on its own. Returns how many changed and which were refused. */
export async function bulkChangeStatus(actor: Actor, meetingIds: string[], action: "HELD" | "NO_SHOW" | "CANCELLED", now = new Date()) {
  assertCan(actor, "meeting:status");
  let changed = 0;
  const refused: string[] = [];
  for (const id of [...new Set(meetingIds)].slice(0, 200)) {
    try {
      await changeMeetingStatus(actor, id, action, {}, now);
      changed += 1;
    } catch (e) {
      if (e instanceof DomainError) refused.push(id);
      else throw e;
    }
  }
  return { changed, refused };
}

/** The client's rating grid (overall required, the rest optional). Editable while the meeting is held. */
export async function rateMeeting(actor: Actor, meetingId: string, ratings: Partial<RatingInput> & { ratingOverall: number }, revision?: number, now = new Date()) {
  assertCan(actor, "meeting:rate");
  return withEmails(async (tx) => {
    const m = await loadForChange(tx, actor, meetingId);
    const d = canRate(actor.role, facts(m));
    if (!d.ok) fail(d.reason);
    const data = {
      ratingOverall: ratings.ratingOverall,
      ratingPersonaFit: ratings.ratingPersonaFit ?? null,
      ratingDecisionPower: ratings.ratingDecisionPower ?? null,
      ratingRealNeed: ratings.ratingRealNeed ?? null,
      ratingBriefing: ratings.ratingBriefing ?? null,
    };
    await applyChange(tx, m, revision, { ...data, ratedById: actor.userId, ratedAt: now });
    await event(tx, m.id, actor.userId, "rated", null, String(ratings.ratingOverall), data);
  });
}

/** The client admin accepts a held meeting inside the window. */
export async function acceptMeeting(actor: Actor, meetingId: string, revision?: number, now = new Date()) {
  assertCan(actor, "meeting:review");
  return withEmails(async (tx) => {
    const m = await loadForChange(tx, actor, meetingId);
    const d = canDecide(actor.role, facts(m), now);
    if (!d.ok) fail(d.reason);
    await applyChange(tx, m, revision, { verdict: "ACCEPTED", verdictById: actor.userId, verdictAt: now });
    await event(tx, m.id, actor.userId, "accepted", m.verdict, "ACCEPTED");
    await audit(tx, actor, "meeting.accepted", m, { meetingId: m.id });
    await recordBillableMeetings(tx, [m.id], now);
  });
}

/**
 * The client admin disputes a held meeting inside the window, naming criteria of the version it was booked under,
 * each with a reason. The account manager is told.
 */
export async function disputeMeeting(actor: Actor, meetingId: string, items: { criterionId: string; reason: string }[], revision?: number, now = new Date()) {
  assertCan(actor, "meeting:review");
  return withEmails(async (tx, emails) => {
    const m = await loadForChange(tx, actor, meetingId);
    const d = canDecide(actor.role, facts(m), now);
    if (!d.ok) fail(d.reason);
    const criteria = await tx.definitionCriterion.findMany({ where: { versionId: m.definitionVersionId }, select: { id: true, label: true } });
    const clean = items.map((i) => ({ criterionId: i.criterionId, reason: i.reason.trim().slice(0, 2000) }));
    const c = checkDispute(clean, criteria.map((x) => x.id));
    if (!c.ok) fail(c.reason, "dispute");
    await applyChange(tx, m, revision, { verdict: "DISPUTED", verdictById: actor.userId, verdictAt: now });
    await tx.meetingDisputeItem.createMany({ data: clean.map((i) => ({ meetingId: m.id, ...i })) });
    await event(tx, m.id, actor.userId, "disputed", m.verdict, "DISPUTED", { items: clean });
    await audit(tx, actor, "meeting.disputed", m, { meetingId: m.id, criteria: clean.map((i) => i.criterionId) });
    const labels = clean.map((i) => `${criteria.find((x) => x.id === i.criterionId)!.label}: ${i.reason}`);
    emails.push(...(await notifyDisputed(tx, m.id, actor, labels)));
  });
}

/** The agency answers a dispute: upheld (not billable) or rejected (billable), with reasoning the client sees. */
export async function resolveDispute(
  actor: Actor,
  meetingId: string,
  input: { decision: "DISPUTE_UPHELD" | "DISPUTE_REJECTED"; reasoning: string },
  revision?: number,
  now = new Date(),
) {
  assertCan(actor, "dispute:resolve");
  return withEmails(async (tx, emails) => {
    const m = await loadForChange(tx, actor, meetingId);
    const d = canResolve(actor.role, facts(m));
    if (!d.ok) fail(d.reason);
    const reasoning = input.reasoning.trim();
    if (!reasoning) fail("common.errors.required", "reasoning");
    await applyChange(tx, m, revision, { verdict: input.decision, resolutionReasoning: reasoning, resolvedById: actor.userId, resolvedAt: now });
    await event(tx, m.id, actor.userId, "dispute_resolved", "DISPUTED", input.decision, { reasoning });
    await audit(tx, actor, input.decision === "DISPUTE_UPHELD" ? "meeting.dispute_upheld" : "meeting.dispute_rejected", m, { meetingId: m.id, reasoning });
    if (input.decision === "DISPUTE_REJECTED") await recordBillableMeetings(tx, [m.id], now);
    emails.push(...(await notifyResolved(tx, m.id, actor, input.decision === "DISPUTE_UPHELD", reasoning)));
  });
}

/** The client's outcome: opportunity created, pipeline value (minor units), won. */
export async function recordOutcome(
  actor: Actor,
  meetingId: string,
  input: { opportunityCreated: boolean | null; pipelineValue: number | null; won: boolean | null },
  now = new Date(),
) {
  assertCan(actor, "meeting:rate");
  return withEmails(async (tx) => {
    const m = await loadForChange(tx, actor, meetingId);
    const d = canRecordOutcome(actor.role, facts(m));
    if (!d.ok) fail(d.reason);
    await applyChange(tx, m, undefined, { ...input, outcomeUpdatedAt: now });
    await event(tx, m.id, actor.userId, "outcome", null, null, input);
  });
}

/** The meeting's columns that logging sets and the agency may edit until the client reviews. */
function editableFields(input: MeetingEdit) {
  return {
    prospectName: input.prospectName,
    prospectTitle: input.prospectTitle ?? "",
    prospectEmail: input.prospectEmail.trim().toLowerCase(),
    prospectPhone: input.prospectPhone ?? null,
    prospectCompany: input.prospectCompany,
    prospectDomain: input.prospectDomain ?? null,
    prospectCompanySize: input.prospectCompanySize ?? null,
    prospectIndustry: input.prospectIndustry ?? null,
    prospectCountry: input.prospectCountry ?? null,
    prospectLinkedinUrl: input.prospectLinkedinUrl ?? null,
    durationMinutes: input.durationMinutes,
    channel: input.channel,
    location: input.location ?? null,
    discoveryNeed: input.discoveryNeed ?? "",
    discoveryContext: input.discoveryContext ?? "",
    discoveryBudget: input.discoveryBudget ?? "",
    discoveryTimeline: input.discoveryTimeline ?? "",
  };
}

export type MeetingEdit = Pick<
  MeetingInput,
  | "prospectName" | "prospectTitle" | "prospectEmail" | "prospectPhone" | "prospectCompany" | "prospectDomain" | "prospectCompanySize"
  | "prospectIndustry" | "prospectCountry" | "prospectLinkedinUrl" | "durationMinutes" | "channel" | "location"
  | "discoveryNeed" | "discoveryContext" | "discoveryBudget" | "discoveryTimeline"
>;

/**
 * Edits what was logged (prospect, duration, channel, place, discovery notes) until the client reviews the meeting.
 * Never the booked-under versions nor the SDR; the time changes by rescheduling. The history keeps which fields changed.
 */
export async function editMeeting(actor: Actor, meetingId: string, input: MeetingEdit, revision?: number) {
  assertCan(actor, "meeting:log");
  return withEmails(async (tx) => {
    const m = await loadForChange(tx, actor, meetingId);
    const d = canEdit(actor.role, actor.userId, facts(m));
    if (!d.ok) fail(d.reason);
    const before = await tx.meeting.findUniqueOrThrow({ where: { id: m.id } });
    const data = editableFields(input);
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter((k) => before[k] !== data[k]);
    if (!changed.length) return;
    await applyChange(tx, m, revision, data);
    await event(tx, m.id, actor.userId, "edited", null, null, { fields: changed });
  });
}

/** Agency-internal notes (never shown to clients). */
export async function updateInternalNotes(actor: Actor, meetingId: string, internalNotes: string) {
  assertCan(actor, "meeting:log");
  if (!isAgencyRole(actor.role)) throw new DomainError("FORBIDDEN", "common.forbiddenBody");
  return withEmails(async (tx) => {
    const m = await loadForChange(tx, actor, meetingId);
    await applyChange(tx, m, undefined, { internalNotes });
  });
}

/** A comment on the meeting's thread; only agency users may write internal ones, and only they read them. */
export async function addMeetingComment(actor: Actor, meetingId: string, body: string, internal: boolean) {
  assertCan(actor, "version:comment");
  if (internal && !isAgencyRole(actor.role)) throw new DomainError("FORBIDDEN", "common.forbiddenBody");
  const m = await prisma.meeting.findFirst({ where: { AND: [meetingScope(actor), { id: meetingId }] }, select: { id: true } });
  if (!m) throw notFound();
  return prisma.meetingComment.create({ data: { meetingId: m.id, authorId: actor.userId, body, internal } });
}

// ---------------------------------------------------------------------------------------------------------------
// Scheduled work (no actor: the system)

/**
 * Accepts held meetings whose dispute window has closed. One conditional UPDATE claims them, so two processes
 * running it at once accept each meeting once; history and audit rows are written for the claimed ones only.
 */
export async function autoAcceptDueMeetings(now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string; agencyId: string; clientCompanyId: string; campaignId: string }[]>`
      UPDATE "Meeting"
         SET "verdict" = 'ACCEPTED', "autoAccepted" = true, "verdictAt" = ${now}, "verdictById" = NULL,
             "revision" = "revision" + 1, "updatedAt" = ${now}
       WHERE "id" IN (
         SELECT "id" FROM "Meeting"
          WHERE "status" = 'HELD' AND "verdict" = 'PENDING' AND "reviewDueAt" < ${now}
          ORDER BY "reviewDueAt" LIMIT 1000
          FOR UPDATE SKIP LOCKED)
         AND "status" = 'HELD' AND "verdict" = 'PENDING'
      RETURNING "id", "agencyId", "clientCompanyId", "campaignId"`;
    if (!claimed.length) return 0;
    await tx.meetingEvent.createMany({
      data: claimed.map((m) => ({ meetingId: m.id, actorId: null, type: "auto_accepted", from: "PENDING", to: "ACCEPTED" })),
    });
    await tx.auditEvent.createMany({
      data: claimed.map((m) => ({
        agencyId: m.agencyId,
        clientCompanyId: m.clientCompanyId,
        campaignId: m.campaignId,
        actorId: null,
        type: "meeting.auto_accepted",
        data: { meetingId: m.id },
      })),
    });
    await recordBillableMeetings(tx, claimed.map((m) => m.id), now);
    return claimed.length;
  });
}

/**
 * Reminds the client attendee (else the client admins) of meetings that ended an hour ago without held or no-show.
 * Claimed by a conditional UPDATE too, so each reminder goes once per scheduled time.
 */
export async function remindMissingAttendance(now = new Date()) {
  const emails: string[] = [];
  const count = await prisma.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Meeting" SET "attendanceReminderAt" = ${now}
       WHERE "id" IN (
         SELECT "id" FROM "Meeting"
          WHERE "status" = 'SCHEDULED' AND "attendanceReminderAt" IS NULL
            AND "scheduledAt" + make_interval(mins => "durationMinutes" + 60) < ${now}
          ORDER BY "scheduledAt" LIMIT 500
          FOR UPDATE SKIP LOCKED)
         AND "attendanceReminderAt" IS NULL
      RETURNING "id"`;
    for (const { id } of claimed) {
      await event(tx, id, null, "reminder", null, null, {});
      emails.push(...(await notifyReminder(tx, id)));
    }
    return claimed.length;
  });
  await enqueueEmails(emails);
  return count;
}

/**
 * Tells the client admins once that an unreviewed held meeting will be accepted automatically when its dispute
 * window closes, within the next 48 hours. Claimed by a conditional UPDATE (SKIP LOCKED), like the auto-accept, so
 * two processes send each reminder once; the history row and the outbox rows share the claim's transaction.
 */
export async function remindClosingWindows(now = new Date()) {
  const horizon = new Date(now.getTime() + WINDOW_REMINDER_HOURS * 3600_000);
  const emails: string[] = [];
  const count = await prisma.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string; reviewDueAt: Date }[]>`
      UPDATE "Meeting" SET "windowReminderAt" = ${now}
       WHERE "id" IN (
         SELECT "id" FROM "Meeting"
          WHERE "status" = 'HELD' AND "verdict" = 'PENDING' AND "windowReminderAt" IS NULL
            AND "reviewDueAt" >= ${now} AND "reviewDueAt" <= ${horizon}
          ORDER BY "reviewDueAt" LIMIT 500
          FOR UPDATE SKIP LOCKED)
         AND "status" = 'HELD' AND "verdict" = 'PENDING' AND "windowReminderAt" IS NULL
      RETURNING "id", "reviewDueAt"`;
    for (const { id, reviewDueAt } of claimed) {
      await event(tx, id, null, "window_reminder", null, reviewDueAt.toISOString(), {});
      emails.push(...(await notifyWindowClosing(tx, id, reviewDueAt)));
    }
    return claimed.length;
  });
  await enqueueEmails(emails);
  return count;
}

/** Counts for the homes: meetings past their time without attendance, to review, disputes to answer. */
export async function meetingActionCounts(actor: Actor, now = new Date(), campaignId?: string) {
  const scope: Prisma.MeetingWhereInput = campaignId ? { AND: [meetingScope(actor), { campaignId }] } : meetingScope(actor);
  const [attendance, toReview, disputes] = await Promise.all([
    prisma.meeting.count({ where: { AND: [scope, { status: "SCHEDULED", scheduledAt: { lt: now } }] } }),
    isClientRole(actor.role) ? prisma.meeting.count({ where: { AND: [scope, { status: "HELD", verdict: "PENDING" }] } }) : Promise.resolve(0),
    actor.role === "AGENCY_ADMIN" || actor.role === "ACCOUNT_MANAGER"
      ? prisma.meeting.count({ where: { AND: [scope, { verdict: "DISPUTED" }] } })
      : Promise.resolve(0),
  ]);
  return { attendance, toReview, disputes };
}

export type CampaignMeetingActions = { id: string; name: string; attendance: number; toReview: number; windowClosingSoon: boolean };

/**
 * A client's meeting action items per campaign, for the home's links to each campaign's filtered Meetings tab: past
 * their time without attendance, held and waiting for the verdict (and whether a dispute window closes within 48
 * hours). One grouped query in the actor's scope, then the names of the campaigns it found (in scope too).
 */
export async function meetingActionsByCampaign(actor: Actor, now = new Date()): Promise<CampaignMeetingActions[]> {
  if (!isClientRole(actor.role)) return [];
  const groups = await prisma.meeting.groupBy({
    by: ["campaignId", "status"],
    where: { AND: [meetingScope(actor), { OR: [{ status: "SCHEDULED", scheduledAt: { lt: now } }, { status: "HELD", verdict: "PENDING" }] }] },
    _count: { _all: true },
    _min: { reviewDueAt: true },
  });
  if (!groups.length) return [];
  const campaigns = await prisma.campaign.findMany({
    where: { AND: [campaignScope(actor), { id: { in: [...new Set(groups.map((g) => g.campaignId))] } }] },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const soon = now.getTime() + WINDOW_REMINDER_HOURS * 3600_000;
  return campaigns.map((c) => {
    const of = (status: "SCHEDULED" | "HELD") => groups.find((g) => g.campaignId === c.id && g.status === status);
    const held = of("HELD");
    return {
      id: c.id,
      name: c.name,
      attendance: of("SCHEDULED")?._count._all ?? 0,
      toReview: held?._count._all ?? 0,
      windowClosingSoon: Boolean(held?._min.reviewDueAt && held._min.reviewDueAt.getTime() <= soon),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Notifications (written to the outbox inside the change's transaction)

async function meetingForEmail(tx: Tx, meetingId: string) {
  return tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      id: true,
      campaignId: true,
      clientCompanyId: true,
      agencyId: true,
      prospectName: true,
      prospectCompany: true,
      scheduledAt: true,
      timeZone: true,
      agency: { select: { name: true } },
      campaign: { select: { name: true, accountManager: { select: { email: true, locale: true } } } },
      clientCompany: { select: { name: true, accountManager: { select: { email: true, locale: true } } } },
      sdr: { select: { name: true, email: true, locale: true } },
      clientAttendee: { select: { email: true, locale: true } },
    },
  });
}
type EmailMeeting = Awaited<ReturnType<typeof meetingForEmail>>;

function baseProps(m: EmailMeeting, locale: Locale) {
  return {
    locale,
    agency: m.agency.name,
    campaign: m.campaign.name,
    prospect: m.prospectName,
    company: m.prospectCompany,
    when: formatMeetingTime(locale, m.scheduledAt, m.timeZone),
    url: `${origin()}/campaigns/${m.campaignId}/meetings/${m.id}`,
  };
}

function clientUsers(tx: Tx, m: EmailMeeting, roles: ("CLIENT_ADMIN" | "CLIENT_MEMBER")[] = ["CLIENT_ADMIN", "CLIENT_MEMBER"]) {
  return tx.user.findMany({
    where: { memberships: { some: { agencyId: m.agencyId, clientCompanyId: m.clientCompanyId, role: { in: roles } } } },
    select: { email: true, locale: true },
  });
}

async function notifyBooked(tx: Tx, meetingId: string) {
  const m = await meetingForEmail(tx, meetingId);
  return sendEmailToEach(tx, await clientUsers(tx, m), {
    template: "meeting-booked",
    agencyId: m.agencyId,
    props: (locale) => ({ ...baseProps(m, locale), sdr: m.sdr.name }),
  });
}

async function notifyDisputed(tx: Tx, meetingId: string, actor: Actor, criteria: string[]) {
  const m = await meetingForEmail(tx, meetingId);
  let recipients = [m.campaign.accountManager ?? m.clientCompany.accountManager].filter((x): x is { email: string; locale: Locale | null } => Boolean(x));
  if (!recipients.length)
    recipients = await tx.user.findMany({ where: { memberships: { some: { agencyId: m.agencyId, role: "AGENCY_ADMIN" } } }, select: { email: true, locale: true } });
  return sendEmailToEach(tx, recipients, {
    template: "meeting-disputed",
    agencyId: m.agencyId,
    props: (locale) => ({ ...baseProps(m, locale), client: m.clientCompany.name, by: actor.name, criteria }),
  });
}

async function notifyResolved(tx: Tx, meetingId: string, actor: Actor, upheld: boolean, reasoning: string) {
  const m = await meetingForEmail(tx, meetingId);
  return sendEmailToEach(tx, [...(await clientUsers(tx, m)), m.sdr], {
    template: "meeting-resolved",
    agencyId: m.agencyId,
    props: (locale) => ({ ...baseProps(m, locale), upheld, reasoning, by: actor.name }),
  });
}

/** The client admins (who give the verdict) learn the meeting is held and until when they may dispute it. */
async function notifyHeld(tx: Tx, meetingId: string, actor: Actor, due: Date) {
  const m = await meetingForEmail(tx, meetingId);
  const admins = (await clientUsers(tx, m, ["CLIENT_ADMIN"])).filter((u) => u.email !== actor.email);
  return sendEmailToEach(tx, admins, {
    template: "meeting-held",
    agencyId: m.agencyId,
    props: (locale) => ({ ...baseProps(m, locale), due: formatDate(locale, due, { dateStyle: "full", timeStyle: "short", timeZone: m.timeZone }) }),
  });
}

async function notifyWindowClosing(tx: Tx, meetingId: string, due: Date) {
  const m = await meetingForEmail(tx, meetingId);
  return sendEmailToEach(tx, await clientUsers(tx, m, ["CLIENT_ADMIN"]), {
    template: "meeting-window-closing",
    agencyId: m.agencyId,
    props: (locale) => ({ ...baseProps(m, locale), due: formatMeetingTime(locale, due, m.timeZone) }),
  });
}

async function notifyReminder(tx: Tx, meetingId: string) {
  const m = await meetingForEmail(tx, meetingId);
  const recipients = m.clientAttendee ? [m.clientAttendee] : await clientUsers(tx, m, ["CLIENT_ADMIN"]);
  return sendEmailToEach(tx, recipients, { template: "meeting-reminder", agencyId: m.agencyId, props: (locale) => baseProps(m, locale) });
}

export type { MeetingVerdict };
