// GET /api/v1/meetings/:id: a meeting with its checklist by criterion key (no agency-internal field).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { problem, requireApiKey } from "~/models/api/http.server";
import { readApiMeeting } from "~/models/api/meetings.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const key = await requireApiKey(request, "meetings:read");
  return readApiMeeting(key, params.meetingId ?? "");
}

export async function action() {
  return problem("method_not_allowed", { headers: { Allow: "GET" } });
}
