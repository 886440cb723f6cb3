import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { campaignHistory, getCampaign } from "~/models/campaign.server";
import { orResponse } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { formatDate, formatDateTime } from "~/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:read");
  const [campaign, history] = await orResponse(Promise.all([getCampaign(actor, params.campaignId!), campaignHistory(actor, params.campaignId!)]));
  return json({ campaign, history });
}

export default function CampaignOverview() {
  const { campaign, history } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <section className="card space-y-3 lg:col-span-2">
        <h2 className="h2">{t("agency.campaigns.details")}</h2>
        {campaign.description ? <p className="whitespace-pre-line text-sm text-slate-700">{campaign.description}</p> : null}
        <dl className="grid grid-cols-2 gap-3 text-sm">
          <dt className="text-slate-500">{t("agency.campaigns.accountManager")}</dt>
          <dd>{campaign.accountManager?.name ?? "—"}</dd>
          <dt className="text-slate-500">{t("agency.campaigns.period")}</dt>
          <dd>{campaign.startDate ? formatDate(locale, campaign.startDate) : "—"}{campaign.endDate ? ` → ${formatDate(locale, campaign.endDate)}` : ""}</dd>
          <dt className="text-slate-500">{t("agency.campaigns.sdrs")}</dt>
          <dd>{campaign.assignments.length ? campaign.assignments.map((a) => a.user.name).join(", ") : t("agency.campaigns.noSdr")}</dd>
        </dl>
      </section>
      <section className="card">
        <h2 className="h2">{t("agency.campaigns.history")}</h2>
        {history.length ? (
          <ol className="mt-3 space-y-3 text-sm">
            {history.map((h) => (
              <li key={h.id}>
                <p className="font-medium">{t(`agency.audit.${h.type}`)}</p>
                <p className="text-xs text-slate-500">{h.actor?.name ?? "Rendezvous"} · {formatDateTime(locale, h.createdAt)}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="mt-3 text-sm text-slate-500">{t("agency.campaigns.noHistory")}</p>
        )}
      </section>
    </div>
  );
}
