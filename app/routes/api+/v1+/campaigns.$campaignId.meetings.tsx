// POST /api/v1/campaigns/:id/meetings: log a meeting as the form does (same schema, same use case), idempotent on
// externalId and on the Idempotency-Key header.
import type { ActionFunctionArgs } from "@remix-run/node";
import { problem, readJsonBody, requireApiKey } from "~/models/api/http.server";
import { createApiMeeting } from "~/models/api/meetings.server";
import { withIdempotency } from "~/models/api/idempotency.server";

export async function loader() {
  return problem("method_not_allowed", { headers: { Allow: "POST" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return problem("method_not_allowed", { headers: { Allow: "POST" } });
  const key = await requireApiKey(request, "meetings:write");
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return withIdempotency(request, key, read.text, () => createApiMeeting(key, params.campaignId ?? "", read.body));
}
