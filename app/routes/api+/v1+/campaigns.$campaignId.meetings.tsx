// POST /api/v1/campaigns/:id/meetings: log a meeting as the form does (same schema, same use case), idempotent on externalId.
import type { ActionFunctionArgs } from "@remix-run/node";
import { problem, requireApiKey } from "~/models/api/http.server";
import { createApiMeeting } from "~/models/api/meetings.server";

export async function loader() {
  return problem("method_not_allowed", { headers: { Allow: "POST" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return problem("method_not_allowed", { headers: { Allow: "POST" } });
  const key = await requireApiKey(request, "meetings:write");
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return problem("invalid", { detail: "The body is not JSON." });
  }
  return createApiMeeting(key, params.campaignId ?? "", body);
}
