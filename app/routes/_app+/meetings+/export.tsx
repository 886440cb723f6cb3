import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/utils/auth.server";
import { filterFromUrl } from "~/domain/meetings/schemas";
import { isAgencyRole } from "~/domain/shared/permissions";
import { meetingsCsvStream } from "~/models/meetings/export.server";

// CSV of the cross-campaign list (agency roles), with its filters.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:read");
  if (!isAgencyRole(actor.role)) throw new Response("Forbidden", { status: 403 });
  const filter = filterFromUrl(new URL(request.url));
  return new Response(meetingsCsvStream(actor, filter), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="meetings-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
