import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { listCampaigns } from "~/models/campaign.server";
import { can, isClientRole } from "~/domain/shared/permissions";
import { CampaignStatusBadge } from "~/components/StatusBadge";
import { useT } from "~/utils/i18n";
import { formatDate } from "~/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:read");
  return json({ campaigns: await listCampaigns(actor), canCreate: can(actor.role, "campaign:manage"), client: isClientRole(actor.role) });
}

export default function Campaigns() {
  const { campaigns, canCreate, client } = useLoaderData<typeof loader>();
  const { t, locale, timeZone } = useT();
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="h1">{t("common.campaigns")}</h1>
        {canCreate ? <Link to="/campaigns/new" className="btn-primary">{t("agency.campaigns.new")}</Link> : null}
      </div>
      {campaigns.length === 0 ? (
        <p className="card text-sm text-slate-600">{t("agency.campaigns.empty")}</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="table">
            <thead>
              <tr>
                <th>{t("agency.campaigns.name")}</th>
                {client ? null : <th>{t("agency.campaigns.client")}</th>}
                <th>{t("agency.campaigns.accountManager")}</th>
                <th>{t("agency.campaigns.period")}</th>
                <th>{t("agency.campaigns.status")}</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id}>
                  <td><Link to={`/campaigns/${c.id}`} className="link font-medium">{c.name}</Link></td>
                  {client ? null : <td>{c.clientCompany.name}</td>}
                  <td>{c.accountManager?.name ?? "—"}</td>
                  <td className="whitespace-nowrap">{c.startDate ? formatDate(locale, c.startDate, { dateStyle: "medium", timeZone }) : "—"}{c.endDate ? ` → ${formatDate(locale, c.endDate, { dateStyle: "medium", timeZone })}` : ""}</td>
                  <td><CampaignStatusBadge status={c.status} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
