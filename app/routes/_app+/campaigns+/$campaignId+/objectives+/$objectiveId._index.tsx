import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { failure, parseForm } from "~/utils/form";
import { redirectWithToast } from "~/utils/toast.server";
import { actionOwners, addGapAnalysis, archiveObjective, changeTarget, getObjective, setGapStatus } from "~/models/objectives/objectives.server";
import { gapSchema, LEVERS, targetChangeSchema } from "~/domain/objectives/schemas";
import { METRICS, type MetricKey } from "~/domain/objectives/metrics";
import { can } from "~/domain/shared/permissions";
import { ObjectiveChart } from "~/components/objectives/ObjectiveChart";
import { PaceBadge } from "~/components/objectives/PaceBadge";
import { formatDay, formatMetric, formatPeriod, typedTarget } from "~/domain/objectives/format";
import { Field, FormError, SelectField } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";
import { formatDateTime, keyFor } from "~/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "objective:read");
  const data = await orResponse(getObjective(actor, params.objectiveId!));
  if (data.objective.campaignId !== params.campaignId) throw new Response("Not Found", { status: 404 });
  const manage = can(actor.role, "objective:manage");
  return json({ ...data, manage, owners: manage ? await actionOwners(actor) : [], me: actor.userId });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "objective:manage");
  const formData = await readForm(request);
  const objectiveId = params.objectiveId!;
  const back = `/campaigns/${params.campaignId}/objectives/${objectiveId}`;
  try {
    // The objective must belong to this campaign (else 404), checked by loading it in the actor's scope.
    const o = await getObjective(actor, objectiveId);
    if (o.objective.campaignId !== params.campaignId) throw new Response("Not Found", { status: 404 });
    const metric = o.objective.metric as MetricKey;
    switch (formData.get("intent")) {
      case "target": {
        const parsed = parseForm(targetChangeSchema, formData);
        if (!parsed.ok) return json(parsed, { status: 400 });
        await changeTarget(actor, objectiveId, parsed.data);
        return redirectWithToast(back, "objectives.targetSaved");
      }
      case "gap": {
        const parsed = parseForm(gapSchema, formData);
        if (!parsed.ok) return json(parsed, { status: 400 });
        await addGapAnalysis(actor, objectiveId, parsed.data);
        return redirectWithToast(back, "objectives.gapSaved");
      }
      case "gapStatus":
        await setGapStatus(actor, objectiveId, String(formData.get("gapId") ?? ""), formData.get("status") === "DONE" ? "DONE" : "OPEN");
        return redirectWithToast(back, "common.saved");
      case "archive":
        await archiveObjective(actor, objectiveId);
        return redirect(`/campaigns/${params.campaignId}/objectives`);
      default:
        void metric;
        return json(failure(formData, { _form: ["common.errors.invalid"] }), { status: 400 });
    }
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function ObjectiveDetail() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const v = result && !result.ok ? result.values : undefined;
  const navigation = useNavigation();
  const { t, locale, timeZone } = useT();
  const o = data.objective;
  const fmt = (n: number | null | undefined, precise = false) => formatMetric(locale, o.unit, n, o.currency, { precise });
  const lagging = o.pace.status === "AT_RISK" || o.pace.status === "OFF_TRACK";
  const sum = METRICS[o.metric].aggregation === "sum";
  return (
    <div className="space-y-6">
      <div>
        <Link to=".." relative="path" className="link text-sm">← {t("objectives.title")}</Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h2 className="h2">{t(keyFor("objectives.metricName", o.metric, "common.unknown"))}</h2>
          <PaceBadge status={o.pace.status} final={o.pace.final} />
        </div>
        <p className="text-sm text-slate-600">
          {o.scope === "TEAM" ? t("objectives.scopeTeam") : o.sdr?.name} · {t(keyFor("objectives.periodKind", o.periodKind, "common.unknown"))}
          {o.recurring ? ` (${t(keyFor("objectives.recurs", o.periodKind, "common.unknown"))})` : ""} · {formatPeriod(locale, o.period)}
        </p>
        <p className="mt-2 text-sm"><span className="badge mr-2 bg-brand-50 text-brand-700">{t(keyFor("objectives.stake", o.stake, "common.unknown"))}</span>{o.why}</p>
      </div>

      <section aria-label={t("objectives.pace")} className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label={t("objectives.actual")} value={fmt(o.pace.actual)} />
        <Stat label={sum ? t("objectives.expectedToDate") : t("objectives.target")} value={fmt(sum ? o.pace.expected : o.target, true)} />
        <Stat label={t("objectives.projection")} value={fmt(o.pace.projection)} />
        <Stat label={t("objectives.target")} value={fmt(o.target)} />
      </section>
      <p className="text-xs text-slate-500">{t("objectives.workingDays", { elapsed: o.pace.elapsedDays, total: o.pace.totalDays })}</p>

      <section className="card">
        <h3 className="font-semibold text-slate-900">{t("objectives.chart.title")}</h3>
        <ObjectiveChart points={data.chart} markers={data.gaps.map((g) => ({ day: g.day, lever: g.lever }))} unit={o.unit} currency={o.currency} />
      </section>

      <section className="space-y-3" aria-labelledby="gaps-title">
        <h3 id="gaps-title" className="font-semibold text-slate-900">{t("objectives.gaps")}</h3>
        {data.manage && lagging ? <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">{t("objectives.gapPrompt")}</p> : null}
        {data.gaps.length === 0 ? <p className="text-sm text-slate-600">{t("objectives.noGaps")}</p> : null}
        <ul className="space-y-3">
          {data.gaps.map((g) => (
            <li key={g.id} className="card space-y-1 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="badge bg-amber-100 text-amber-900">{t(keyFor("objectives.lever", g.lever, "common.unknown"))}</span>
                <span className={`badge ${g.status === "OPEN" ? "bg-slate-100 text-slate-700" : "bg-green-100 text-green-800"}`}>{t(keyFor("objectives.gapStatus", g.status, "common.unknown"))}</span>
              </div>
              <p><span className="font-medium">{t("objectives.diagnosis")}</span> {g.diagnosis}</p>
              <p><span className="font-medium">{t("objectives.action")}</span> {g.action}</p>
              <p className="text-slate-600">{t("objectives.ownerDue", { owner: g.owner?.name ?? "—", date: formatDay(locale, g.dueDate) })} · {t("objectives.recordedOn", { date: formatDay(locale, g.day) })}</p>
              {data.manage ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="gapStatus" />
                  <input type="hidden" name="gapId" value={g.id} />
                  <input type="hidden" name="status" value={g.status === "OPEN" ? "DONE" : "OPEN"} />
                  <button className="link text-sm">{g.status === "OPEN" ? t("objectives.markDone") : t("objectives.reopen")}</button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {data.manage ? (
          <Form key={`gap-${data.gaps.length}`} method="post" className="card space-y-3" noValidate aria-labelledby="gap-form-title">
            <h4 id="gap-form-title" className="font-medium text-slate-900">{t("objectives.gapNew")}</h4>
            <input type="hidden" name="intent" value="gap" />
            {v?.intent === "gap" ? <FormError errors={errors} /> : null}
            <SelectField label={t("objectives.leverLabel")} name="lever" required defaultValue={v?.lever ?? ""} emptyLabel={t("objectives.chooseLever")} errors={v?.intent === "gap" ? errors?.lever : undefined}
              options={LEVERS.map((l) => ({ value: l, label: t(keyFor("objectives.lever", l, "common.unknown")) }))} />
            <Field label={t("objectives.diagnosisLabel")} name="diagnosis" multiline required defaultValue={v?.diagnosis} errors={v?.intent === "gap" ? errors?.diagnosis : undefined} maxLength={2000} />
            <Field label={t("objectives.actionLabel")} name="action" multiline required defaultValue={v?.action} errors={v?.intent === "gap" ? errors?.action : undefined} maxLength={2000} />
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField label={t("objectives.owner")} name="ownerId" required defaultValue={v?.ownerId ?? data.me} errors={v?.intent === "gap" ? errors?.ownerId : undefined}
                options={data.owners.map((u) => ({ value: u.id, label: u.name }))} />
              <Field label={t("objectives.dueDate")} name="dueDate" type="date" required defaultValue={v?.dueDate} errors={v?.intent === "gap" ? errors?.dueDate : undefined} />
            </div>
            <button className="btn-primary" disabled={navigation.state === "submitting"}>{t("objectives.gapSave")}</button>
          </Form>
        ) : null}
      </section>

      <section className="space-y-3" aria-labelledby="history-title">
        <h3 id="history-title" className="font-semibold text-slate-900">{t("objectives.targetHistory")}</h3>
        <p className="text-sm text-slate-600">{t("objectives.targetPrinciple")}</p>
        {data.changes.length === 0 ? <p className="text-sm text-slate-500">{t("objectives.noTargetChange")}</p> : (
          <ul className="space-y-1 text-sm">
            {data.changes.map((c) => (
              <li key={c.id}>
                {t("objectives.targetChanged", { from: fmt(c.from), to: fmt(c.to), reason: c.reason })}
                <span className="text-slate-500"> · {c.by ?? "—"}, {formatDateTime(locale, c.at, timeZone)}</span>
              </li>
            ))}
          </ul>
        )}
        {data.manage ? (
          <Form key={`target-${data.changes.length}`} method="post" className="card space-y-3" noValidate aria-labelledby="target-form-title">
            <h4 id="target-form-title" className="font-medium text-slate-900">{t("objectives.changeTarget")}</h4>
            <input type="hidden" name="intent" value="target" />
            {v?.intent === "target" ? <FormError errors={errors} /> : null}
            <div className="grid gap-3 sm:grid-cols-3">
              <Field label={t("objectives.newTarget")} name="target" required defaultValue={v?.intent === "target" ? v.target : typedTarget(o.unit, o.target)} errors={v?.intent === "target" ? errors?.target : undefined} />
              <div className="sm:col-span-2">
                <Field label={t("objectives.reason")} name="reason" required defaultValue={v?.reason} errors={v?.intent === "target" ? errors?.reason : undefined} hint={t("objectives.reasonHint")} maxLength={1000} />
              </div>
            </div>
            <button className="btn-secondary" disabled={navigation.state === "submitting"}>{t("objectives.saveTarget")}</button>
          </Form>
        ) : null}
      </section>

      {data.history.length > 1 ? (
        <section className="space-y-3" aria-labelledby="periods-title">
          <h3 id="periods-title" className="font-semibold text-slate-900">{t("objectives.periods")}</h3>
          <div className="card overflow-x-auto p-0">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
                <tr><th className="px-4 py-2">{t("objectives.period")}</th><th className="px-4 py-2 text-right">{t("objectives.actual")}</th><th className="px-4 py-2 text-right">{t("objectives.target")}</th><th className="px-4 py-2">{t("objectives.statusLabel")}</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.history.map((p) => (
                  <tr key={p.period.start}>
                    <td className="px-4 py-2">{formatPeriod(locale, p.period)}</td>
                    <td className="px-4 py-2 text-right">{fmt(p.pace.actual)}</td>
                    <td className="px-4 py-2 text-right">{fmt(p.pace.target)}</td>
                    <td className="px-4 py-2"><PaceBadge status={p.pace.status} final={p.pace.final} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {data.manage ? (
        <div className="flex flex-wrap gap-3">
          {o.scope === "TEAM" ? <Link to="split" className="btn-secondary">{t("objectives.split.open")}</Link> : null}
          <Form method="post">
            <input type="hidden" name="intent" value="archive" />
            <button className="btn-danger">{t("objectives.archive")}</button>
          </Form>
        </div>
      ) : null}
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="card">
      <p className="text-sm text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold text-slate-900">{value}</p>
    </div>
  );
}
