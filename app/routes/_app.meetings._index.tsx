import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { listFilterOptions, listMeetings, meetingActionCounts } from "~/models/meeting.server";
import { filterFromUrl } from "~/domain/meeting-schemas";
import { isAgencyRole } from "~/domain/permissions";
import { MeetingFilters, MeetingTable, Pagination } from "~/components/meetings/MeetingList";
import { useT } from "~/utils/i18n";

// Every meeting the agency user may see, across campaigns (SDRs: their own).
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:read");
  if (!isAgencyRole(actor.role)) throw new Response("Forbidden", { status: 403 });
  const url = new URL(request.url);
  const filter = filterFromUrl(url);
  const [list, options, counts] = await Promise.all([listMeetings(actor, filter), listFilterOptions(actor), meetingActionCounts(actor)]);
  return json({ list, options, counts, query: url.search });
}

export default function AllMeetings() {
  const { list, options, counts, query } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="h1">{t("meetings.allMeetings")}</h1>
        <a href={`/meetings/export${query}`} className="btn-secondary" download>{t("meetings.export")}</a>
      </div>
      {counts.attendance ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          {t("meetings.needsAttendanceCount", { count: counts.attendance })}{" "}
          <a href="?attention=attendance" className="link">{t("meetings.needsAttendance")}</a>
        </p>
      ) : null}
      {counts.disputes ? (
        <p className="rounded-md border border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900">
          {t("meetings.disputesCount", { count: counts.disputes })} <a href="?verdict=DISPUTED" className="link">{t("meetings.verdict.DISPUTED")}</a>
        </p>
      ) : null}
      <MeetingFilters sdrs={options.sdrs} personaVersions={options.personaVersions} campaigns={options.campaigns} />
      {list.meetings.length ? (
        <>
          <MeetingTable rows={list.meetings} showCampaign />
          <Pagination page={list.page} pages={list.pages} total={list.total} />
        </>
      ) : (
        <p className="card text-sm text-slate-600">{t("meetings.empty")}</p>
      )}
    </div>
  );
}
