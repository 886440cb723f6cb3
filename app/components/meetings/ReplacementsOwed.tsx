import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";

type Owed = {
  id: string;
  prospectName: string;
  prospectCompany: string;
  resolvedAt: string | null;
  campaign: { id: string; name: string; status: string };
  sdr: { name: string };
};

/**
 * Replacement meetings owed (disputes upheld with a replacement promised, none logged yet), from
 * `replacementsOwed(actor)`: each links to the disputed meeting and, for who logs meetings, to the logging form
 * prefilled with the meeting it replaces. Nothing is shown when none is owed, unless `showEmpty`.
 */
export function ReplacementsOwed({ items, total, canLog, client, showCampaign = true, showEmpty = false }: { items: Owed[]; total: number; canLog: boolean; client: boolean; showCampaign?: boolean; showEmpty?: boolean }) {
  const { t, date } = useT();
  if (!total && !showEmpty) return null;
  return (
    <section aria-labelledby="replacements-owed" className="card space-y-2">
      <h2 id="replacements-owed" className="h2">{t("meetings.replacementsOwed.title")} ({total})</h2>
      <p className="text-sm text-slate-600">{client ? t("meetings.replacementsOwed.clientHelp") : t("meetings.replacementsOwed.agencyHelp")}</p>
      {total === 0 ? <p className="text-sm text-slate-500">{t("meetings.replacementsOwed.empty")}</p> : null}
      <ul className="divide-y divide-slate-100">
        {items.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
            <Link to={`/campaigns/${m.campaign.id}/meetings/${m.id}`} className="link font-medium">
              {m.prospectName} ({m.prospectCompany})
            </Link>
            {showCampaign ? <span className="text-slate-600">{m.campaign.name}</span> : null}
            {client ? null : <span className="text-slate-500">{m.sdr.name}</span>}
            {m.resolvedAt ? <span className="text-slate-500">{t("meetings.replacementsOwed.since", { date: date(m.resolvedAt) })}</span> : null}
            {canLog && m.campaign.status === "ACTIVE" ? (
              <Link
                to={`/campaigns/${m.campaign.id}/meetings/new?replaces=${m.id}`}
                className="btn-secondary ml-auto"
                aria-label={t("meetings.replacementsOwed.logFor", { prospect: m.prospectName })}
              >
                {t("meetings.replacementsOwed.log")}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
      {total > items.length ? <p className="text-sm text-slate-500">{t("meetings.replacementsOwed.more", { count: total - items.length })}</p> : null}
    </section>
  );
}
