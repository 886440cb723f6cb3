import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/utils/auth.server";
import { filterFromUrl } from "~/domain/meetings/schemas";
import { isAgencyRole } from "~/domain/shared/permissions";
import { meetingsCsvStream } from "~/models/meetings/export.server";
import { attachmentDisposition, csvFormat } from "~/domain/shared/csv-download";
import { getLocale } from "~/utils/locale.server";

// CSV of the cross-campaign list (agency roles), with its filters.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:read");
  if (!isAgencyRole(actor.role)) throw new Response("Forbidden", { status: 403 });
  const url = new URL(request.url);
  const locale = await getLocale(request, actor);
  const filter = filterFromUrl(url);
  return new Response(meetingsCsvStream(actor, filter, csvFormat(url, locale), locale), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(`meetings-${new Date().toISOString().slice(0, 10)}.csv`),
      "Cache-Control": "no-store",
    },
  });
}
