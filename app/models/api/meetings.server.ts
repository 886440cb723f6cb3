// Creating a meeting through the API: the same schema (meetingSchema) and the same use case (logMeeting) as the
// log form, acting as the user who created the key (as a CSV import acts as the user who started it), within the
// key's client companies. The criteria checklist comes by criterion key.
import { z } from "zod";
import { isDatabaseBusy, prisma } from "~/utils/db.server";
import { actorForUser } from "~/utils/auth.server";
import { meetingSchema } from "~/domain/meetings/schemas";
import { keyCoversClient } from "~/domain/api/keys";
import { issuesToErrors, meetingCreateSchema, type meetingListQuerySchema, type meetingStatusSchema } from "~/domain/api/schemas";
import { DomainError } from "~/domain/shared/errors";
import { zonedToUtc } from "~/domain/shared/timezone";
import { translate } from "~/i18n";
import type { Prisma } from "~/generated/prisma/client";
import { logMeeting, loggingFacts, type LoggingFacts } from "../meetings/logging.server";
import { changeMeetingStatus } from "../meetings/attendance.server";
import { apiJson, problem } from "./http.server";
import { meetingFields } from "./meeting-fields.server";
import type { ApiKeyActor } from "./keys.server";

/** "common.errors.tooLong|max=160" -> the English sentence. */
function english(messageKey: string) {
  const [key, ...pairs] = messageKey.split("|");
  const vars = Object.fromEntries(pairs.map((p) => p.split("=") as [string, string]));
  return translate("en", key, vars);
}

/** POST /api/v1/campaigns/:id/meetings. 201 on creation, 200 with the same meeting when `externalId` was seen. */
export async function createApiMeeting(key: ApiKeyActor, campaignId: string, body: unknown): Promise<Response> {
  const actor = key.createdById ? await actorForUser(key.createdById) : null;
  if (!actor || actor.agencyId !== key.agencyId) {
    // An unknown campaign is still a 404 first, as for any key.
    const campaign = await prisma.campaign.findFirst({ where: { id: campaignId, agencyId: key.agencyId }, select: { clientCompanyId: true } });
    if (!campaign || !keyCoversClient(key.clientCompanyIds, campaign.clientCompanyId)) return problem("not_found");
    return problem("forbidden", { detail: "The user who created this key can no longer log meetings." });
  }

  // The campaign in the key creator's scope, its SDRs, the persona version and the definition in force (with the
  // criteria's keys): one statement, read before the body is checked (an unknown campaign is a 404 first) and given
  // to logMeeting so it does not read them again.
  const given = body && typeof body === "object" && !Array.isArray(body) ? (body as { personaVersionId?: unknown }).personaVersionId : undefined;
  let facts: LoggingFacts;
  try {
    facts = await loggingFacts(actor, campaignId, { personaVersionId: typeof given === "string" ? given : undefined });
  } catch (e) {
    if (e instanceof DomainError && e.code === "NOT_FOUND") return problem("not_found");
    if (e instanceof DomainError) return problem("invalid", { errors: [{ field: e.field ?? "", message: english(e.messageKey) }] });
    if (isDatabaseBusy(e)) return problem("unavailable", { headers: { "Retry-After": "2" } });
    throw e;
  }
  if (!keyCoversClient(key.clientCompanyIds, facts.campaign.clientCompanyId)) return problem("not_found");

  if (!body || typeof body !== "object" || Array.isArray(body)) return problem("invalid", { detail: "A JSON object is expected." });
  // First the documented JSON shape (the OpenAPI document's MeetingCreate), then the log form's own rules.
  const shape = meetingCreateSchema.safeParse(body);
  // The form's schema reads strings; the API's JSON numbers and booleans are given to it as the form would send them.
  const formLike: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (k !== "checks") formLike[k] = typeof v === "number" || typeof v === "boolean" ? String(v) : v;
  const parsed = meetingSchema.safeParse(formLike);
  if (!shape.success || !parsed.success) {
    // Every field at fault at once: the JSON shape's errors, then the form's for the other fields.
    const errors = shape.success ? [] : issuesToErrors(shape.error);
    const seen = new Set(errors.map((e) => e.field));
    if (!parsed.success) for (const i of parsed.error.issues) if (!seen.has(i.path.join("."))) errors.push({ field: i.path.join("."), message: english(i.message) });
    return problem("invalid", { errors });
  }
  const checks = { data: shape.data.checks ?? [] };

  try {
    const criterionIds = new Map(facts.definitionVersion?.criteria.map((c) => [c.key, c.id]) ?? []);
    const unknown = checks.data.filter((c) => !criterionIds.has(c.key));
    if (unknown.length) return problem("invalid", { errors: unknown.map((c) => ({ field: "checks", message: `Unknown criterion key: ${c.key}` })) });
    const result = await logMeeting(
      actor,
      campaignId,
      { ...parsed.data, checks: checks.data.map((c) => ({ criterionId: criterionIds.get(c.key)!, met: c.met, note: c.note, evidenceUrl: c.evidenceUrl })) },
      new Date(),
      facts,
    );
    if (!result.ok) {
      return problem("unconfirmed_warnings", {
        detail: "Send the same request with confirmWarnings: true to log it anyway.",
        errors: result.warnings.map((w) => ({ field: "confirmWarnings", message: english(w.key) })),
      });
    }
    return apiJson({ id: result.meetingId, created: result.created }, result.created ? 201 : 200);
  } catch (e) {
    if (e instanceof DomainError) {
      if (e.code === "NOT_FOUND") return problem("not_found");
      if (e.code === "CONFLICT") return problem("conflict", { errors: [{ field: e.field ?? "", message: english(e.messageKey) }] });
      return problem("invalid", { errors: [{ field: e.field ?? "", message: english(e.messageKey) }] });
    }
    // Nothing was written (the change is one transaction): the client may send the same request again.
    if (isDatabaseBusy(e)) return problem("unavailable", { headers: { "Retry-After": "2" } });
    throw e;
  }
}


