import { ErrorPanel } from "~/components/ErrorPanel";

// Unknown URLs: a real 404 status and the not-found page.
export async function loader() {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPanel error={{ status: 404, statusText: "Not Found", internal: false, data: null }} />;
}
