// GET /api/v1/campaigns: the key's campaigns, a page at a time (`limit` up to 100, `cursor` from `nextCursor`).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, problem, requireApiKey } from "~/models/api/http.server";
import { listApiCampaigns } from "~/models/api/campaigns.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const key = await requireApiKey(request, "campaigns:read");
  const url = new URL(request.url);
  const rawLimit = url.searchParams.get("limit");
  const limit = rawLimit === null ? 50 : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return problem("invalid", { errors: [{ field: "limit", message: "An integer from 1 to 100." }] });
  }
  const cursor = url.searchParams.get("cursor");
  if (cursor !== null && !/^[a-z0-9]{1,40}$/i.test(cursor)) return problem("invalid", { errors: [{ field: "cursor", message: "Use the nextCursor of the previous page." }] });
  return apiJson(await listApiCampaigns(key, { limit, cursor }));
}

export async function action() {
  return problem("method_not_allowed", { headers: { Allow: "GET" } });
}
