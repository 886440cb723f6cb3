import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { parseForm } from "~/utils/form";
import { createObjective } from "~/models/objectives/objectives.server";
import { campaignSdrs } from "~/models/objectives/team.server";
import { objectiveSchema, STAKES } from "~/domain/objectives/schemas";
import { METRIC_KEYS, METRICS, defaultMetricsFor } from "~/domain/objectives/metrics";
import { PERIOD_KINDS } from "~/domain/objectives/periods";
import { todayIn } from "~/domain/objectives/dates";
import { prisma } from "~/utils/db.server";
import { Field, FormError, ErrorList, SelectField } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";
import { formatDay } from "~/domain/objectives/format";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "objective:manage");
  const team = await orResponse(campaignSdrs(actor, params.campaignId!));
  const agency = await prisma.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { timeZone: true } });
  const sdrId = new URL(request.url).searchParams.get("sdrId");
  const sdr = team.sdrs.find((s) => s.id === sdrId) ?? null;
  return json({ ...team, today: todayIn(agency.timeZone), preset: sdr ? { sdrId: sdr.id, metric: defaultMetricsFor(sdr.maturity)[0] } : null });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "objective:manage");
  const formData = await readForm(request);
  const parsed = parseForm(objectiveSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const o = await createObjective(actor, params.campaignId!, parsed.data);
    return redirect(`/campaigns/${params.campaignId}/objectives/${o.id}`);
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function NewObjective() {
  const { sdrs, today, preset, campaign } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const v = result && !result.ok ? result.values : undefined;
  const navigation = useNavigation();
  const { t, locale } = useT();
  return (
    <section className="card max-w-3xl">
      <Link to=".." relative="path" className="link text-sm">← {t("objectives.title")}</Link>
      <h2 className="h2 mt-2">{t("objectives.new")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("objectives.form.intro")}</p>
      <Form method="post" className="mt-4 space-y-4" noValidate>
        <FormError errors={errors} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t("objectives.metric")}
            name="metric"
            required
            defaultValue={v?.metric ?? preset?.metric ?? ""}
            emptyLabel={t("objectives.form.chooseMetric")}
            errors={errors?.metric}
            options={METRIC_KEYS.map((k) => ({ value: k, label: `${t(`objectives.metricName.${k}`)} (${t(`objectives.unit.${METRICS[k].unit}`)})` }))}
          />
          <Field label={t("objectives.target")} name="target" required defaultValue={v?.target} errors={errors?.target} hint={t("objectives.form.targetHint")} />
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">{t("objectives.scope")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="scope" value="TEAM" defaultChecked={(v?.scope ?? (preset ? "SDR" : "TEAM")) === "TEAM"} /> {t("objectives.scopeTeam")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="scope" value="SDR" defaultChecked={(v?.scope ?? (preset ? "SDR" : "TEAM")) === "SDR"} /> {t("objectives.scopeSdr")}
          </label>
          <ErrorList errors={errors?.scope} />
        </fieldset>
        <SelectField
          label={t("objectives.sdr")}
          name="sdrId"
          defaultValue={v?.sdrId ?? preset?.sdrId ?? ""}
          emptyLabel={t("objectives.form.chooseSdr")}
          errors={errors?.sdrId}
          options={sdrs.map((s) => ({ value: s.id, label: `${s.name} · ${t(`objectives.maturity.${s.maturity}`)}` }))}
        />
        {sdrs.length ? (
          <ul className="rounded-md bg-slate-50 p-3 text-xs text-slate-600">
            {sdrs.map((s) => (
              <li key={s.id}>
                {t("objectives.form.suggested", { name: s.name, maturity: t(`objectives.maturity.${s.maturity}`), metrics: defaultMetricsFor(s.maturity).map((m) => t(`objectives.metricName.${m}`)).join(", ") })}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t("objectives.period")}
            name="periodKind"
            required
            defaultValue={v?.periodKind ?? "MONTH"}
            errors={errors?.periodKind}
            options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`objectives.periodKind.${k}`) }))}
          />
          <div className="flex items-end">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="recurring" value="on" defaultChecked={v ? v.recurring === "on" : true} className="h-4 w-4 rounded border-slate-300" />
              {t("objectives.form.recurring")}
            </label>
          </div>
          <ErrorList errors={errors?.recurring} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("objectives.form.startsOn")} name="startsOn" type="date" required defaultValue={v?.startsOn ?? today} errors={errors?.startsOn} hint={t("objectives.form.startsOnHint")} />
          <Field label={t("objectives.form.endsOn")} name="endsOn" type="date" defaultValue={v?.endsOn ?? ""} errors={errors?.endsOn} hint={campaign.endDate ? t("objectives.form.endsOnHint", { date: formatDay(locale, campaign.endDate) }) : t("objectives.form.endsOnHintOpen")} />
        </div>
        <SelectField
          label={t("objectives.stakeLabel")}
          name="stake"
          required
          defaultValue={v?.stake ?? ""}
          emptyLabel={t("objectives.form.chooseStake")}
          errors={errors?.stake}
          options={STAKES.map((k) => ({ value: k, label: `${t(`objectives.stake.${k}`)}: ${t(`objectives.stakeHelp.${k}`)}` }))}
        />
        <Field label={t("objectives.why")} name="why" multiline defaultValue={v?.why} errors={errors?.why} hint={t("objectives.form.whyHint")} maxLength={2000} />
        <button className="btn-primary" disabled={navigation.state === "submitting"}>{t("objectives.form.create")}</button>
      </Form>
    </section>
  );
}
