// A report as the portal shows it, from its snapshot alone, in the language given (the preview shows both).
import { keyFor, makeT, type Locale } from "~/i18n";
import type { ReportSnapshot } from "~/domain/reports/snapshot";
import { changeLines, formatChange, formatRange, formatValue } from "~/domain/reports/format";
import { formatDay, formatMetric } from "~/domain/objectives/format";
import { TextBlocks } from "./TextBlocks";
import { RatingsChart, TrendChart } from "./ReportCharts";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="card space-y-3">
      <h3 className="h2 text-base">{title}</h3>
      {children}
    </section>
  );
}

const STATUS_TONE: Record<string, string> = {
  ON_TRACK: "bg-emerald-50 text-emerald-800",
  AT_RISK: "bg-amber-50 text-amber-800",
  OFF_TRACK: "bg-rose-50 text-rose-800",
};

export function ReportView({ snapshot: s, locale }: { snapshot: ReportSnapshot; locale: Locale }) {
  const t = makeT(locale);
  const cur = s.campaign.currency;
  const show = new Set(s.sections);
  const day = (d: string) => formatDay(locale, d, { day: "numeric", month: "short" });
  return (
    <div className="space-y-4" lang={locale}>
      <p className="text-sm text-slate-600">
        <span className="font-medium text-slate-900">{formatRange(locale, s.period)}</span>
        {" · "}
        {t("reports.view.previous", { period: formatRange(locale, s.previous) })}
      </p>
      {!s.hasActivity ? <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-700">{t("reports.view.noActivity")}</p> : null}
      {s.changes ? (
        <section className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" aria-label={t("reports.changes.title")}>
          <p className="font-medium">{t("reports.changes.title")}</p>
          {s.changes.length === 0 ? (
            <p className="mt-1">{t("reports.changes.none")}</p>
          ) : (
            <ul className="mt-1 space-y-0.5">
              {changeLines(locale, t, s.changes, cur).map((c) => (
                <li key={c.label} className="break-words">{t("reports.changes.line", c)}</li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {s.texts.commentary ? (
        <Section title={t("reports.view.commentary")}><TextBlocks text={s.texts.commentary} /></Section>
      ) : null}
      {show.has("kpis") ? (
        <Section title={t("reports.section.kpis")}>
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
            {s.kpis.map((k) => {
              const change = formatChange(locale, k, cur);
              return (
                <li key={k.key} className="rounded-md border border-slate-200 p-3">
                  <p className="text-xs text-slate-500">{t(keyFor("objectives.metricName", k.key, "common.unknown"))}</p>
                  <p className="text-xl font-semibold text-slate-900">{formatValue(locale, k.unit, k.value, cur)}</p>
                  {change ? <p className="text-xs text-slate-600">{t("reports.view.vsPrevious", { change })}</p> : null}
                </li>
              );
            })}
          </ul>
        </Section>
      ) : null}
      {show.has("funnel") ? (
        <Section title={t("reports.section.funnel")}>
          <ol className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
            {s.funnel.map((f) => (
              <li key={f.stage} className="rounded-md border border-slate-200 p-3">
                <p className="text-xs text-slate-500">{t(keyFor("objectives.funnel", f.stage, "common.unknown"))}</p>
                <p className="text-lg font-semibold">{formatValue(locale, "count", f.value, cur)}</p>
                {f.conversion !== null ? <p className="text-xs text-slate-600">{formatValue(locale, "percent", f.conversion, cur)}</p> : null}
              </li>
            ))}
          </ol>
        </Section>
      ) : null}
      {show.has("trend") ? (
        <TrendChart trend={s.trend} t={t} locale={locale} />
      ) : null}
      {show.has("ratings") ? (
        <RatingsChart ratings={s.ratings} t={t} locale={locale} />
      ) : null}
      {show.has("disputes") ? (
        <Section title={t("reports.section.disputes")}>
          {s.disputes.opened === 0 ? (
            <p className="text-sm text-slate-600">{t("reports.view.noDisputes")}</p>
          ) : (
            <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
              {([["opened", "reports.view.disputesOpened"], ["upheld", "reports.view.disputesUpheld"], ["rejected", "reports.view.disputesRejected"], ["pending", "reports.view.disputesPending"]] as const).map(([k, label]) => (
                <div key={k} className="rounded-md border border-slate-200 p-3">
                  <dt className="text-xs text-slate-500">{t(label)}</dt>
                  <dd className="text-lg font-semibold">{s.disputes[k]}</dd>
                </div>
              ))}
            </dl>
          )}
        </Section>
      ) : null}
      {show.has("objectives") ? (
        <Section title={t("reports.section.objectives")}>
          {s.objectives.length === 0 ? (
            <p className="text-sm text-slate-600">{t("reports.view.noObjectives")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="text-xs text-slate-500">
                  <tr>
                    <th scope="col" className="py-1 pr-3">{t("objectives.metric")}</th>
                    <th scope="col" className="py-1 pr-3">{t("reports.period")}</th>
                    <th scope="col" className="py-1 pr-3 text-right">{t("reports.view.actual")}</th>
                    <th scope="col" className="py-1 pr-3 text-right">{t("reports.view.expected")}</th>
                    <th scope="col" className="py-1 pr-3 text-right">{t("reports.view.target")}</th>
                    <th scope="col" className="py-1">{t("objectives.pace")}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.objectives.map((o, i) => (
                    <tr key={i} className="border-t border-slate-100">
                      <td className="py-1.5 pr-3">{t(keyFor("objectives.metricName", o.metric, "common.unknown"))}</td>
                      <td className="py-1.5 pr-3 whitespace-nowrap">{formatRange(locale, o.period)}</td>
                      <td className="py-1.5 pr-3 text-right">{formatValue(locale, o.unit, o.actual, cur)}</td>
                      <td className="py-1.5 pr-3 text-right">{formatValue(locale, o.unit, o.expected, cur)}</td>
                      <td className="py-1.5 pr-3 text-right">{formatValue(locale, o.unit, o.target, cur)}</td>
                      <td className="py-1.5">
                        <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_TONE[o.status] ?? "bg-slate-100 text-slate-700"}`}>
                          {t(keyFor("objectives.status", o.status, "common.unknown"))}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      ) : null}
      {show.has("qualitative") ? (
        <Section title={t("reports.section.qualitative")}>
          {s.qualitative.length === 0 ? (
            <p className="text-sm text-slate-600">{t("reports.view.noQualitative")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {s.qualitative.map((q, i) => {
                const trend = q.score === null || q.previousScore === null ? null : q.score > q.previousScore + 0.05 ? "up" : q.score < q.previousScore - 0.05 ? "down" : "flat";
                return (
                  <li key={i} className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 pb-2">
                    <span className="font-medium">{q.title}</span>
                    <span className="text-slate-700">
                      {t("reports.view.teamLevel", { value: q.score === null ? "—" : t("reports.view.levelOf", { score: formatMetric(locale, "count", q.score, cur, { precise: true }) }) })}
                      {trend ? ` · ${t(`reports.view.${trend}`)}` : ""} · {t("reports.view.assessments", { count: q.assessments })}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </Section>
      ) : null}
      {show.has("levers") ? (
        <Section title={t("reports.section.levers")}>
          {s.levers.length === 0 ? (
            <p className="text-sm text-slate-600">{t("reports.view.noLevers")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {s.levers.map((l, i) => (
                <li key={i} className="border-b border-slate-100 pb-2">
                  <p className="font-medium">
                    {t(keyFor("objectives.lever", l.lever, "common.unknown"))}
                    {l.metric ? ` · ${t(keyFor("objectives.metricName", l.metric, "common.unknown"))}` : ""}
                    {" · "}
                    <span className="font-normal text-slate-600">{t(keyFor("objectives.gapStatus", l.status, "common.unknown"))}, {t("reports.view.due", { date: formatDay(locale, l.dueDate) })}</span>
                  </p>
                  <p className="break-words text-slate-700">{l.diagnosis}</p>
                  <p className="break-words text-slate-900">→ {l.action}</p>
                </li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}
      {s.texts.highlights ? (
        <Section title={t("reports.view.highlights")}><TextBlocks text={s.texts.highlights} /></Section>
      ) : null}
      {show.has("highlights") ? (
        <Section title={t("reports.section.highlights")}>
          {s.highlights.length === 0 ? (
            <p className="text-sm text-slate-600">{t("reports.view.noHighlights")}</p>
          ) : (
            <ul className="grid gap-2 sm:grid-cols-2">
              {s.highlights.map((h) => (
                <li key={h.id} className="rounded-md border border-slate-200 p-3 text-sm">
                  <p className="font-medium break-words">{h.company}</p>
                  <p className="text-slate-600 break-words">{h.prospectTitle} · {formatDay(locale, h.day)}</p>
                  <p className="mt-1 flex flex-wrap gap-1 text-xs">
                    {h.won ? <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-emerald-800">{t("reports.view.won")}</span> : null}
                    {h.opportunity ? <span className="rounded bg-brand-50 px-1.5 py-0.5 text-brand-700">{t("reports.view.opportunity")}{h.pipelineValue ? ` · ${formatValue(locale, "money", h.pipelineValue, cur)}` : ""}</span> : null}
                    {h.rating ? <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">{t("reports.view.ratingShort", { rating: h.rating })}</span> : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}
      {s.texts.nextSteps ? (
        <Section title={t("reports.view.nextSteps")}><TextBlocks text={s.texts.nextSteps} /></Section>
      ) : null}
    </div>
  );
}
