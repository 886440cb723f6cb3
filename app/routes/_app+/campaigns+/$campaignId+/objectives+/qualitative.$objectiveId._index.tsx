// A qualitative objective's page: the O-V-A canvas, the level per criterion over time (team and, agency side, each
// SDR; an SDR their own), the supported metric beside it, the latest assessment beside the self-assessment, the
// ritual history and the grid. A client reads the canvas, whether it is animated and the team's level only.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useParams, useSearchParams } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { orResponse } from "~/utils/http.server";
import { qualObjectivePage } from "~/models/qualitative/pages.server";
import { overallLevel } from "~/domain/qualitative/trend";
import { isLevel, levelScore, type Level } from "~/domain/qualitative/grid";
import { formatRecordingTime } from "~/domain/qualitative/schemas";
import { formatDay } from "~/domain/objectives/format";
import { keyFor } from "~/i18n";
import { LevelTrend, MetricTrend } from "~/components/qualitative/LevelTrend";
import { RitualBadge } from "~/components/qualitative/RitualBadge";
import { useT } from "~/utils/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "objective:read");
  return json(await orResponse(qualObjectivePage(actor, params.campaignId!, params.objectiveId!)));
}

export default function QualitativeObjectivePage() {
  const d = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  const [search] = useSearchParams();
  const { campaignId } = useParams();
  const o = d.objective;
  const subject = d.series.find((s) => s.key === search.get("subject")) ?? d.series[0] ?? null;
  const levelName = (l: string | undefined) => (l ? t(keyFor("objectives.qual.level", l, "common.unknown")) : "—");
  const criteria = d.grid.criteria;
  const client = !d.can.manage && !d.can.selfAssess && !d.can.peer && d.assessments.length === 0 && d.series.every((s) => s.key === "team");
  return (
    <div className="space-y-6">
      <div>
        <Link to="../.." relative="path" className="link text-sm">← {t("objectives.qual.page.back")}</Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h2 className="h2">{o.title}</h2>
          <RitualBadge status={d.ritualStatus} />
          <span className="badge bg-slate-100 text-slate-700">{o.sdr ? o.sdr.name : t("objectives.qual.team")}</span>
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {t(keyFor("objectives.stake", o.stake, "common.unknown"))} · {t("objectives.qual.page.since", { date: formatDay(locale, o.startsOn) })}
          {o.template ? ` · ${t("objectives.qual.page.template", { title: o.template })}` : ""}
        </p>
        {d.ritualStatus.notAnimated ? <p className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{t("objectives.qual.page.notAnimatedHelp")}</p> : null}
      </div>

      <div className="flex flex-wrap gap-2">
        {d.can.manage ? <Link to="assess" className="btn-primary">{t("objectives.qual.page.assess")}</Link> : null}
        {d.can.manage ? <Link to="grid" className="btn-secondary">{t("objectives.qual.grid.edit")}</Link> : null}
        {d.can.selfAssess ? <Link to={`assess?kind=SELF`} className="btn-primary">{t("objectives.qual.page.selfAssess")}</Link> : null}
        {d.can.peer ? <Link to={`assess?kind=PEER`} className="btn-secondary">{t("objectives.qual.page.peerFeedback")}</Link> : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <section className="card min-w-0 space-y-3 lg:col-span-1" aria-labelledby="ova-title">
          <h3 id="ova-title" className="sr-only">O-V-A</h3>
          <div>
            <h4 className="text-xs font-semibold uppercase text-slate-500">{t("objectives.qual.page.need")}</h4>
            <p className="whitespace-pre-line text-sm text-slate-800">{o.need}</p>
            {d.needMeetings.length ? (
              <ul className="mt-1 space-y-0.5 text-sm">
                {d.needMeetings.map((m) => (
                  <li key={m.id}>
                    <Link className="link" to={`/campaigns/${campaignId}/meetings/${m.id}`}>{m.prospectName} · {m.prospectCompany}</Link>
                    {m.verdict === "DISPUTED" ? <span className="badge ml-2 bg-amber-100 text-amber-900">{t("objectives.qual.form.disputed")}</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          <div>
            <h4 className="text-xs font-semibold uppercase text-slate-500">{t("objectives.qual.page.verb")}</h4>
            <p className="text-sm font-medium text-slate-900">{o.verb}</p>
          </div>
          {o.behaviours.length ? (
            <div>
              <h4 className="text-xs font-semibold uppercase text-slate-500">{t("objectives.qual.page.behaviours")}</h4>
              <ul className="list-disc pl-5 text-sm text-slate-800">{o.behaviours.map((b) => <li key={b}>{b}</li>)}</ul>
            </div>
          ) : null}
          <div>
            <h4 className="text-xs font-semibold uppercase text-slate-500">{t("objectives.qual.animation")}</h4>
            <p className="text-sm text-slate-800">
              {t("objectives.qual.page.ritualLine", { ritual: t(keyFor("objectives.qual.ritual", o.ritual ?? "", "common.unknown")), cadence: t(keyFor("objectives.qual.cadence", o.cadence ?? "", "common.unknown")) })}
            </p>
            {o.owner ? <p className="text-sm text-slate-600">{t("objectives.qual.page.owner", { name: o.owner })}</p> : null}
          </div>
        </section>

        <section className="card min-w-0 space-y-4 lg:col-span-2" aria-labelledby="trend-title">
          <div className="flex flex-wrap items-end justify-between gap-2">
            <h3 id="trend-title" className="font-semibold text-slate-900">{t("objectives.qual.page.trend")}</h3>
            {d.series.length > 1 ? (
              <Form method="get" className="flex items-end gap-2">
                <label className="text-sm">
                  <span className="block text-slate-600">{t("objectives.qual.chart.show")}</span>
                  <select name="subject" defaultValue={subject?.key} className="input">
                    {d.series.map((s) => <option key={s.key} value={s.key}>{s.name ?? t("objectives.qual.team")}</option>)}
                  </select>
                </label>
                <button className="btn-secondary">{t("objectives.qual.assess.continue")}</button>
              </Form>
            ) : null}
          </div>
          {subject ? <LevelTrend subject={subject.name ?? t("objectives.qual.team")} points={subject.points} labels={d.labels} /> : <p className="text-sm text-slate-600">{t("objectives.qual.page.noPoints")}</p>}
          {client ? <p className="text-xs text-slate-500">{t("objectives.qual.page.clientNote")}</p> : null}
          {d.metric ? (
            <div className="border-t border-slate-100 pt-4">
              <h4 className="text-sm font-semibold text-slate-900">{t("objectives.qual.page.metricTrend", { metric: t(keyFor("objectives.metricName", d.metric.key, "common.unknown")) })}</h4>
              <MetricTrend label={t(keyFor("objectives.metricName", d.metric.key, "common.unknown"))} unit={d.metric.unit} points={d.metric.points} />
            </div>
          ) : null}
        </section>
      </div>

      {d.latestBySdr.length ? (
        <section className="space-y-3" aria-labelledby="latest-title">
          <h3 id="latest-title" className="font-semibold text-slate-900">{t("objectives.qual.page.latest")}</h3>
          <div className="grid gap-4 lg:grid-cols-2">
            {d.latestBySdr.map((s) => (
              <div key={s.sdrId} className="card min-w-0 overflow-x-auto">
                <h4 className="font-medium text-slate-900">{s.name}</h4>
                <table className="mt-2 min-w-full text-sm">
                  <thead className="text-left text-xs uppercase text-slate-500">
                    <tr>
                      <th className="py-1 pr-3">{t("objectives.qual.grid.label")}</th>
                      <th className="py-1 pr-3">{t("objectives.qual.page.manager")}{s.manager ? ` · ${formatDay(locale, s.manager.day)}` : ""}</th>
                      <th className="py-1">{t("objectives.qual.page.self")}{s.self ? ` · ${formatDay(locale, s.self.day)}` : ""}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {criteria.map((c) => (
                      <tr key={c.key}>
                        <th scope="row" className="py-1 pr-3 text-left font-normal text-slate-700">{c.label}</th>
                        <td className="py-1 pr-3">{s.manager ? levelName(s.manager.levels[c.key]) : "—"}</td>
                        <td className="py-1">{s.self ? levelName(s.self.levels[c.key]) : "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {s.manager?.comment ? <p className="mt-2 text-sm text-slate-700">{s.manager.comment}</p> : null}
                {s.manager?.nextStep ? <p className="mt-1 text-sm text-slate-600">{t("objectives.qual.page.nextStep", { text: s.manager.nextStep })}</p> : null}
                {s.peer ? <p className="mt-2 text-xs text-slate-600">{t("objectives.qual.page.peer")} · {formatDay(locale, s.peer.day)} · {s.peer.author}{s.peer.comment ? `${t("qual.colon")}${s.peer.comment}` : ""}</p> : null}
              </div>
            ))}
          </div>
        </section>
      ) : null}

      {!client ? (
        <section className="space-y-3" aria-labelledby="history-title">
          <h3 id="history-title" className="font-semibold text-slate-900">{t("objectives.qual.page.history")}</h3>
          {d.assessments.length === 0 ? (
            <p className="card text-sm text-slate-600">{t("objectives.qual.page.noHistory")}</p>
          ) : (
            <div className="card relative overflow-x-auto p-0">
              <table className="min-w-full text-sm">
                <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
                  <tr>
                    <th className="px-4 py-2">{t("objectives.qual.page.date")}</th>
                    <th className="px-4 py-2">{t("objectives.qual.page.kind")}</th>
                    <th className="px-4 py-2">{t("objectives.qual.page.who")}</th>
                    <th className="px-4 py-2">{t("objectives.qual.page.evidence")}</th>
                    <th className="px-4 py-2"><span className="sr-only">{t("objectives.qual.page.open")}</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {d.assessments.map((a) => (
                    <tr key={a.id} className="align-top">
                      <td className="whitespace-nowrap px-4 py-2">{formatDay(locale, a.day)}</td>
                      <td className="px-4 py-2">
                        {t(keyFor("objectives.qual.kind", a.kind, "common.unknown"))}
                        <span className="block text-xs text-slate-500">
                          {t(keyFor("objectives.qual.ritual", a.ritual, "common.unknown"))} · {t("objectives.qual.page.gridVersion", { version: a.gridVersion })}
                          {a.revisions ? ` · ${t("objectives.qual.page.edited")}` : ""}
                        </span>
                      </td>
                      <td className="px-4 py-2">
                        {a.sdrName ?? t("objectives.qual.team")}
                        <span className="block text-xs text-slate-500">{a.author}</span>
                        <span className="block text-xs text-slate-600">{levelName(overallLevel({ scores: scoresOf(a.levels) })?.level)}</span>
                      </td>
                      <td className="px-4 py-2">
                        {a.evidence.map((m) => (
                          <Link key={m.id} to={`/campaigns/${campaignId}/meetings/${m.id}`} className="link block">{m.prospectName} · {m.prospectCompany}</Link>
                        ))}
                        {a.recordingUrl ? (
                          <a href={a.recordingUrl} className="link block" rel="noreferrer noopener" target="_blank">
                            {t("objectives.qual.assessment.recording", { time: formatRecordingTime(a.recordingAt ?? 0) })}
                          </a>
                        ) : null}
                      </td>
                      <td className="px-4 py-2 text-right">
                        <Link to={`assessments/${a.id}`} className="link" aria-label={`${t("objectives.qual.page.open")}: ${t(keyFor("objectives.qual.kind", a.kind, "common.unknown"))} ${formatDay(locale, a.day)} ${a.sdrName ?? ""}`}>{t("objectives.qual.page.open")}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}

      <section className="space-y-3" aria-labelledby="grid-title">
        <h3 id="grid-title" className="font-semibold text-slate-900">
          {t("objectives.qual.grid.title")} · {t("objectives.qual.grid.version", { version: d.grid.version })}
        </h3>
        <div className="card relative overflow-x-auto p-0">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
              <tr>
                <th className="px-4 py-2">{t("objectives.qual.grid.label")}</th>
                {d.levels.map((l) => <th key={l} className="px-4 py-2">{levelName(l)}</th>)}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {criteria.map((c) => (
                <tr key={c.key} className="align-top">
                  <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">{c.label}</th>
                  {d.levels.map((l) => <td key={l} className="px-4 py-2 text-slate-700">{c.levels[l]}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

function scoresOf(levels: Record<string, string>) {
  return Object.fromEntries(Object.entries(levels).filter(([, v]) => isLevel(v)).map(([k, v]) => [k, levelScore(v as Level)]));
}
