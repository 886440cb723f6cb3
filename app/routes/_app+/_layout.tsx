import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { ErrorPanel } from "~/components/ErrorPanel";
import { useRouteError } from "@remix-run/react";
import { unreadCount } from "~/models/notifications/inbox.server";

// The signed-in area. This guard protects the layout's render only: every child loader and action checks for itself.
// It also reads the actor's unread notifications (one indexed count) for the bell in the header.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return json({ unread: await unreadCount(actor) });
}

export default function AppLayout() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
