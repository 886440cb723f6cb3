// GET /api/v1/reports: the key's sent reports (filter by campaign), by a keyset cursor.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseQuery, problem, requireApiKey } from "~/models/api/http.server";
import { listApiReports } from "~/models/api/reports.server";
import { reportListQuerySchema } from "~/domain/api/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  const key = await requireApiKey(request, "reports:read");
  const query = parseQuery(request, reportListQuerySchema);
  if (query instanceof Response) return query;
  return listApiReports(key, query);
}

export async function action() {
  return problem("method_not_allowed", { headers: { Allow: "GET" } });
}
