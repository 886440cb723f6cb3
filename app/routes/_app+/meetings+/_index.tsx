import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { bulkChangeStatus } from "~/models/meetings/attendance.server";
import { listFilterOptions, listMeetings, meetingActionCounts } from "~/models/meetings/queries.server";
import { deleteView, listSavedViews, saveView } from "~/models/meetings/saved-views.server";
import { bulkStatusSchema, filterFromUrl } from "~/domain/meetings/schemas";
import { can, isAgencyRole } from "~/domain/shared/permissions";
import { parseForm } from "~/utils/form";
import { actionError, readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { errorText } from "~/components/forms/Field";
import { MeetingFilters, MeetingTable, Pagination } from "~/components/meetings/MeetingList";
import { SavedViews } from "~/components/meetings/SavedViews";
import { useT } from "~/utils/i18n";
import { ExportOptions } from "~/components/meetings/ExportOptions";

// Every meeting the agency user may see, across campaigns (SDRs: their own).
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:read");
  if (!isAgencyRole(actor.role)) throw new Response("Forbidden", { status: 403 });
  const url = new URL(request.url);
  const filter = filterFromUrl(url);
  const [list, options, counts, views] = await Promise.all([listMeetings(actor, filter), listFilterOptions(actor), meetingActionCounts(actor), listSavedViews(actor)]);
  return json({ list, options, counts, views, query: url.search, canStatus: can(actor.role, "meeting:status") });
}

/** Bulk status change of the selected meetings; each is checked against its own scope and state. */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const intent = formData.get("intent");
  // Saved views: each user's own named filter sets.
  if (intent === "saveView" || intent === "deleteView") {
    const actor = await requireActor(request, "campaign:read");
    if (!isAgencyRole(actor.role)) throw new Response("Forbidden", { status: 403 });
    try {
      if (intent === "deleteView") {
        await deleteView(actor, String(formData.get("viewId") ?? ""));
        return redirectWithToast(`/meetings${new URL(request.url).search}`, "meetings.views.deleted");
      }
      const view = await saveView(actor, { name: String(formData.get("name") ?? ""), query: String(formData.get("query") ?? "") });
      return redirectWithToast(`/meetings?${view.query}`, "meetings.views.saved");
    } catch (e) {
      return actionError(e, formData);
    }
  }
  const actor = await requireActor(request, "meeting:status");
  if (!isAgencyRole(actor.role)) throw new Response("Forbidden", { status: 403 });
  const parsed = parseForm(bulkStatusSchema, formData, ["ids"]);
  if (!parsed.ok) return json({ error: parsed.errors.ids?.[0] ?? parsed.errors.action?.[0] ?? "common.errors.invalid" }, { status: 400 });
  const r = await bulkChangeStatus(actor, parsed.data.ids, parsed.data.action);
  return json({ changed: r.changed, refused: r.refused.length });
}

export default function AllMeetings() {
  const { list, options, counts, views, query, canStatus } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useT();
  const bulk = data && "changed" in data ? data : null;
  const viewFailure = data && "ok" in data && !data.ok ? data : null;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="h1">{t("meetings.allMeetings")}</h1>
        <ExportOptions action="/meetings/export" query={query} />
      </div>
      {counts.attendance ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          {t("meetings.needsAttendanceCount", { count: counts.attendance })}{" "}
          <a href="?attention=attendance" className="link underline">{t("meetings.needsAttendance")}</a>
        </p>
      ) : null}
      {counts.disputes ? (
        <p className="rounded-md border border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900">
          {t("meetings.disputesCount", { count: counts.disputes })} <a href="?verdict=DISPUTED" className="link underline">{t("meetings.verdict.DISPUTED")}</a>
        </p>
      ) : null}
      {bulk ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-4 py-2 text-sm text-green-800">
          {bulk.refused ? t("meetings.bulkRefused", { changed: bulk.changed, refused: bulk.refused }) : t("meetings.bulkDone", { changed: bulk.changed })}
        </p>
      ) : null}
      <MeetingFilters sdrs={options.sdrs} personas={options.personas} campaigns={options.campaigns} clients={options.clients} />
      <SavedViews views={views} errors={viewFailure?.errors.name ?? viewFailure?.errors._form} name={viewFailure?.values.name} />
      {list.meetings.length ? (
        <>
          <MeetingTable rows={list.meetings} showCampaign bulk={canStatus} error={data && "error" in data && typeof data.error === "string" ? errorText(t, data.error) : null} />
          <Pagination page={list.page} pages={list.pages} total={list.total} totalIsLowerBound={list.totalIsLowerBound} />
        </>
      ) : (
        <p className="card text-sm text-slate-600">{t("meetings.empty")}</p>
      )}
    </div>
  );
}
