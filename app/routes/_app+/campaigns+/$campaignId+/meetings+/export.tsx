import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/utils/auth.server";
import { getCampaign } from "~/models/campaign.server";
import { filterFromUrl } from "~/domain/meetings/schemas";
import { orResponse } from "~/utils/http.server";
import { meetingsCsvStream } from "~/models/meetings/export.server";

// CSV of the campaign's meetings with the list's filters (the same query string).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:read");
  const campaign = await orResponse(getCampaign(actor, params.campaignId!));
  const filter = { ...filterFromUrl(new URL(request.url)), campaignId: campaign.id };
  const name = `meetings-${campaign.name.replace(/[^\w-]+/g, "-").slice(0, 60)}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(meetingsCsvStream(actor, filter), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" },
  });
}
