import { keyFor } from "~/i18n";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { failure, parseForm } from "~/utils/form";
import { redirectWithToast } from "~/utils/toast.server";
import { addDayOff, campaignSdrs, listDaysOff, removeDayOff, setMaturity } from "~/models/objectives/team.server";
import { campaignObjectives } from "~/models/objectives/objectives.server";
import { openActions } from "~/models/objectives/homes.server";
import { campaignQualitative } from "~/models/qualitative/pages.server";
import { QualitativeList } from "~/components/qualitative/QualitativeList";
import { dayOffSchema, maturitySchema } from "~/domain/objectives/schemas";
import { funnel } from "~/domain/objectives/metrics";
import { can } from "~/domain/shared/permissions";
import { MATURITIES } from "~/domain/objectives/split";
import { Funnel } from "~/components/objectives/Funnel";
import { PaceBadge } from "~/components/objectives/PaceBadge";
import { formatDay, formatMetric, formatPeriod } from "~/domain/objectives/format";
import { ErrorList } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "objective:read");
  const campaignId = params.campaignId!;
  const manage = can(actor.role, "objective:manage");
  const [data, actions, daysOff, team, qualitative] = await Promise.all([
    orResponse(campaignObjectives(actor, campaignId)),
    openActions(actor, { campaignId }),
    orResponse(listDaysOff(actor, campaignId)),
    manage ? orResponse(campaignSdrs(actor, campaignId)) : Promise.resolve(null),
    orResponse(campaignQualitative(actor, campaignId)),
  ]);
  return json({
    ...data,
    funnel: funnel(data.funnel),
    actions,
    daysOff,
    qualitative,
    sdrs: team?.sdrs ?? [],
    manage,
    recordActivity: can(actor.role, "activity:record"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "objective:manage");
  const formData = await readForm(request);
  const campaignId = params.campaignId!;
  const back = `/campaigns/${campaignId}/objectives`;
  try {
    switch (formData.get("intent")) {
      case "dayOff": {
        const parsed = parseForm(dayOffSchema, formData);
        if (!parsed.ok) return json(parsed, { status: 400 });
        await addDayOff(actor, campaignId, parsed.data);
        return redirectWithToast(back, "objectives.dayOffAdded");
      }
      case "removeDayOff":
        await removeDayOff(actor, campaignId, String(formData.get("dayOffId") ?? ""));
        return redirectWithToast(back, "objectives.dayOffRemoved");
      case "maturity": {
        const parsed = parseForm(maturitySchema, formData);
        if (!parsed.ok) return json(parsed, { status: 400 });
        await setMaturity(actor, campaignId, parsed.data);
        return redirectWithToast(back, "objectives.maturitySaved");
      }
      default:
        return json(failure(formData, { _form: ["common.errors.invalid"] }), { status: 400 });
    }
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function ObjectivesTab() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const values = result && !result.ok ? result.values : undefined;
  const { t, locale } = useT();
  const team = data.objectives.filter((o) => o.scope === "TEAM");
  const individual = data.objectives.filter((o) => o.scope === "SDR");
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="h2">{t("objectives.title")}</h2>
        <div className="flex flex-wrap gap-2">
          {data.recordActivity ? <Link to="../activity" relative="path" className="btn-secondary">{t("activity.title")}</Link> : null}
          {data.manage ? <Link to="new" className="btn-primary">{t("objectives.new")}</Link> : null}
        </div>
      </div>

      <section aria-labelledby="funnel-title" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h3 id="funnel-title" className="font-semibold text-slate-900">{t("objectives.funnel.title")}</h3>
          <p className="text-xs text-slate-500">{formatPeriod(locale, data.funnelRange)}</p>
        </div>
        <Funnel stages={data.funnel} />
      </section>

      <ObjectiveTable title={t("objectives.team")} rows={team} empty={t("objectives.noneTeam")} />
      {individual.length || data.manage ? <ObjectiveTable title={t("objectives.individual")} rows={individual} empty={t("objectives.noneIndividual")} showSdr /> : null}

      <QualitativeList rows={data.qualitative} manage={data.manage} />

      <section aria-labelledby="actions-title" className="space-y-3">
        <h3 id="actions-title" className="font-semibold text-slate-900">{t("objectives.actions")}</h3>
        {data.actions.length === 0 ? (
          <p className="card text-sm text-slate-600">{t("objectives.noActions")}</p>
        ) : (
          <ul className="card divide-y divide-slate-100 p-0">
            {data.actions.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm">
                <span>
                  <span className="badge mr-2 bg-amber-100 text-amber-900">{t(keyFor("objectives.lever", a.lever, "common.unknown"))}</span>
                  <Link to={a.objectiveId} className="link">{a.action}</Link>
                </span>
                <span className="text-slate-600">{t("objectives.ownerDue", { owner: a.owner?.name ?? "—", date: formatDay(locale, a.dueDate) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {data.manage ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <section className="card space-y-3" aria-labelledby="maturity-title">
            <h3 id="maturity-title" className="font-semibold text-slate-900">{t("objectives.maturity.title")}</h3>
            <p className="text-sm text-slate-600">{t("objectives.maturity.help")}</p>
            {data.sdrs.length === 0 ? <p className="text-sm text-slate-500">{t("objectives.maturity.noSdr")}</p> : null}
            {data.sdrs.map((s) => (
              <Form key={s.id} method="post" className="flex flex-wrap items-end gap-2 border-t border-slate-100 pt-3">
                <input type="hidden" name="intent" value="maturity" />
                <input type="hidden" name="sdrId" value={s.id} />
                <p className="w-full text-sm font-medium text-slate-800 sm:w-40">{s.name}</p>
                <label className="text-sm">
                  <span className="block text-slate-600">{t("objectives.maturity.level")}</span>
                  <select name="maturity" defaultValue={s.maturity} className="input">
                    {MATURITIES.map((m) => <option key={m} value={m}>{t(keyFor("objectives.maturity", m, "common.unknown"))}</option>)}
                  </select>
                </label>
                <label className="text-sm">
                  <span className="block text-slate-600">{t("objectives.maturity.rampUntil")}</span>
                  <input type="date" name="rampUntil" defaultValue={s.rampUntil ?? ""} className="input" />
                </label>
                <button className="btn-secondary" aria-label={t("objectives.maturity.saveFor", { name: s.name })}>{t("common.save")}</button>
              </Form>
            ))}
            {values?.intent === "maturity" ? <ErrorList errors={errors?.rampUntil ?? errors?.sdrId ?? errors?._form} /> : null}
          </section>
          <section className="card space-y-3" aria-labelledby="daysoff-title">
            <h3 id="daysoff-title" className="font-semibold text-slate-900">{t("objectives.daysOff.title")}</h3>
            <p className="text-sm text-slate-600">{t("objectives.daysOff.help")}</p>
            <ul className="space-y-1 text-sm">
              {data.daysOff.map((d) => (
                <li key={d.id} className="flex items-center justify-between gap-2">
                  <span>{formatDay(locale, d.day, { dateStyle: "full" })}{d.label ? ` · ${d.label}` : ""}</span>
                  <Form method="post">
                    <input type="hidden" name="intent" value="removeDayOff" />
                    <input type="hidden" name="dayOffId" value={d.id} />
                    <button className="link text-sm" aria-label={t("objectives.daysOff.remove", { day: formatDay(locale, d.day) })}>{t("objectives.daysOff.removeShort")}</button>
                  </Form>
                </li>
              ))}
            </ul>
            <Form method="post" className="flex flex-wrap items-end gap-2" noValidate>
              <input type="hidden" name="intent" value="dayOff" />
              <label className="text-sm">
                <span className="block text-slate-600">{t("objectives.daysOff.day")}</span>
                <input type="date" name="day" className="input" defaultValue={values?.intent === "dayOff" ? values.day : ""} aria-invalid={Boolean(errors?.day) || undefined} />
              </label>
              <label className="text-sm">
                <span className="block text-slate-600">{t("objectives.daysOff.label")}</span>
                <input name="label" className="input" maxLength={100} defaultValue={values?.intent === "dayOff" ? values.label : ""} />
              </label>
              <button className="btn-secondary">{t("objectives.daysOff.add")}</button>
            </Form>
            {values?.intent === "dayOff" ? <ErrorList errors={errors?.day ?? errors?.label} /> : null}
          </section>
        </div>
      ) : null}
    </div>
  );
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["objectives"][number];

function ObjectiveTable({ title, rows, empty, showSdr }: { title: string; rows: Row[]; empty: string; showSdr?: boolean }) {
  const { t, locale } = useT();
  return (
    <section className="space-y-3">
      <h3 className="font-semibold text-slate-900">{title}</h3>
      {rows.length === 0 ? (
        <p className="card text-sm text-slate-600">{empty}</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          {/* On a phone each objective is a card, its figures and status named (.table-cards): no column scrolled out of sight. */}
          <table className="table-cards min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
              <tr>
                <th className="px-4 py-2">{t("objectives.metric")}</th>
                {showSdr ? <th className="px-4 py-2">{t("objectives.sdr")}</th> : null}
                <th className="px-4 py-2">{t("objectives.period")}</th>
                <th className="px-4 py-2 text-right">{t("objectives.actual")}</th>
                <th className="px-4 py-2 text-right">{t("objectives.expected")}</th>
                <th className="px-4 py-2 text-right">{t("objectives.target")}</th>
                <th className="px-4 py-2 text-right">{t("objectives.projection")}</th>
                <th className="px-4 py-2">{t("objectives.statusLabel")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((o) => (
                <tr key={o.id} className="align-top">
                  <td className="px-4 py-3">
                    <Link to={o.id} className="font-medium text-slate-900 hover:underline">{t(keyFor("objectives.metricName", o.metric, "common.unknown"))}</Link>
                    <p className="text-xs text-slate-500">{t(keyFor("objectives.stake", o.stake, "common.unknown"))}{o.why ? ` · ${o.why}` : ""}</p>
                    {o.lastChange ? (
                      <p className="text-xs text-slate-500">
                        {t("objectives.targetChanged", { from: formatMetric(locale, o.unit, o.lastChange.from, o.currency), to: formatMetric(locale, o.unit, o.lastChange.to, o.currency), reason: o.lastChange.reason })}
                      </p>
                    ) : null}
                  </td>
                  {showSdr ? <td className="px-4 py-3" data-label={t("objectives.sdr")}>{o.sdr?.name}</td> : null}
                  <td className="whitespace-nowrap px-4 py-3 text-slate-600" data-label={t("objectives.period")}>
                    {formatPeriod(locale, o.period)}
                    {o.recurring ? <span className="block text-xs">{t(keyFor("objectives.recurs", o.periodKind, "common.unknown"))}</span> : null}
                  </td>
                  <td className="px-4 py-3 font-medium md:text-right" data-label={t("objectives.actual")}>{formatMetric(locale, o.unit, o.pace.actual, o.currency)}</td>
                  <td className="px-4 py-3 md:text-right" data-label={t("objectives.expected")}>{formatMetric(locale, o.unit, o.pace.expected, o.currency)}</td>
                  <td className="px-4 py-3 md:text-right" data-label={t("objectives.target")}>{formatMetric(locale, o.unit, o.target, o.currency)}</td>
                  <td className="px-4 py-3 md:text-right" data-label={t("objectives.projection")}>{formatMetric(locale, o.unit, o.pace.projection, o.currency)}</td>
                  <td className="px-4 py-3" data-label={t("objectives.statusLabel")}>
                    <PaceBadge status={o.pace.status} final={o.pace.final} />
                    {o.openGaps ? <p className="mt-1 text-xs text-amber-800">{t("objectives.openGaps", { count: o.openGaps })}</p> : null}
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
