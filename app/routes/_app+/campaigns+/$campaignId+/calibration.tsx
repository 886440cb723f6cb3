import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { calibrationPage, setCampaignMapping } from "~/models/qualitative/calibration.server";
import { CLIENT_CRITERIA, type ClientCriterion } from "~/domain/qualitative/client-criteria";
import { CalibrationChart } from "~/components/qualitative/CalibrationChart";
import { FormError, SelectField } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";
import type { TFunction } from "~/i18n";

// The campaign's calibration: agency call reviews against the client's ratings on the meetings both rated. The AM sets
// the compared criteria once; clients read the team figures only (per-SDR figures never leave the agency).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "objective:read");
  return json(await orResponse(calibrationPage(actor, params.campaignId!)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "objective:manage");
  const formData = await readForm(request);
  try {
    const choice: Partial<Record<ClientCriterion, string>> = {};
    for (const c of CLIENT_CRITERIA) {
      const v = formData.get(c);
      if (typeof v === "string" && v) choice[c] = v;
    }
    await setCampaignMapping(actor, params.campaignId!, choice);
    return redirectWithToast(`/campaigns/${params.campaignId}/calibration`, "qual.calibration.saved");
  } catch (e) {
    return actionError(e, formData);
  }
}

const RATING_KEY = { persona_fit: "meetings.rating.ratingPersonaFit", decision_power: "meetings.rating.ratingDecisionPower", real_need: "meetings.rating.ratingRealNeed", briefing: "meetings.rating.ratingBriefing" } as const;

function fmt(locale: string, n: number) {
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 2 }).format(n);
}
function biasText(t: TFunction, locale: string, bias: number | null) {
  if (bias === null) return "—";
  if (Math.abs(bias) < 0.005) return t("qual.calibration.same");
  return t(bias > 0 ? "qual.calibration.higher" : "qual.calibration.lower", { n: fmt(locale, Math.abs(bias)) });
}

export default function Calibration() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t, locale } = useT();
  const errors = result && !result.ok ? result.errors : undefined;
  const series = data.team.map((r) => t(RATING_KEY[r.client]));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="h2">{t("qual.calibration.title")}</h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t(data.manager ? "qual.calibration.intro" : "qual.calibration.introClient")}</p>
        </div>
        {data.manager ? <Link to="/settings/templates" className="link text-sm">{t("qual.calibration.templatesLink")}</Link> : null}
      </div>

      {data.team.length === 0 ? (
        <p className="card text-sm text-slate-600">{t(data.manager ? "qual.calibration.notSet" : "qual.calibration.notSetClient")}</p>
      ) : (
        <>
          <section className="card" aria-labelledby="cal-team">
            <h3 id="cal-team" className="font-medium text-slate-900">{t("qual.calibration.team")}</h3>
            <ul className="mt-3 divide-y divide-slate-100 text-sm sm:hidden">
              {data.team.map((r) => (
                <li key={r.client} className="py-2">
                  <p className="font-medium text-slate-900">{t(RATING_KEY[r.client])}</p>
                  <p className="text-xs text-slate-500">{t("qual.calibration.agencyCriterion")}{t("qual.colon")}{r.agencyLabel}</p>
                  <p className="mt-1">
                    <span className="font-semibold tabular-nums">{t("qual.calibration.distance")}{t("qual.colon")}{r.distance === null ? "—" : fmt(locale, r.distance)}</span>
                    {" · "}{r.meetings ? biasText(t, locale, r.bias) : t("qual.calibration.noData")}
                  </p>
                  <p className="text-xs text-slate-500">{t("qual.calibration.meetings")}{t("qual.colon")}{r.meetings}</p>
                </li>
              ))}
            </ul>
            <table className="mt-3 hidden w-full text-left text-sm sm:table">
              <thead className="text-xs text-slate-500">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">{t("qual.calibration.clientCriterion")}</th>
                  <th scope="col" className="py-1 pr-3 font-medium">{t("qual.calibration.agencyCriterion")}</th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">{t("qual.calibration.meetings")}</th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">{t("qual.calibration.distance")}</th>
                  <th scope="col" className="py-1 font-medium">{t("qual.calibration.bias")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.team.map((r) => (
                  <tr key={r.client}>
                    <th scope="row" className="py-2 pr-3 font-medium text-slate-900">{t(RATING_KEY[r.client])}</th>
                    <td className="py-2 pr-3 text-slate-700">{r.agencyLabel}{r.objectiveTitle ? <span className="block text-xs text-slate-500">{r.objectiveTitle}</span> : null}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{r.meetings}</td>
                    <td className="py-2 pr-3 text-right font-semibold tabular-nums">{r.distance === null ? "—" : fmt(locale, r.distance)}</td>
                    <td className="py-2 text-slate-700">{r.meetings ? biasText(t, locale, r.bias) : t("qual.calibration.noData")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          {data.months.length ? <CalibrationChart series={series} months={data.months} /> : null}

          {data.bySdr ? (
            <section className="card overflow-x-auto" aria-labelledby="cal-sdr">
              <h3 id="cal-sdr" className="font-medium text-slate-900">{t("qual.calibration.bySdr")}</h3>
              <p className="mt-1 text-xs text-slate-500">{t("qual.calibration.cellHelp")}</p>
              <table className="mt-3 w-full min-w-[36rem] text-left text-sm">
                <thead className="text-xs text-slate-500">
                  <tr>
                    <th scope="col" className="py-1 pr-3 font-medium">{t("qual.calibration.sdr")}</th>
                    {series.map((s) => <th key={s} scope="col" className="py-1 pr-3 text-right font-medium">{s}</th>)}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {data.bySdr.map((s) => (
                    <tr key={s.sdrId}>
                      <th scope="row" className="py-2 pr-3 font-medium text-slate-900">{s.name || t("qual.calibration.unknownSdr")}</th>
                      {s.cells.map((c, i) => (
                        <td key={i} className="py-2 pr-3 text-right tabular-nums">{c.distance === null ? "—" : t("qual.calibration.cell", { distance: fmt(locale, c.distance), n: c.meetings })}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
        </>
      )}

      {data.manager ? (
        <section className="card space-y-4" aria-labelledby="cal-mapping">
          <div>
            <h3 id="cal-mapping" className="font-medium text-slate-900">{t("qual.calibration.mapping")}</h3>
            <p className="mt-1 text-sm text-slate-600">{t("qual.calibration.mappingHelp")}</p>
          </div>
          {data.options.length === 0 ? <p className="text-sm text-slate-600">{t("qual.calibration.noGrid")}</p> : (
            <Form method="post" className="space-y-4" noValidate>
              <FormError errors={errors} />
              <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                {CLIENT_CRITERIA.map((c) => (
                  <SelectField key={c} name={c} label={t(RATING_KEY[c])} errors={errors?.[c]}
                    defaultValue={result && !result.ok ? result.values[c] : data.mapping[c]}
                    emptyLabel={t("qual.calibration.mappingNone")}
                    options={data.options.map((o) => ({ value: o.value, label: `${o.label} — ${o.objectiveTitle}` }))} />
                ))}
              </div>
              <button className="btn-primary" disabled={busy}>{t("qual.calibration.saveMapping")}</button>
            </Form>
          )}
        </section>
      ) : null}
    </div>
  );
}
