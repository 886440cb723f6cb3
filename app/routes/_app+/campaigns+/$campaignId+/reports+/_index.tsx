import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { orResponse } from "~/utils/http.server";
import { listReports } from "~/models/reports/reports.server";
import { getSchedule } from "~/models/reports/schedule.server";
import { can, isClientRole } from "~/domain/shared/permissions";
import { formatPeriod } from "~/domain/objectives/format";
import { ScheduleSummary } from "~/components/reports/ScheduleSummary";
import { useT } from "~/utils/i18n";

// The campaign's Reports tab: the agency sees drafts and sent reports; a client sees the sent ones.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "report:read");
  const manage = can(actor.role, "report:send");
  const [reports, schedule] = await Promise.all([
    orResponse(listReports(actor, params.campaignId!)),
    manage ? orResponse(getSchedule(actor, params.campaignId!)) : Promise.resolve(null),
  ]);
  return json({ reports, schedule, manage, client: isClientRole(actor.role), timeZone: actor.timeZone ?? "Europe/Paris" });
}

export default function ReportsTab() {
  const { reports, schedule, manage, client, timeZone } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="h2">{t("reports.title")}</h2>
          <p className="text-sm text-slate-600">{client ? t("reports.introClient") : t("reports.intro")}</p>
        </div>
        {manage ? <Link to="new" className="btn-primary">{t("reports.new")}</Link> : null}
      </div>
      {manage ? (
        <section className="card flex flex-wrap items-center justify-between gap-3">
          <div>
            <h3 className="font-medium">{t("reports.schedule.title")}</h3>
            {schedule ? <ScheduleSummary schedule={schedule} /> : <p className="text-sm text-slate-600">{t("reports.schedule.none")}</p>}
          </div>
          <Link to="schedule" className="btn-secondary">{t("reports.schedule.edit")}</Link>
        </section>
      ) : null}
      {reports.length === 0 ? (
        <p className="card text-sm text-slate-600">{client ? t("reports.noneClient") : t("reports.none")}</p>
      ) : (
        <ul className="card divide-y divide-slate-100 p-0">
          {reports.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3">
              <div className="min-w-0">
                <Link to={r.id} className="link font-medium">{formatPeriod(locale, r.period)}</Link>
                <p className="text-xs text-slate-600">
                  <span className={`mr-2 rounded px-1.5 py-0.5 ${r.status === "SENT" ? "bg-emerald-50 text-emerald-800" : "bg-amber-50 text-amber-800"}`}>{t(`reports.status.${r.status}`)}</span>
                  {r.sentAt ? t("reports.sentOn", { date: new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", timeZone }).format(new Date(r.sentAt)) }) : null}
                  {r.correctsId ? ` · ${t("reports.correction")}` : ""}
                  {r.correctedById ? ` · ${t("reports.replaced")}` : ""}
                  {r.scheduled && r.status === "DRAFT" ? ` · ${t("reports.scheduledDraft")}` : ""}
                  {!client && r.status === "SENT" ? ` · ${t("reports.recipientsCount", { count: r.recipients })}` : ""}
                  {` · ${t("reports.commentsCount", { count: r.comments })}`}
                </p>
              </div>
              <Link to={r.id} className="btn-secondary">{t("reports.open")}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
