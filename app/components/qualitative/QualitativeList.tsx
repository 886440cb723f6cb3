// The Objectives tab's qualitative objectives: each with its verb, the latest team level and whether it is animated.
import { Link } from "@remix-run/react";
import type { SerializeFrom } from "@remix-run/node";
import type { campaignQualitative } from "~/models/qualitative/pages.server";
import { keyFor } from "~/i18n";
import { formatDay } from "~/domain/objectives/format";
import { useT } from "~/utils/i18n";
import { RitualBadge } from "./RitualBadge";

type Row = SerializeFrom<Awaited<ReturnType<typeof campaignQualitative>>[number]>;

export function QualitativeList({ rows, manage }: { rows: Row[]; manage: boolean }) {
  const { t, locale } = useT();
  return (
    <section className="space-y-3" aria-labelledby="qual-title">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="qual-title" className="font-semibold text-slate-900">{t("objectives.qual.title")}</h3>
        {manage ? <Link to="qualitative/new" className="btn-secondary">{t("objectives.qual.new")}</Link> : null}
      </div>
      {rows.length === 0 ? (
        <p className="card text-sm text-slate-600">{t("objectives.qual.none")}</p>
      ) : (
        <div className="card relative overflow-x-auto p-0">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
              <tr>
                <th className="px-4 py-2">{t("objectives.qual.objective")}</th>
                <th className="px-4 py-2">{t("objectives.qual.form.who")}</th>
                <th className="px-4 py-2">{t("objectives.qual.teamLevel")}</th>
                <th className="px-4 py-2">{t("objectives.qual.animation")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((o) => (
                <tr key={o.id} className="align-top">
                  <td className="px-4 py-3">
                    <Link to={`qualitative/${o.id}`} className="font-medium text-slate-900 hover:underline">{o.title}</Link>
                    <p className="text-xs text-slate-500">{o.verb}</p>
                  </td>
                  <td className="px-4 py-3">{o.sdr ? o.sdr.name : t("objectives.qual.team")}</td>
                  <td className="px-4 py-3">
                    {o.teamLevel && o.teamLevelDay
                      ? t("objectives.qual.levelOn", { level: t(keyFor("objectives.qual.level", o.teamLevel.level, "common.unknown")), date: formatDay(locale, o.teamLevelDay) })
                      : <span className="text-slate-500">{t("objectives.qual.noLevel")}</span>}
                  </td>
                  <td className="px-4 py-3">
                    <RitualBadge status={o.ritualStatus} />
                    <p className="text-xs text-slate-500">{t(keyFor("objectives.qual.ritual", o.ritual ?? "", "common.unknown"))} · {t(keyFor("objectives.qual.cadence", o.cadence ?? "", "common.unknown"))}</p>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
