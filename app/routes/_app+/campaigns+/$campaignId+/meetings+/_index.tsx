import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { getCampaign } from "~/models/campaign.server";
import { bulkChangeStatus } from "~/models/meetings/attendance.server";
import { listFilterOptions, listMeetings, meetingActionCounts } from "~/models/meetings/queries.server";
import { campaignTabViewsAndFeed, deleteView, saveView } from "~/models/meetings/saved-views.server";
import { replacementsOwed } from "~/models/meetings/replacements.server";
import { ReplacementsOwed } from "~/components/meetings/ReplacementsOwed";
import { isClientRole } from "~/domain/shared/permissions";
import { bulkStatusSchema, filterFromUrl } from "~/domain/meetings/schemas";
import { can } from "~/domain/shared/permissions";
import { parseForm } from "~/utils/form";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { SavedViews } from "~/components/meetings/SavedViews";
import { MeetingFilters, MeetingTable, Pagination } from "~/components/meetings/MeetingList";
import { errorText } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";
import { ExportOptions } from "~/components/meetings/ExportOptions";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:read");
  const campaign = await orResponse(getCampaign(actor, params.campaignId!));
  const url = new URL(request.url);
  const filter = { ...filterFromUrl(url), campaignId: campaign.id };
  const [list, options, counts, { feed, views }, replacements] = await Promise.all([
    listMeetings(actor, filter),
    listFilterOptions(actor, campaign.id),
    meetingActionCounts(actor, new Date(), campaign.id),
    campaignTabViewsAndFeed(actor, campaign.id),
    replacementsOwed(actor, { campaignId: campaign.id }),
  ]);
  return json({
    campaign: { id: campaign.id, status: campaign.status },
    list,
    options,
    counts,
    feed,
    views,
    replacements,
    query: url.search,
    canLog: can(actor.role, "meeting:log"),
    canStatus: can(actor.role, "meeting:status"),
    client: isClientRole(actor.role),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const intent = formData.get("intent");
  // Saved views of this tab (issue 9): each user's own, any role that sees the campaign.
  if (intent === "saveView" || intent === "deleteView") {
    const actor = await requireActor(request, "campaign:read");
    const campaign = await orResponse(getCampaign(actor, params.campaignId!));
    const here = `/campaigns/${campaign.id}/meetings`;
    try {
      if (intent === "deleteView") {
        await deleteView(actor, String(formData.get("viewId") ?? ""));
        return redirectWithToast(`${here}${new URL(request.url).search}`, "meetings.views.deleted");
      }
      const view = await saveView(actor, { name: String(formData.get("name") ?? ""), query: String(formData.get("query") ?? ""), campaignId: campaign.id });
      return redirectWithToast(`${here}?${view.query}`, "meetings.views.saved");
    } catch (e) {
      return actionError(e, formData);
    }
  }
  const actor = await requireActor(request, "meeting:status");
  await orResponse(getCampaign(actor, params.campaignId!));
  const parsed = parseForm(bulkStatusSchema, formData, ["ids"]);
  if (!parsed.ok) return json({ intent: "bulk" as const, error: parsed.errors.ids?.[0] ?? parsed.errors.action?.[0] ?? "common.errors.invalid" }, { status: 400 });
  try {
    const r = await bulkChangeStatus(actor, parsed.data.ids, parsed.data.action);
    return json({ intent: "bulk" as const, changed: r.changed, refused: r.refused.length });
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function CampaignMeetings() {
  const { campaign, list, options, counts, feed, views, query, canLog, canStatus, replacements, client } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useT();
  const location = useLocation();
  const bulkResult = data && "changed" in data ? data : null;
  const bulkError = data && "error" in data && typeof data.error === "string" ? errorText(t, data.error) : null;
  const viewFailure = data && "ok" in data && !data.ok ? data : null;
  const exportAction = `/campaigns/${campaign.id}/meetings/export`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="h2">{t("meetings.title")}</h2>
        <div className="flex flex-wrap gap-2">
          {canLog ? (
            <>
              <Link to="new" className="btn-primary" aria-disabled={campaign.status !== "ACTIVE"}>{t("meetings.log")}</Link>
              <Link to="import" className="btn-secondary">{t("meetings.import")}</Link>
            </>
          ) : null}
          <ExportOptions action={exportAction} query={query} />
        </div>
      </div>
      {counts.attendance ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          {t("meetings.needsAttendanceCount", { count: counts.attendance })}{" "}
          <Link to={`${location.pathname}?attention=attendance`} className="link underline">{t("meetings.needsAttendance")}</Link>
        </p>
      ) : null}
      {counts.toReview ? <p className="rounded-md border border-blue-200 bg-blue-50 px-4 py-2 text-sm text-blue-900">{t("meetings.toReviewCount", { count: counts.toReview })}</p> : null}
      {counts.disputes ? (
        <p className="rounded-md border border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900">
          {t("meetings.disputesCount", { count: counts.disputes })} <Link to="?verdict=DISPUTED" className="link underline">{t("meetings.verdict.DISPUTED")}</Link>
        </p>
      ) : null}
      <ReplacementsOwed items={replacements.items} total={replacements.total} canLog={canLog} client={client} showCampaign={false} />
      {bulkResult ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-4 py-2 text-sm text-green-800">
          {bulkResult.refused ? t("meetings.bulkRefused", { changed: bulkResult.changed, refused: bulkResult.refused }) : t("meetings.bulkDone", { changed: bulkResult.changed })}
        </p>
      ) : null}
      <MeetingFilters sdrs={options.sdrs} personas={options.personas} />
      <SavedViews views={views} errors={viewFailure?.errors.name ?? viewFailure?.errors._form} name={viewFailure?.values.name} />
      {list.meetings.length ? (
        <>
          <MeetingTable rows={list.meetings} bulk={canStatus} error={bulkError} />
          <Pagination page={list.page} pages={list.pages} total={list.total} totalIsLowerBound={list.totalIsLowerBound} />
        </>
      ) : (
        <p className="card text-sm text-slate-600">{query ? t("meetings.empty") : t("meetings.noneYet")}</p>
      )}
      <section className="card space-y-2">
        <h3 className="font-medium">{t("meetings.calendar")}</h3>
        <p className="text-sm text-slate-600">{t("meetings.calendarHint")}</p>
        <Link to={`/calendar#campaign-${campaign.id}`} className="btn-secondary inline-flex">{feed ? t("calendar.subscribeCampaign") : t("meetings.calendarCreate")}</Link>
      </section>
    </div>
  );
}
