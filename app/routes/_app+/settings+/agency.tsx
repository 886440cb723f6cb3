import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { parseForm } from "~/utils/form";
import { actionError, readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { getAgencySettings, updateAgencySettings } from "~/models/agency.server";
import { agencySettingsSchema } from "~/domain/objectives/agency-settings";
import { Field, FormError } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "agency:manage");
  return json({ settings: await getAgencySettings(actor) });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "agency:manage");
  const formData = await readForm(request);
  try {
    const parsed = parseForm(agencySettingsSchema, formData);
    if (!parsed.ok) return json(parsed, { status: 400 });
    await updateAgencySettings(actor, parsed.data);
    return redirectWithToast("/settings/agency", "settings.saved");
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function AgencySettings() {
  const { settings } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useT();
  const errors = data && !data.ok ? data.errors : undefined;
  const value = (k: keyof typeof settings) => (data && !data.ok ? data.values[k] : String(settings[k]));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="h1">{t("settings.title")}</h1>
        <p className="mt-1 text-slate-600">{t("settings.intro", { agency: settings.name })}</p>
        <p className="mt-2 flex flex-wrap gap-4 text-sm">
          <Link to="/settings/templates" className="link">{t("qual.templates.link")}</Link>
          <Link to="/settings/webhooks" className="link">{t("webhooks.link")}</Link>
        </p>
      </div>
      <Form method="post" className="grid gap-6 lg:grid-cols-2" noValidate>
        <FormError errors={errors} />
        <section className="card space-y-4" aria-labelledby="pace-title">
          <h2 id="pace-title" className="h2">{t("settings.pace.title")}</h2>
          <p className="text-sm text-slate-600">{t("settings.pace.help")}</p>
          <Field label={t("settings.pace.onTrack")} name="paceOnTrackPct" type="number" defaultValue={value("paceOnTrackPct")} errors={errors?.paceOnTrackPct} required />
          <Field label={t("settings.pace.atRisk")} name="paceAtRiskPct" type="number" defaultValue={value("paceAtRiskPct")} errors={errors?.paceAtRiskPct} required />
          <p className="text-xs text-slate-500">
            {t("settings.pace.example", { onTrack: settings.paceOnTrackPct, atRisk: settings.paceAtRiskPct, below: settings.paceOnTrackPct - 1 })}
          </p>
        </section>
        <section className="card space-y-4" aria-labelledby="weights-title">
          <h2 id="weights-title" className="h2">{t("settings.weights.title")}</h2>
          <p className="text-sm text-slate-600">{t("settings.weights.help")}</p>
          <Field label={t("settings.weights.ramping")} name="weightRampingPct" type="number" defaultValue={value("weightRampingPct")} errors={errors?.weightRampingPct} required />
          <Field label={t("settings.weights.confirmed")} name="weightConfirmedPct" type="number" defaultValue={value("weightConfirmedPct")} errors={errors?.weightConfirmedPct} required />
          <Field label={t("settings.weights.senior")} name="weightSeniorPct" type="number" defaultValue={value("weightSeniorPct")} errors={errors?.weightSeniorPct} required />
        </section>
        <section className="card space-y-2 lg:col-span-2" aria-labelledby="reports-title">
          <h2 id="reports-title" className="h2">{t("settings.reports.title")}</h2>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="reportPdfAttached"
              defaultChecked={data && !data.ok ? data.values.reportPdfAttached === "on" : settings.reportPdfAttached}
              className="mt-0.5 h-4 w-4 rounded border-slate-300"
            />
            <span>{t("settings.reports.attachPdf")}</span>
          </label>
          <p className="text-xs text-slate-500">{t("settings.reports.attachPdfHelp")}</p>
        </section>
        <section className="card lg:col-span-2">
          <p className="text-sm font-medium text-slate-700">{t("settings.timeZone")}</p>
          <p className="mt-1 text-slate-900">{settings.timeZone}</p>
          <p className="mt-1 text-xs text-slate-500">{t("settings.timeZoneHelp")}</p>
        </section>
        <div className="lg:col-span-2">
          <button className="btn-primary" disabled={busy}>{t("settings.save")}</button>
        </div>
      </Form>
    </div>
  );
}
