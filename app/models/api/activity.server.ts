// Activity through the API: a dialer upserts an SDR's counts for a campaign and a day, through the same use case
// as the activity grid (recordActivityWeek: absolute values, an audit event per change), acting as the key's creator.
import type { z } from "zod";
import { prisma } from "~/utils/db.server";
import { actorForUser } from "~/utils/auth.server";
import { keyCoversClient } from "~/domain/api/keys";
import type { activityUpsertSchema } from "~/domain/api/schemas";
import { DomainError } from "~/domain/shared/errors";
import { translate } from "~/i18n";
import { recordActivityWeek } from "../objectives/activity.server";
import { apiJson, problem } from "./http.server";
import type { ApiKeyActor } from "./keys.server";

/** PUT /api/v1/campaigns/:id/activity. 200 with the day as stored and whether anything changed. */
export async function upsertApiActivity(key: ApiKeyActor, campaignId: string, body: z.infer<typeof activityUpsertSchema>): Promise<Response> {
  const campaign = await prisma.campaign.findFirst({ where: { id: campaignId, agencyId: key.agencyId }, select: { id: true, clientCompanyId: true } });
  if (!campaign || !keyCoversClient(key.clientCompanyIds, campaign.clientCompanyId)) return problem("not_found");
  const actor = key.createdById ? await actorForUser(key.createdById) : null;
  if (!actor || actor.agencyId !== key.agencyId) return problem("forbidden", { detail: "The user who created this key can no longer record activity." });
  const { sdrId, ...row } = body;
  try {
    const { changed } = await recordActivityWeek(actor, campaignId, sdrId, [row]);
    return apiJson({ campaignId, ...body, changed: changed > 0 });
  } catch (e) {
    if (e instanceof DomainError) {
      if (e.code === "NOT_FOUND") return problem("not_found");
      if (e.code === "FORBIDDEN") return problem("forbidden", { detail: translate("en", e.messageKey) });
      // "2026-12-03.dials" -> "dials"; "sdrId" stays.
      const field = e.field?.includes(".") ? e.field.split(".").pop()! : e.field ?? "";
      return problem("invalid", { errors: [{ field: field === "dials" && e.messageKey === "activity.errors.future" ? "day" : field, message: translate("en", e.messageKey) }] });
    }
    throw e;
  }
}
