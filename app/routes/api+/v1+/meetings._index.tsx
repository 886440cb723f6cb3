// GET /api/v1/meetings: the key's meetings, filtered (campaign, status, verdict, SDR, updated since), by a keyset cursor.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseQuery, problem, requireApiKey } from "~/models/api/http.server";
import { listApiMeetings } from "~/models/api/meetings.server";
import { meetingListQuerySchema } from "~/domain/api/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  const key = await requireApiKey(request, "meetings:read");
  const query = parseQuery(request, meetingListQuerySchema);
  if (query instanceof Response) return query;
  return listApiMeetings(key, query);
}

export async function action() {
  return problem("method_not_allowed", { headers: { Allow: "GET" } });
}
