import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarFeed } from "~/models/meetings/calendar.server";
import { appOrigin } from "~/utils/http.server";

// The secret per-user iCalendar feed (/calendar/<token>.ics?campaign=<id>): the token is the credential, so no
// session is needed (calendar apps have none); an unknown or reset token answers 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = (params.token ?? "").replace(/\.ics$/, "");
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new Response("Not Found", { status: 404 });
  const campaignId = new URL(request.url).searchParams.get("campaign") ?? undefined;
  const body = await calendarFeed(token, campaignId, appOrigin(request));
  if (body === null) throw new Response("Not Found", { status: 404 });
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, max-age=300" } });
}
