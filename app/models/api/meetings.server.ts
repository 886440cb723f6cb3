// Creating a meeting through the API: the same schema (meetingSchema) and the same use case (logMeeting) as the
// log form, acting as the user who created the key (as a CSV import acts as the user who started it), within the
// key's client companies. The criteria checklist comes by criterion key.
import { z } from "zod";
import { prisma } from "~/utils/db.server";
import { actorForUser } from "~/utils/auth.server";
import { meetingSchema } from "~/domain/meetings/schemas";
import { keyCoversClient } from "~/domain/api/keys";
import { DomainError } from "~/domain/shared/errors";
import { translate } from "~/i18n";
import { logMeeting } from "../meetings/logging.server";
import { apiJson, problem } from "./http.server";
import { meetingFields } from "./meeting-fields.server";
import type { ApiKeyActor } from "./keys.server";

/** "common.errors.tooLong|max=160" -> the English sentence. */
function english(messageKey: string) {
  const [key, ...pairs] = messageKey.split("|");
  const vars = Object.fromEntries(pairs.map((p) => p.split("=") as [string, string]));
  return translate("en", key, vars);
}

const checksSchema = z.array(z.object({ key: z.string().min(1).max(80), met: z.boolean(), note: z.string().max(2000).optional(), evidenceUrl: z.string().url().max(2000).optional() })).max(50);

/** POST /api/v1/campaigns/:id/meetings. 201 on creation, 200 with the same meeting when `externalId` was seen. */
export async function createApiMeeting(key: ApiKeyActor, campaignId: string, body: unknown): Promise<Response> {
  const campaign = await prisma.campaign.findFirst({ where: { id: campaignId, agencyId: key.agencyId }, select: { id: true, clientCompanyId: true } });
  if (!campaign || !keyCoversClient(key.clientCompanyIds, campaign.clientCompanyId)) return problem("not_found");
  const actor = key.createdById ? await actorForUser(key.createdById) : null;
  if (!actor || actor.agencyId !== key.agencyId) return problem("forbidden", { detail: "The user who created this key can no longer log meetings." });

  if (!body || typeof body !== "object" || Array.isArray(body)) return problem("invalid", { detail: "A JSON object is expected." });
  const raw = body as Record<string, unknown>;
  // The form's schema reads strings; the API's JSON numbers and booleans are given to it as the form would send them.
  const formLike: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k === "checks") continue;
    formLike[k] = typeof v === "number" || typeof v === "boolean" ? String(v) : v;
  }
  const parsed = meetingSchema.safeParse(formLike);
  const checks = checksSchema.safeParse(raw.checks ?? []);
  const errors = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ field: i.path.join("."), message: english(i.message) }))),
    ...(checks.success ? [] : checks.error.issues.map((i) => ({ field: ["checks", ...i.path].join("."), message: i.message }))),
  ];
  if (!parsed.success || !checks.success) return problem("invalid", { errors });

  const definition = await prisma.definitionVersion.findFirst({
    where: { status: "APPROVED", definition: { campaignId } },
    orderBy: { number: "desc" },
    select: { criteria: { select: { id: true, key: true } } },
  });
  const criterionIds = new Map(definition?.criteria.map((c) => [c.key, c.id]) ?? []);
  const unknown = checks.data.filter((c) => !criterionIds.has(c.key));
  if (unknown.length) return problem("invalid", { errors: unknown.map((c) => ({ field: "checks", message: `Unknown criterion key: ${c.key}` })) });

  try {
    const result = await logMeeting(actor, campaignId, {
      ...parsed.data,
      checks: checks.data.map((c) => ({ criterionId: criterionIds.get(c.key)!, met: c.met, note: c.note, evidenceUrl: c.evidenceUrl })),
    });
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
    throw e;
  }
}


/** GET /api/v1/meetings/:id, within the key's agency and client companies (otherwise 404). */
export async function readApiMeeting(key: ApiKeyActor, meetingId: string): Promise<Response> {
  const m = await prisma.meeting.findFirst({
    where: { id: meetingId, agencyId: key.agencyId, ...(key.clientCompanyIds.length ? { clientCompanyId: { in: key.clientCompanyIds } } : {}) },
    select: meetingFields,
  });
  if (!m) return problem("not_found");
  const { checks, ...rest } = m;
  return apiJson({ ...rest, checks: checks.map((c) => ({ key: c.criterion.key, met: c.met, note: c.note })) });
}
