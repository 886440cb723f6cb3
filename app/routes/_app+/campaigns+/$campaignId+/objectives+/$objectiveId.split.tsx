import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { requireActor } from "~/utils/auth.server";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { failure } from "~/utils/form";
import { redirectWithToast } from "~/utils/toast.server";
import { applySplit, splitSuggestion } from "~/models/objectives/team.server";
import { prisma } from "~/utils/db.server";
import { formatMetric, formatPeriod } from "~/domain/objectives/format";
import { ErrorList, FormError } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";

async function inCampaign(objectiveId: string, campaignId: string) {
  const o = await prisma.objective.findFirst({ where: { id: objectiveId, campaignId }, select: { id: true } });
  if (!o) throw new Response("Not Found", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "objective:manage");
  const data = await orResponse(splitSuggestion(actor, params.objectiveId!));
  await inCampaign(params.objectiveId!, params.campaignId!);
  return json(data);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "objective:manage");
  const formData = await readForm(request);
  try {
    const s = await splitSuggestion(actor, params.objectiveId!);
    await inCampaign(params.objectiveId!, params.campaignId!);
    const errors: Record<string, string[]> = {};
    const rows: { sdrId: string; target: number }[] = [];
    for (const sdr of s.sdrs) {
      const raw = String(formData.get(`target.${sdr.sdrId}`) ?? "").trim().replace(",", ".");
      if (raw === "") continue;
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0) errors[`target.${sdr.sdrId}`] = ["objectives.errors.number"];
      else rows.push({ sdrId: sdr.sdrId, target: s.objective.unit === "money" ? Math.round(n * 100) : n });
    }
    if (Object.keys(errors).length) return json(failure(formData, errors), { status: 400 });
    const n = await applySplit(actor, params.objectiveId!, rows);
    return redirectWithToast(`/campaigns/${params.campaignId}/objectives`, n === 1 ? "objectives.split.doneOne" : "objectives.split.done");
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function SplitObjective() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const v = result && !result.ok ? result.values : undefined;
  const navigation = useNavigation();
  const { t, locale } = useT();
  const toTyped = (n: number) => (data.objective.unit === "money" ? String(n / 100) : String(n));
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(data.sdrs.map((s) => [s.sdrId, v?.[`target.${s.sdrId}`] ?? (s.existing === null ? toTyped(s.suggested) : "")])),
  );
  const sum = Object.values(values).reduce((n, x) => n + (Number(x.replace(",", ".")) || 0), 0);
  const ratio = data.objective.aggregation === "ratio";
  const team = data.objective.unit === "money" ? data.objective.target / 100 : data.objective.target;
  return (
    <section className="card max-w-3xl space-y-4">
      <Link to=".." relative="path" className="link text-sm">← {t("objectives.back")}</Link>
      <h2 className="h2">{t("objectives.split.title", { metric: t(`objectives.metricName.${data.objective.metric}`) })}</h2>
      <p className="text-sm text-slate-600">{t("objectives.split.help", { period: formatPeriod(locale, data.period) })}</p>
      <p className="text-sm text-slate-600">
        {t("objectives.split.weights", { ramping: data.weights.RAMPING, confirmed: data.weights.CONFIRMED, senior: data.weights.SENIOR })}
      </p>
      {data.sdrs.length === 0 ? <p className="text-sm text-slate-600">{t("objectives.maturity.noSdr")}</p> : (
        <Form method="post" className="space-y-4" noValidate>
          <FormError errors={errors} />
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead className="text-left text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2 pr-4">{t("objectives.sdr")}</th>
                  <th className="py-2 pr-4">{t("objectives.maturity.level")}</th>
                  <th className="py-2 pr-4 text-right">{t("objectives.split.weight")}</th>
                  <th className="py-2 pr-4 text-right">{t("objectives.split.suggested")}</th>
                  <th className="py-2">{t("objectives.target")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.sdrs.map((s) => (
                  <tr key={s.sdrId}>
                    <td className="py-2 pr-4 font-medium">{s.name}</td>
                    <td className="py-2 pr-4">{t(`objectives.maturity.${s.maturity}`)}{s.rampUntil ? ` → ${s.rampUntil}` : ""}</td>
                    <td className="py-2 pr-4 text-right">{Math.round(s.weight)} %</td>
                    <td className="py-2 pr-4 text-right">{formatMetric(locale, data.objective.unit, s.suggested)}</td>
                    <td className="py-2">
                      {s.existing !== null ? (
                        <span className="text-slate-500">{t("objectives.split.exists", { target: formatMetric(locale, data.objective.unit, s.existing) })}</span>
                      ) : (
                        <>
                          <input
                            name={`target.${s.sdrId}`}
                            aria-label={t("objectives.split.targetFor", { name: s.name })}
                            inputMode="decimal"
                            className="input w-28"
                            value={values[s.sdrId]}
                            onChange={(e) => setValues({ ...values, [s.sdrId]: e.target.value })}
                            aria-invalid={Boolean(errors?.[`target.${s.sdrId}`]) || undefined}
                          />
                          <ErrorList errors={errors?.[`target.${s.sdrId}`]} />
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {ratio ? (
            <p className="text-sm text-slate-700">{t("objectives.split.ratio")}</p>
          ) : (
            <p role="status" className={`text-sm ${Math.abs(sum - team) < 1e-9 ? "text-green-800" : "text-amber-800"}`}>
              {t("objectives.split.sum", { sum: String(Math.round(sum * 100) / 100), team: String(team) })}
            </p>
          )}
          <button className="btn-primary" disabled={navigation.state === "submitting"}>{t("objectives.split.create")}</button>
        </Form>
      )}
    </section>
  );
}
