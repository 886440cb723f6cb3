import { keyFor } from "~/i18n";
// The homes' objectives: those at risk or off track on the active campaigns (clients: team objectives only), and
// the open actions of gap analyses (an AM's action items; the client reads what is being done).
import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";
import { PaceBadge } from "./PaceBadge";
import { formatDay, formatMetric } from "~/domain/objectives/format";

type AtRisk = {
  id: string; campaignId: string; campaignName: string; metric: string; unit: string; currency: string; scope: string;
  sdr: { name: string } | null; pace: { status: string; actual: number | null; expected: number | null };
};
type Action = { id: string; lever: string; action: string; dueDate: string; owner: { name: string } | null; objectiveId: string; campaignId: string; campaignName: string };

export function HomeObjectives({ atRisk, actions, activityLinks }: { atRisk: AtRisk[]; actions: Action[]; activityLinks?: { id: string; name: string }[] }) {
  const { t, locale } = useT();
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section className="card" aria-labelledby="home-at-risk">
        <h2 id="home-at-risk" className="h2">{t("objectives.home.atRisk")}</h2>
        {atRisk.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t("objectives.home.atRiskNone")}</p> : (
          <ul className="mt-3 space-y-2 text-sm">
            {atRisk.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center justify-between gap-2">
                <Link to={`/campaigns/${o.campaignId}/objectives/${o.id}`} className="link">
                  {t("objectives.home.line", {
                    campaign: o.campaignName,
                    metric: `${t(keyFor("objectives.metricName", o.metric, "common.unknown"))}${o.sdr ? ` (${o.sdr.name})` : ""}`,
                    actual: formatMetric(locale, o.unit, o.pace.actual, o.currency),
                    expected: formatMetric(locale, o.unit, o.pace.expected, o.currency),
                  })}
                </Link>
                <PaceBadge status={o.pace.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="home-actions">
        <h2 id="home-actions" className="h2">{t("objectives.home.actions")}</h2>
        {actions.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t("objectives.noActions")}</p> : (
          <ul className="mt-3 space-y-2 text-sm">
            {actions.map((a) => (
              <li key={a.id}>
                <span className="badge mr-2 bg-amber-100 text-amber-900">{t(keyFor("objectives.lever", a.lever, "common.unknown"))}</span>
                <Link to={`/campaigns/${a.campaignId}/objectives/${a.objectiveId}`} className="link">{a.action}</Link>
                <span className="block text-xs text-slate-500">{a.campaignName} · {t("objectives.ownerDue", { owner: a.owner?.name ?? "—", date: formatDay(locale, a.dueDate) })}</span>
              </li>
            ))}
          </ul>
        )}
        {activityLinks?.length ? (
          <div className="mt-4 border-t border-slate-100 pt-3">
            <h3 className="text-sm font-medium text-slate-900">{t("activity.title")}</h3>
            <ul className="mt-1 flex flex-wrap gap-2 text-sm">
              {activityLinks.map((c) => <li key={c.id}><Link to={`/campaigns/${c.id}/activity`} className="link">{t("activity.recordOn", { campaign: c.name })}</Link></li>)}
            </ul>
          </div>
        ) : null}
      </section>
    </div>
  );
}
