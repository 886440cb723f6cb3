// PUT /api/v1/campaigns/:id/activity: upsert an SDR's counts for a day (absolute values, so a retry is harmless).
import type { ActionFunctionArgs } from "@remix-run/node";
import { parseBody, problem, readJsonBody, requireApiKey } from "~/models/api/http.server";
import { upsertApiActivity } from "~/models/api/activity.server";
import { activityUpsertSchema } from "~/domain/api/schemas";

export async function loader() {
  return problem("method_not_allowed", { headers: { Allow: "PUT" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "PUT") return problem("method_not_allowed", { headers: { Allow: "PUT" } });
  const key = await requireApiKey(request, "activity:write");
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  const body = parseBody(read.body, activityUpsertSchema);
  if (body instanceof Response) return body;
  return upsertApiActivity(key, params.campaignId ?? "", body);
}
