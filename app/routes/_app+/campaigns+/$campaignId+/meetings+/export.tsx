import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/utils/auth.server";
import { getCampaign } from "~/models/campaign.server";
import { filterFromUrl } from "~/domain/meetings/schemas";
import { orResponse } from "~/utils/http.server";
import { meetingsCsvStream } from "~/models/meetings/export.server";
import { attachmentDisposition, csvFormat } from "~/domain/shared/csv-download";
import { getLocale } from "~/utils/locale.server";

// CSV of the campaign's meetings with the list's filters (the same query string).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:read");
  const campaign = await orResponse(getCampaign(actor, params.campaignId!));
  const url = new URL(request.url);
  const locale = await getLocale(request, actor);
  const filter = { ...filterFromUrl(url), campaignId: campaign.id };
  // The campaign's name as typed, accents included.
  const name = `meetings-${campaign.name.trim().replace(/\s+/g, "-").slice(0, 60)}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(meetingsCsvStream(actor, filter, csvFormat(url, locale), locale), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachmentDisposition(name), "Cache-Control": "no-store" },
  });
}
