// GET /api/v1/reports/:id: a sent report's frozen content (period, figures, commentary); never a draft or a comment.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { problem, requireApiKey } from "~/models/api/http.server";
import { readApiReport } from "~/models/api/reports.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const key = await requireApiKey(request, "reports:read");
  return readApiReport(key, params.reportId ?? "");
}

export async function action() {
  return problem("method_not_allowed", { headers: { Allow: "GET" } });
}
