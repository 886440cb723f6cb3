import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { campaignHeader } from "~/models/campaign.server";
import { orResponse } from "~/utils/http.server";
import { can, isClientRole } from "~/domain/shared/permissions";
import { CampaignStatusBadge } from "~/components/StatusBadge";
import { ErrorPanel } from "~/components/ErrorPanel";
import { useT } from "~/utils/i18n";

// The campaign workspace: header and tabs. Each tab's loader and action guards itself.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:read");
  // The header only (shared with the tab's own check in this request: campaignHeader).
  const campaign = await orResponse(campaignHeader(actor, params.campaignId!));
  return json({
    campaign: { id: campaign.id, name: campaign.name, status: campaign.status, client: campaign.clientCompany },
    manage: can(actor.role, "campaign:manage"),
    client: isClientRole(actor.role),
    reports: can(actor.role, "report:read"),
  });
}

export default function CampaignLayout() {
  const { campaign, manage, client, reports } = useLoaderData<typeof loader>();
  const { t } = useT();
  const tab = ({ isActive }: { isActive: boolean }) =>
    `border-b-2 px-3 py-2 text-sm font-medium ${isActive ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`;
  return (
    <div className="space-y-6">
      <div>
        <Link to="/campaigns" className="link text-sm">← {t("common.campaigns")}</Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="h1">{campaign.name}</h1>
          <CampaignStatusBadge status={campaign.status} />
        </div>
        {client ? null : (
          <p className="text-sm text-slate-600">
            <Link to={`/clients/${campaign.client.id}`} className="link">{campaign.client.name}</Link>
          </p>
        )}
      </div>
      <nav aria-label={t("agency.campaigns.tabs")} className="flex gap-1 overflow-x-auto border-b border-slate-200">
        <NavLink to="." end className={tab}>{t("agency.campaigns.overview")}</NavLink>
        <NavLink to="targeting" className={tab}>{t("agreement.targeting")}</NavLink>
        <NavLink to="qualification" className={tab}>{t("agreement.qualification")}</NavLink>
        <NavLink to="meetings" className={tab}>{t("meetings.title")}</NavLink>
        <NavLink to="objectives" className={tab}>{t("objectives.title")}</NavLink>
        <NavLink to="calibration" className={tab}>{t("qual.calibration.tab")}</NavLink>
        {reports ? <NavLink to="reports" className={tab}>{t("reports.title")}</NavLink> : null}
        {manage ? <NavLink to="settings" className={tab}>{t("agency.campaigns.settings")}</NavLink> : null}
      </nav>
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
