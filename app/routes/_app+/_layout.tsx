import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireActor, unreadWithActor } from "~/utils/auth.server";
import { ErrorPanel } from "~/components/ErrorPanel";
import { useRouteError } from "@remix-run/react";
import { unreadCount } from "~/models/notifications/inbox.server";

// The signed-in area. This guard protects the layout's render only: every child loader and action checks for itself.
// It also gives the actor's unread notifications for the bell in the header: read with the actor, in the same
// statement (app/utils/auth.server.ts), so no statement of its own.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return json({ unread: unreadWithActor(actor) ?? (await unreadCount(actor)) });
}

export default function AppLayout() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
