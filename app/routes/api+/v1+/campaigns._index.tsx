// GET /api/v1/campaigns: the key's campaigns, a page at a time (`limit` up to 100, `cursor` from `nextCursor`).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, parseQuery, problem, requireApiKey } from "~/models/api/http.server";
import { listApiCampaigns } from "~/models/api/campaigns.server";
import { pageQuerySchema } from "~/domain/api/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  const key = await requireApiKey(request, "campaigns:read");
  const query = parseQuery(request, pageQuerySchema);
  if (query instanceof Response) return query;
  return apiJson(await listApiCampaigns(key, { limit: query.limit ?? 50, cursor: query.cursor ?? null }));
}

export async function action() {
  return problem("method_not_allowed", { headers: { Allow: "GET" } });
}