type MeetingRow = Prisma.MeetingGetPayload<{ select: typeof meetingFields }>;
function meetingJson(m: MeetingRow) {
  const { checks, ...rest } = m;
  return { ...rest, checks: checks.map((c) => ({ key: c.criterion.key, met: c.met, note: c.note })) };
}

/** The meetings a key sees: its agency, and its client companies when it is limited to some. */
function meetingScope(key: ApiKeyActor): Prisma.MeetingWhereInput {
  return { agencyId: key.agencyId, ...(key.clientCompanyIds.length ? { clientCompanyId: { in: key.clientCompanyIds } } : {}) };
}

/** GET /api/v1/meetings/:id, within the key's agency and client companies (otherwise 404). */
export async function readApiMeeting(key: ApiKeyActor, meetingId: string): Promise<Response> {
  const m = await prisma.meeting.findFirst({ where: { id: meetingId, ...meetingScope(key) }, select: meetingFields });
  if (!m) return problem("not_found");
  return apiJson(meetingJson(m));
}

/** An opaque cursor: the (updatedAt, id) of the last meeting of a page. */
export function encodeMeetingCursor(updatedAt: Date, id: string) {
  return Buffer.from(`${updatedAt.getTime()}.${id}`).toString("base64url");
}
export function decodeMeetingCursor(cursor: string): { updatedAt: Date; id: string } | null {
  const m = /^(\d{1,15})\.([a-z0-9]{1,40})$/i.exec(Buffer.from(cursor, "base64url").toString());
  return m ? { updatedAt: new Date(Number(m[1])), id: m[2] } : null;
}

/**
 * GET /api/v1/meetings: the key's meetings by (updatedAt, id), a keyset page at a time. A meeting inserted or
 * changed while a client pages comes after the cursor (its updatedAt is newer), so nothing already listed is shifted
 * and nothing is skipped; a client syncing with `updatedSince` sees every change.
 */
export async function listApiMeetings(key: ApiKeyActor, q: z.infer<typeof meetingListQuerySchema>): Promise<Response> {
  const limit = q.limit ?? 50;
  const after = q.cursor ? decodeMeetingCursor(q.cursor) : null;
  if (q.cursor && !after) return problem("invalid", { errors: [{ field: "cursor", message: "Use the nextCursor of the previous page." }] });
  const where: Prisma.MeetingWhereInput = {
    ...meetingScope(key),
    ...(q.campaignId ? { campaignId: q.campaignId } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.verdict ? { verdict: q.verdict } : {}),
    ...(q.sdrId ? { sdrId: q.sdrId } : {}),
    AND: [
      q.updatedSince ? { updatedAt: { gte: new Date(q.updatedSince) } } : {},
      after ? { OR: [{ updatedAt: { gt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { gt: after.id } }] } : {},
    ],
  };
  const rows = await prisma.meeting.findMany({ where, orderBy: [{ updatedAt: "asc" }, { id: "asc" }], take: limit + 1, select: meetingFields });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return apiJson({ data: page.map(meetingJson), nextCursor: rows.length > limit && last ? encodeMeetingCursor(last.updatedAt, last.id) : null });
}

/**
 * POST /api/v1/meetings/:id/status: held, no-show, cancelled or rescheduled, through the same use case as the
 * meeting page (changeMeetingStatus), acting as the key's creator. Answers the meeting as it now is.
 */
export async function changeApiMeetingStatus(key: ApiKeyActor, meetingId: string, body: z.infer<typeof meetingStatusSchema>): Promise<Response> {
  const m = await prisma.meeting.findFirst({ where: { id: meetingId, ...meetingScope(key) }, select: { id: true, timeZone: true } });
  if (!m) return problem("not_found");
  const actor = key.createdById ? await actorForUser(key.createdById) : null;
  if (!actor || actor.agencyId !== key.agencyId) return problem("forbidden", { detail: "The user who created this key can no longer change meetings." });
  let newTime: Date | undefined;
  const newTimeZone = body.timeZone ?? m.timeZone;
  if (body.action === "RESCHEDULE") {
    if (!body.scheduledLocal) return problem("invalid", { errors: [{ field: "scheduledLocal", message: "The new time is required to reschedule." }] });
    newTime = zonedToUtc(body.scheduledLocal, newTimeZone) ?? undefined;
    if (!newTime) return problem("invalid", { errors: [{ field: "timeZone", message: english("meetings.errors.timeZone") }] });
  }
  try {
    await changeMeetingStatus(actor, m.id, body.action, { newTime, newTimeZone });
  } catch (e) {
    if (e instanceof DomainError) {
      if (e.code === "NOT_FOUND") return problem("not_found");
      if (e.code === "FORBIDDEN") return problem("forbidden", { detail: english(e.messageKey) });
      const field = e.field === "newLocal" ? "scheduledLocal" : e.field ?? "action";
      return problem(e.code === "INVALID" && field !== "action" ? "invalid" : "conflict", { detail: english(e.messageKey), errors: [{ field, message: english(e.messageKey) }] });
    }
    throw e;
  }
  return readApiMeeting(key, m.id);
}
