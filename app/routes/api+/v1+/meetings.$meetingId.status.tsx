// POST /api/v1/meetings/:id/status: held, no-show, cancelled or rescheduled, through the meeting page's use case.
import type { ActionFunctionArgs } from "@remix-run/node";
import { parseBody, problem, readJsonBody, requireApiKey } from "~/models/api/http.server";
import { changeApiMeetingStatus } from "~/models/api/meetings.server";
import { withIdempotency } from "~/models/api/idempotency.server";
import { meetingStatusSchema } from "~/domain/api/schemas";

export async function loader() {
  return problem("method_not_allowed", { headers: { Allow: "POST" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return problem("method_not_allowed", { headers: { Allow: "POST" } });
  const key = await requireApiKey(request, "meetings:write");
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  const body = parseBody(read.body, meetingStatusSchema);
  if (body instanceof Response) return body;
  return withIdempotency(request, key, read.text, () => changeApiMeetingStatus(key, params.meetingId ?? "", body));
}
