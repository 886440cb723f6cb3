import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { parseForm } from "~/utils/form";
import { redirectWithToast } from "~/utils/toast.server";
import { getSchedule, saveSchedule } from "~/models/reports/schedule.server";
import { scheduleSchema } from "~/domain/reports/schemas";
import { prisma } from "~/utils/db.server";
import { Field, FormError, SelectField } from "~/components/forms/Field";
import { keyFor } from "~/i18n";
import { useT } from "~/utils/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "report:send");
  const schedule = await orResponse(getSchedule(actor, params.campaignId!));
  const agency = await prisma.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { timeZone: true } });
  return json({ schedule, zone: agency.timeZone });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "report:send");
  const formData = await readForm(request);
  const parsed = parseForm(scheduleSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    await saveSchedule(actor, params.campaignId!, parsed.data);
    return redirectWithToast(`/campaigns/${params.campaignId}/reports`, "reports.schedule.saved");
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function ReportSchedulePage() {
  const { schedule: s, zone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const v = result && !result.ok ? result.values : undefined;
  const busy = useNavigation().state !== "idle";
  const { t } = useT();
  const checked = (name: "autoSend" | "includeEmpty" | "paused", current: boolean | undefined) => (v ? v[name] === "on" : Boolean(current));
  return (
    <section className="card max-w-2xl space-y-4">
      <Link to=".." relative="path" className="link text-sm">← {t("reports.backToReports")}</Link>
      <div>
        <h2 className="h2">{t("reports.schedule.title")}</h2>
        <p className="text-sm text-slate-600">{t("reports.schedule.intro")}</p>
      </div>
      <Form method="post" className="space-y-4" noValidate>
        <FormError errors={errors} />
        <SelectField
          label={t("reports.schedule.cadence")}
          name="cadence"
          required
          defaultValue={v?.cadence ?? s?.cadence ?? "MONTHLY"}
          errors={errors?.cadence}
          options={(["MONTHLY", "WEEKLY"] as const).map((c) => ({ value: c, label: t(`reports.schedule.cadence.${c}`) }))}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t("reports.schedule.weekday")}
            name="weekday"
            defaultValue={v?.weekday ?? String(s?.weekday ?? 5)}
            errors={errors?.weekday}
            options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(keyFor("reports.weekday", String(d), "common.unknown")) }))}
          />
          <Field label={t("reports.schedule.monthDay")} name="monthDay" type="number" defaultValue={v?.monthDay ?? String(s?.monthDay ?? 1)} errors={errors?.monthDay} />
        </div>
        <Field label={t("reports.schedule.time", { zone })} name="time" type="time" required defaultValue={v?.time ?? s?.time ?? "08:00"} errors={errors?.time} />
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="autoSend" value="on" defaultChecked={checked("autoSend", s?.autoSend)} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
          {t("reports.schedule.autoSend")}
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="includeEmpty" value="on" defaultChecked={checked("includeEmpty", s?.includeEmpty)} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
          {t("reports.schedule.includeEmpty")}
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="paused" value="on" defaultChecked={checked("paused", s?.paused)} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
          {t("reports.schedule.paused")}
        </label>
        <button type="submit" className="btn-primary" disabled={busy}>{t("reports.schedule.save")}</button>
      </Form>
    </section>
  );
}
