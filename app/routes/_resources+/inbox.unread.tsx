import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/utils/auth.server";
import { unreadState } from "~/models/notifications/inbox.server";

/**
 * What the bell polls: `{ count, latestAt }` of the actor's unread notifications. The ETag is that pair; a poll that
 * sends it back when nothing changed gets a 304 without a body (the browser's cache answers the script).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const state = await unreadState(actor);
  const etag = `W/"${state.count}-${state.latestAt ?? "0"}"`;
  const headers = { ETag: etag, "Cache-Control": "private, no-cache", Vary: "Cookie" };
  const given = request.headers.get("If-None-Match");
  if (given && given.split(",").map((s) => s.trim()).includes(etag)) return new Response(null, { status: 304, headers });
  return json(state, { headers });
}
