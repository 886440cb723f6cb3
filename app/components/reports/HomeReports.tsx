// The AM's home: reports due (last month without a sent report) and drafts waiting for review.
import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";
import { formatPeriod } from "~/domain/objectives/format";

type Props = {
  drafts: { id: string; campaign: { id: string; name: string }; period: { start: string; end: string }; scheduled: boolean }[];
  due: { id: string; name: string }[];
  lastMonth: { start: string; end: string } | null;
};

export function HomeReports({ drafts, due, lastMonth }: Props) {
  const { t, locale } = useT();
  if (!drafts.length && !due.length) return null;
  return (
    <section className="card space-y-2" aria-labelledby="home-reports">
      <h2 id="home-reports" className="h2">{t("reports.home.title")}</h2>
      <ul className="divide-y divide-slate-100 text-sm">
        {drafts.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span className="min-w-0 break-words">
              {t("reports.home.draft", { campaign: d.campaign.name, period: formatPeriod(locale, d.period) })}
              {d.scheduled ? <span className="ml-2 text-xs text-slate-500">{t("reports.scheduledDraft")}</span> : null}
            </span>
            <Link to={`/campaigns/${d.campaign.id}/reports/${d.id}`} className="link">{t("reports.open")}</Link>
          </li>
        ))}
        {lastMonth
          ? due.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0 break-words">{t("reports.home.due", { campaign: c.name, period: formatPeriod(locale, lastMonth) })}</span>
                <Link to={`/campaigns/${c.id}/reports/new`} className="link">{t("reports.home.compose")}</Link>
              </li>
            ))
          : null}
      </ul>
    </section>
  );
}
