import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/utils/auth.server";
import { orResponse } from "~/utils/http.server";
import { possibleDuplicates } from "~/models/meetings/log-assist.server";

/**
 * What the log form asks while the prospect email is typed: `{ matches }`, the meetings of this campaign with that
 * email the actor may see (at most three). A resource route: it renders nothing.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "meeting:log");
  const email = new URL(request.url).searchParams.get("email") ?? "";
  const matches = await orResponse(possibleDuplicates(actor, params.campaignId!, email.slice(0, 320)));
  return json({ matches }, { headers: { "Cache-Control": "private, no-store" } });
}
