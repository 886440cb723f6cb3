import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/utils/auth.server";
import { openNotification } from "~/models/notifications/inbox.server";

/** Opening a notification: marks it read and goes where it links to. Another user's id is a 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const href = await openNotification(actor, String(params.notificationId ?? "").slice(0, 40));
  if (!href) throw new Response("Not found", { status: 404 });
  return redirect(href.startsWith("/") && !href.startsWith("//") ? href : "/notifications");
}
