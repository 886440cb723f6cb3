import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { ErrorPanel } from "~/components/ErrorPanel";
import { useRouteError } from "@remix-run/react";

// The signed-in area. This guard protects the layout's render only: every child loader and action checks for itself.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request);
  return null;
}

export default function AppLayout() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
