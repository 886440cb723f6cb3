// GET /api/v1/campaigns/:id: a campaign with its approved personas and the definition version in force (criteria keys).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, problem, requireApiKey } from "~/models/api/http.server";
import { readApiCampaign } from "~/models/api/campaigns.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const key = await requireApiKey(request, "campaigns:read");
  const campaign = await readApiCampaign(key, params.campaignId ?? "");
  if (!campaign) return problem("not_found");
  return apiJson(campaign);
}

export async function action() {
  return problem("method_not_allowed", { headers: { Allow: "GET" } });
}
