// Logging a meeting against the agreement in force, and what the agency may edit until the client reviews it:
// the logged fields, agency-internal notes, and the comment thread.
import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { isAgencyRole } from "~/domain/shared/permissions";
import { canEdit, loggingRefusal, loggingWarnings, type Channel, type Warning } from "~/domain/meetings/rules";
import { Prisma } from "~/generated/prisma/client";
import { campaignScope } from "../scope.server";
import { withChange } from "../effects.server";
import { emitMeetingEvent } from "../webhooks/events.server";
import { applyChange, event, facts, fail, loadForChange, meetingScope } from "./change.server";
import { notifyBooked } from "./notifications.server";
import { sendCalendarInvitations } from "./invitations.server";

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
  const [personaVersions, definitionVersion, clientUsers, replacementsOwed] = await Promise.all([
    prisma.personaVersion.findMany({
      where: { status: "APPROVED", persona: { campaignId: campaign.id } },
      select: { id: true, name: true, number: true },
      orderBy: { name: "asc" },
    }),
    definitionInForce(campaign.id),
    prisma.membership.findMany({
      where: { agencyId: actor.agencyId, clientCompanyId: campaign.clientCompanyId, role: { in: ["CLIENT_ADMIN", "CLIENT_MEMBER"] }, deactivatedAt: null },
      select: { user: { select: { id: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    replacementsOwedOn(campaign.id),
  ]);
  return {
    replacementsOwed,
    campaign,
    personaVersions,
    definitionVersion,
    sdrs: campaign.assignments.map((a) => a.user),
    clientUsers: clientUsers.map((m) => m.user),
  };
}

/**
 * Issue 9: the campaign's disputed meetings the agency upheld with a replacement promised and no replacement logged
 * yet, oldest first (the list of replacements owed, and the choices of the logging form).
 */
export function replacementsOwedOn(campaignId: string) {
  return prisma.meeting.findMany({
    where: { campaignId, replacementPromised: true, replacement: null },
    select: { id: true, prospectName: true, prospectCompany: true, resolvedAt: true },
    orderBy: { resolvedAt: "asc" },
    take: 100,
  });
}

/** What logging reads of the definition in force: its rules and its criteria in order. */
const DEFINITION_IN_FORCE = {
  id: true,
  number: true,
  disputeWindowDays: true,
  minDurationMinutes: true,
  allowedChannels: true,
  minLeadTimeHours: true,
  criteria: { select: { id: true, key: true, label: true, helpText: true, required: true }, orderBy: { position: "asc" } },
} satisfies Prisma.DefinitionVersionSelect;

/** The approved definition version of a campaign (the latest approved, if an older one was not yet superseded). */
function definitionInForce(campaignId: string) {
  return prisma.definitionVersion.findFirst({
    where: { status: "APPROVED", definition: { campaignId } },
    orderBy: { number: "desc" },
    select: DEFINITION_IN_FORCE,
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
  /** Issue 9: the disputed meeting (upheld, replacement promised) this one replaces. */
  replacesMeetingId?: string;
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
 * What logging one meeting checks against, in ONE statement (issue 15's speed: the API creates meetings one at a
 * time): the campaign in the actor's scope, its SDRs, whether the given persona version is approved on it, the
 * definition version in force with its criteria. The log form's lists (every approved persona version, the client's
 * users, the replacements owed) are read by getLoggingContext; here only the chosen client attendee and replaced
 * meeting are checked, and only when given.
 */
export async function loggingFacts(actor: Actor, campaignId: string, input: { personaVersionId?: string }) {
  assertCan(actor, "meeting:log");
  const campaign = await prisma.campaign.findFirst({
    where: { AND: [campaignScope(actor), { id: campaignId }] },
    select: {
      id: true,
      status: true,
      agencyId: true,
      clientCompanyId: true,
      invitesProspect: true,
      assignments: { select: { userId: true } },
      personas: { select: { versions: { where: { status: "APPROVED", id: input.personaVersionId ?? "" }, select: { id: true } } } },
      definition: {
        select: {
          versions: {
            where: { status: "APPROVED" },
            orderBy: { number: "desc" },
            take: 1,
            select: DEFINITION_IN_FORCE,
          },
        },
      },
    },
  });
  if (!campaign) throw notFound();
  const { assignments, personas, definition, ...rest } = campaign;
  return {
    campaign: rest,
    sdrIds: assignments.map((a) => a.userId),
    personaApproved: personas.some((p) => p.versions.length > 0),
    definitionVersion: definition?.versions[0] ?? null,
  };
}
export type LoggingFacts = Awaited<ReturnType<typeof loggingFacts>>;

/** Two submissions of the same external id at once (the unique link of a replacement too): Prisma's P2002, or 23505 from raw SQL. */
function isUniqueViolation(e: unknown) {
  if (!(e instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (e.code === "P2002") return true;
  const meta = e.meta as { code?: string; driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } } | undefined;
  return meta?.code === "23505" || meta?.driverAdapterError?.cause?.originalCode === "23505" || meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation" || /23505|unique constraint/i.test(e.message);
}

/** The meeting with this external id on the campaign, as the actor may see it (the campaign is already in its scope). */
async function meetingWithExternalId(actor: Actor, campaignId: string, externalId: string) {
  return prisma.meeting.findFirst({ where: { AND: [meetingScope(actor), { campaignId, externalId }] }, select: { id: true } });
}

const newId = () => `c${crypto.randomBytes(12).toString("hex")}`;
const MEETING_INSERT_COLUMNS = [
  "id", "agencyId", "clientCompanyId", "campaignId", "sdrId", "createdById", "personaVersionId", "definitionVersionId", "externalId",
  "prospectName", "prospectTitle", "prospectEmail", "prospectPhone", "prospectCompany", "prospectDomain", "prospectCompanySize",
  "prospectIndustry", "prospectCountry", "prospectLinkedinUrl", "durationMinutes", "channel", "location", "discoveryNeed",
  "discoveryContext", "discoveryBudget", "discoveryTimeline", "scheduledAt", "timeZone", "clientAttendeeId", "replacesMeetingId",
  "possibleDuplicate", "unmetRequiredConfirmed", "createdAt", "updatedAt",
].map((c) => `"${c}"`);

/**
 * Logs a meeting on an active campaign under the persona and definition versions in force. Returns the warnings to
 * confirm (unmet required criteria, rule departures, a possible duplicate) unless `confirmWarnings`; the same
 * external id on the campaign returns the existing meeting (idempotent). `facts`: loggingFacts, when the caller read
 * them already (the API, which needs the criteria's keys).
 */
export async function logMeeting(actor: Actor, campaignId: string, input: MeetingInput, now = new Date(), facts?: LoggingFacts): Promise<LogResult> {
  const ctx = facts ?? (await loggingFacts(actor, campaignId, input));
  const { campaign, definitionVersion } = ctx;
  const email = input.prospectEmail.trim().toLowerCase();
  // The external id seen before, and a meeting with the same prospect at the same time: one statement.
  const [seen] = await prisma.$queryRaw<{ existing: string | null; duplicate: number }[]>`
    SELECT (SELECT "id" FROM "Meeting" WHERE "campaignId" = ${campaignId} AND "externalId" = ${input.externalId ?? null}::text
              AND (${actor.role !== "SDR"} OR "sdrId" = ${actor.userId}) LIMIT 1) AS "existing",
           (SELECT count(*)::int FROM "Meeting" WHERE "campaignId" = ${campaignId} AND "prospectEmail" = ${email}
              AND "scheduledAt" = ${input.scheduledAt.toISOString()}::timestamp AND "status" <> 'CANCELLED') AS "duplicate"`;
  if (input.externalId && seen.existing) return { ok: true, meetingId: seen.existing, created: false };
  const refusal = loggingRefusal(campaign.status, input.scheduledAt, now);
  if (refusal) fail(refusal, refusal === "meetings.errors.tooFarInPast" ? "scheduledLocal" : undefined);
  if (!definitionVersion) fail("meetings.errors.noDefinition");
  if (!ctx.personaApproved) fail("meetings.errors.unknownPersona", "personaVersionId");
  const sdrId = actor.role === "SDR" ? actor.userId : input.sdrId ?? (ctx.sdrIds.length === 1 ? ctx.sdrIds[0] : undefined);
  if (!sdrId || !ctx.sdrIds.includes(sdrId)) fail("meetings.errors.sdr", "sdrId");
  if (input.clientAttendeeId) {
    const member = await prisma.membership.findFirst({
      where: { userId: input.clientAttendeeId, agencyId: actor.agencyId, clientCompanyId: campaign.clientCompanyId, role: { in: ["CLIENT_ADMIN", "CLIENT_MEMBER"] }, deactivatedAt: null },
      select: { id: true },
    });
    if (!member) fail("common.errors.invalid", "clientAttendeeId");
  }
  if (input.replacesMeetingId) {
    const owed = await prisma.meeting.findFirst({ where: { id: input.replacesMeetingId, campaignId, replacementPromised: true, replacement: null }, select: { id: true } });
    if (!owed) fail("meetings.errors.replacementGone", "replacesMeetingId");
  }
  const criteria = definitionVersion!.criteria;
  const checks = criteria.map((c) => input.checks.find((x) => x.criterionId === c.id) ?? { criterionId: c.id, met: false });
  if (input.checks.some((x) => !criteria.some((c) => c.id === x.criterionId))) fail("meetings.errors.unknownCriterion");

  const duplicate = seen.duplicate;
  const warnings = loggingWarnings({ ...input, checks }, criteria, definitionVersion!, now);
  if (duplicate) warnings.push({ key: "meetings.warnings.duplicate" });
  if (warnings.length && !input.confirmWarnings) return { ok: false, warnings };

  const requiredUnmet = criteria.some((c) => c.required && !checks.find((x) => x.criterionId === c.id)?.met);
  const meetingId = newId();
  const at = new Date();
  const row = {
    id: meetingId,
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
    replacesMeetingId: input.replacesMeetingId ?? null,
    possibleDuplicate: duplicate > 0,
    unmetRequiredConfirmed: requiredUnmet,
    createdAt: at,
    updatedAt: at,
  };
  const checkRows = checks.map((c) => ({ id: newId(), meetingId, criterionId: c.criterionId, met: c.met, note: c.note ?? "", evidenceUrl: c.evidenceUrl ?? null }));
  const eventData = { warnings: warnings.map((w) => w.key), duplicate: duplicate > 0 };
  try {
    await withChange(async (tx, fx) => {
      // The meeting, its checklist and its "created" history in one statement (was four with Prisma's nested create).
      await tx.$executeRawUnsafe(
        `WITH m AS (
           INSERT INTO "Meeting" (${MEETING_INSERT_COLUMNS.join(", ")})
           SELECT ${MEETING_INSERT_COLUMNS.map((c) => `r.${c}`).join(", ")} FROM json_populate_record(NULL::"Meeting", $1::json) r
           RETURNING "id"),
         c AS (
           INSERT INTO "MeetingCriterionCheck" ("id", "meetingId", "criterionId", "met", "note", "evidenceUrl")
           SELECT r."id", m."id", r."criterionId", r."met", r."note", r."evidenceUrl" FROM json_populate_recordset(NULL::"MeetingCriterionCheck", $2::json) r, m)
         INSERT INTO "MeetingEvent" ("id", "meetingId", "actorId", "type", "to", "data", "createdAt")
         SELECT $3, m."id", $4, 'created', 'SCHEDULED', $5::jsonb, $6::timestamp FROM m`,
        JSON.stringify(row),
        JSON.stringify(checkRows),
        newId(),
        actor.userId,
        JSON.stringify(eventData),
        at.toISOString(),
      );
      if (input.replacesMeetingId) await tx.meetingEvent.create({ data: { meetingId: input.replacesMeetingId, actorId: actor.userId, type: "replacement_logged", to: meetingId, data: { replacementId: meetingId } } });
      fx.emails(await notifyBooked(tx, meetingId, actor.userId));
      // An invitation goes to the client attendee, and to the prospect when the campaign says so: nothing to read otherwise.
      if (input.clientAttendeeId || campaign.invitesProspect) fx.emails(await sendCalendarInvitations(tx, meetingId, "booked", now));
      await emitMeetingEvent(tx, fx, { id: meetingId, agencyId: campaign.agencyId, clientCompanyId: campaign.clientCompanyId }, "meeting.created");
    });
  } catch (e) {
    // Two replacements of the same disputed meeting at once: the second is refused (the unique link).
    if (isUniqueViolation(e) && input.replacesMeetingId && !input.externalId)
      throw new DomainError("CONFLICT", "meetings.errors.replacementGone", "replacesMeetingId");
    // Two submissions of the same external id at once: the second finds the first.
    if (isUniqueViolation(e) && input.externalId) {
      const existing = await meetingWithExternalId(actor, campaignId, input.externalId);
      if (existing) return { ok: true, meetingId: existing.id, created: false };
      // Another SDR's meeting has this external id: say so without revealing it.
      throw new DomainError("CONFLICT", "meetings.errors.externalIdTaken", "externalId");
    }
    throw e;
  }
  return { ok: true, meetingId, created: true };
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

export type MeetingEdit = { clientAttendeeId?: string | null } & Pick<
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
  return withChange(async (tx, fx) => {
    const m = await loadForChange(tx, actor, meetingId);
    const d = canEdit(actor.role, actor.userId, facts(m));
    if (!d.ok) fail(d.reason);
    const before = await tx.meeting.findUniqueOrThrow({ where: { id: m.id } });
    const data: ReturnType<typeof editableFields> & { clientAttendeeId?: string | null } = editableFields(input);
    if (input.clientAttendeeId !== undefined && input.clientAttendeeId !== before.clientAttendeeId) {
      if (input.clientAttendeeId) {
        const member = await tx.membership.findFirst({
          where: { userId: input.clientAttendeeId, agencyId: before.agencyId, clientCompanyId: before.clientCompanyId, role: { in: ["CLIENT_ADMIN", "CLIENT_MEMBER"] }, deactivatedAt: null },
          select: { id: true },
        });
        if (!member) fail("common.errors.invalid", "clientAttendeeId");
      }
      data.clientAttendeeId = input.clientAttendeeId;
    }
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter((k) => before[k] !== data[k]);
    if (!changed.length) return;
    await applyChange(tx, m, revision, data);
    await event(tx, m.id, actor.userId, "edited", null, null, { fields: changed });
    await emitMeetingEvent(tx, fx, m, "meeting.updated", { fields: changed });
    // Issue 9: a new client attendee receives the invitation, the one replaced its cancellation (same UID, higher SEQUENCE).
    if (changed.includes("clientAttendeeId")) {
      if (before.clientAttendeeId) fx.emails(await sendCalendarInvitations(tx, m.id, "cancelled", new Date(), { attendeeUserId: before.clientAttendeeId }));
      if (data.clientAttendeeId) fx.emails(await sendCalendarInvitations(tx, m.id, "booked", new Date(), { attendeeUserId: data.clientAttendeeId }));
    } else if (changed.some((k) => k === "durationMinutes" || k === "location" || k === "channel")) {
      // What the attendee's calendar shows changed: the event is updated in place.
      fx.emails(await sendCalendarInvitations(tx, m.id, "rescheduled"));
    }
  });
}

/** Agency-internal notes (never shown to clients). */
export async function updateInternalNotes(actor: Actor, meetingId: string, internalNotes: string) {
  assertCan(actor, "meeting:log");
  if (!isAgencyRole(actor.role)) throw new DomainError("FORBIDDEN", "common.forbiddenBody");
  return withChange(async (tx) => {
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
