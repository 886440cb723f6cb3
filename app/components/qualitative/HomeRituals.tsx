// The homes' rituals to hold: the due and overdue follow-up rituals of qualitative objectives (the AM's and the SDR's
// action items), with the "not animated" flag of an objective whose rituals were skipped twice.
import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";
import { keyFor } from "~/i18n";
import { formatDay } from "~/domain/objectives/format";

type Item = { objectiveId: string; campaignId: string; campaignName: string; title: string; ritual: string; sdrName: string | null; due: string; state: "due" | "overdue"; notAnimated: boolean };

export function HomeRituals({ rituals }: { rituals: { items: Item[]; total: number } | null }) {
  const { t, locale } = useT();
  if (!rituals || rituals.items.length === 0) return null;
  const overdue = rituals.items.some((r) => r.state === "overdue");
  return (
    <section className={`card ${overdue ? "border-amber-300 bg-amber-50" : ""}`} aria-labelledby="home-rituals">
      <h2 id="home-rituals" className="h2">{t("qual.rituals.title")} ({rituals.total})</h2>
      <ul className="mt-3 space-y-3 text-sm">
        {rituals.items.map((r) => (
          <li key={r.objectiveId} className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <Link to={`/campaigns/${r.campaignId}/objectives/${r.objectiveId}`} className="link break-words font-medium">
                {t("qual.rituals.item", { ritual: t(keyFor("qual.ritual", r.ritual, "common.unknown")), objective: r.title })}
              </Link>
              <span className="block text-xs text-slate-600">
                {r.campaignName} · {r.sdrName ?? t("qual.rituals.team")} · {t(r.state === "overdue" ? "qual.rituals.overdue" : "qual.rituals.due", { date: formatDay(locale, r.due) })}
              </span>
            </div>
            <span className="flex flex-wrap gap-1">
              <span className={`badge ${r.state === "overdue" ? "bg-red-100 text-red-800" : "bg-amber-100 text-amber-900"}`}>{t(`qual.rituals.state.${r.state}`)}</span>
              {r.notAnimated ? <span className="badge bg-slate-800 text-white" title={t("qual.rituals.notAnimatedHelp")}>{t("qual.rituals.notAnimated")}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
