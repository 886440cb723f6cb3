import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { requireActor } from "~/utils/auth.server";
import { getLoggingContext, logMeeting, type CheckInput } from "~/models/meetings/logging.server";
import { checkSchema, meetingSchema } from "~/domain/meetings/schemas";
import { CHANNELS, type Warning } from "~/domain/meetings/rules";
import { timeZones } from "~/domain/shared/timezone";
import { failure, parseForm, type FieldErrors } from "~/utils/form";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { ErrorList, Field, FormError, SelectField, errorText } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "meeting:log");
  const ctx = await orResponse(getLoggingContext(actor, params.campaignId!));
  return json({
    campaign: { id: ctx.campaign.id, status: ctx.campaign.status },
    personaVersions: ctx.personaVersions,
    definition: ctx.definitionVersion,
    sdrs: actor.role === "SDR" ? [] : ctx.sdrs,
    clientUsers: ctx.clientUsers,
    replacementsOwed: ctx.replacementsOwed.map((r) => ({ id: r.id, label: `${r.prospectName} (${r.prospectCompany})` })),
    timeZones: timeZones(),
  });
}

/** The checklist fields: check.<criterionId>.met / .note / .evidenceUrl. */
function parseChecks(formData: FormData, criterionIds: string[]) {
  const checks: CheckInput[] = [];
  const errors: FieldErrors = {};
  for (const id of criterionIds) {
    const r = checkSchema.safeParse({
      met: formData.get(`check.${id}.met`) === "on",
      note: String(formData.get(`check.${id}.note`) ?? ""),
      evidenceUrl: String(formData.get(`check.${id}.evidenceUrl`) ?? ""),
    });
    if (r.success) checks.push({ criterionId: id, ...r.data });
    else for (const issue of r.error.issues) (errors[`check.${id}.${String(issue.path[0])}`] ??= []).push(issue.message);
  }
  return { checks, errors };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "meeting:log");
  const formData = await readForm(request);
  const ctx = await orResponse(getLoggingContext(actor, params.campaignId!));
  const parsed = parseForm(meetingSchema, formData);
  const { checks, errors: checkErrors } = parseChecks(formData, ctx.definitionVersion?.criteria.map((c) => c.id) ?? []);
  if (!parsed.ok || Object.keys(checkErrors).length) {
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...checkErrors };
    return json({ ...failure(formData, errors), warnings: [] as Warning[] }, { status: 400 });
  }
  try {
    const r = await logMeeting(actor, params.campaignId!, { ...parsed.data, checks });
    if (!r.ok) return json({ ...failure(formData, {}), warnings: r.warnings });
    return redirectWithToast(`/campaigns/${params.campaignId}/meetings/${r.meetingId}`, r.created ? "meetings.logged" : "meetings.alreadyLogged");
  } catch (e) {
    const res = actionError(e, formData);
    return json({ ...(await res.json()), warnings: [] }, { status: res.status });
  }
}

export default function LogMeeting() {
  const { campaign, personaVersions, definition, sdrs, clientUsers, replacementsOwed, timeZones } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const tzRef = useRef<HTMLInputElement>(null);
  const errors = data && !data.ok ? data.errors : undefined;
  const values: Record<string, string> = data && !data.ok ? data.values : {};
  const warnings = data?.warnings ?? [];
  useEffect(() => {
    // Default to the SDR's own zone when nothing was typed yet.
    if (tzRef.current && !tzRef.current.value) tzRef.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "Europe/Paris";
  }, []);
  if (campaign.status !== "ACTIVE") return <p className="card text-sm text-slate-700">{t("meetings.form.notActive")}</p>;
  const v = (k: string) => values[k];
  const e = (k: string) => errors?.[k];
  return (
    <Form
      method="post"
      ref={formRef}
      noValidate
      className="space-y-6"
      onKeyDown={(ev) => {
        if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
          ev.preventDefault();
          formRef.current?.requestSubmit();
        }
      }}
    >
      <div className="flex items-center justify-between">
        <h2 className="h2">{t("meetings.log")}</h2>
        <p className="text-xs text-slate-500">{t("meetings.form.shortcut")}</p>
      </div>
      <FormError errors={errors} />
      {warnings.length ? (
        <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p className="font-medium">{t("meetings.form.confirmTitle")}</p>
          <ul className="list-disc pl-5">
            {warnings.map((w) => (
              <li key={w.key + JSON.stringify(w.vars ?? {})}>{t(w.key, w.vars)}</li>
            ))}
          </ul>
          <label className="flex items-center gap-2 font-medium">
            <input type="checkbox" name="confirmWarnings" className="h-4 w-4 rounded border-slate-300" />
            {t("meetings.form.confirm")}
          </label>
        </div>
      ) : null}

      <fieldset className="card grid gap-4 md:grid-cols-3">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t("meetings.form.prospect")}</legend>
        <Field label={t("meetings.form.prospectName")} name="prospectName" required autoFocus maxLength={160} defaultValue={v("prospectName")} errors={e("prospectName")} />
        <Field label={t("meetings.form.prospectTitle")} name="prospectTitle" maxLength={160} defaultValue={v("prospectTitle")} errors={e("prospectTitle")} />
        <Field label={t("meetings.form.prospectEmail")} name="prospectEmail" type="email" required defaultValue={v("prospectEmail")} errors={e("prospectEmail")} />
        <Field label={t("meetings.form.prospectPhone")} name="prospectPhone" type="tel" defaultValue={v("prospectPhone")} errors={e("prospectPhone")} />
        <Field label={t("meetings.form.prospectCompany")} name="prospectCompany" required defaultValue={v("prospectCompany")} errors={e("prospectCompany")} />
        <Field label={t("meetings.form.prospectDomain")} name="prospectDomain" defaultValue={v("prospectDomain")} errors={e("prospectDomain")} placeholder="morel.fr" />
        <Field label={t("meetings.form.prospectCompanySize")} name="prospectCompanySize" defaultValue={v("prospectCompanySize")} errors={e("prospectCompanySize")} placeholder="51-200" />
        <Field label={t("meetings.form.prospectIndustry")} name="prospectIndustry" defaultValue={v("prospectIndustry")} errors={e("prospectIndustry")} />
        <Field label={t("meetings.form.prospectCountry")} name="prospectCountry" maxLength={2} defaultValue={v("prospectCountry")} errors={e("prospectCountry")} placeholder="FR" />
        <div className="md:col-span-3">
          <Field label={t("meetings.form.prospectLinkedinUrl")} name="prospectLinkedinUrl" type="url" defaultValue={v("prospectLinkedinUrl")} errors={e("prospectLinkedinUrl")} />
        </div>
      </fieldset>

      <fieldset className="card grid gap-4 md:grid-cols-3">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t("meetings.form.meeting")}</legend>
        {personaVersions.length ? (
          <SelectField
            label={t("meetings.form.personaVersionId")}
            name="personaVersionId"
            required
            options={personaVersions.map((p) => ({ value: p.id, label: `${p.name} (v${p.number})` }))}
            defaultValue={v("personaVersionId") ?? (personaVersions.length === 1 ? personaVersions[0].id : "")}
            emptyLabel={personaVersions.length === 1 ? undefined : ""}
            errors={e("personaVersionId")}
          />
        ) : (
          <p className="text-sm text-red-700">{t("meetings.form.noPersona")}</p>
        )}
        {sdrs.length ? (
          <SelectField
            label={t("meetings.form.sdrId")}
            name="sdrId"
            options={sdrs.map((s) => ({ value: s.id, label: s.name }))}
            defaultValue={v("sdrId")}
            errors={e("sdrId")}
          />
        ) : null}
        <Field label={t("meetings.form.scheduledLocal")} name="scheduledLocal" type="datetime-local" required defaultValue={v("scheduledLocal")} errors={e("scheduledLocal")} />
        <TimeZoneField inputRef={tzRef} zones={timeZones} defaultValue={v("timeZone")} errors={e("timeZone")} />
        <Field label={t("meetings.form.durationMinutes")} name="durationMinutes" type="number" required defaultValue={v("durationMinutes") ?? "30"} errors={e("durationMinutes")} />
        <SelectField
          label={t("meetings.form.channel")}
          name="channel"
          options={CHANNELS.map((c) => ({ value: c, label: t(`meetings.channel.${c}`) }))}
          defaultValue={v("channel") ?? definition?.allowedChannels[0] ?? "VIDEO"}
          errors={e("channel")}
        />
        <div className="md:col-span-2">
          <Field label={t("meetings.form.location")} name="location" defaultValue={v("location")} errors={e("location")} />
        </div>
        <SelectField
          label={t("meetings.form.clientAttendeeId")}
          name="clientAttendeeId"
          emptyLabel={t("meetings.form.noAttendee")}
          options={clientUsers.map((u) => ({ value: u.id, label: u.name }))}
          defaultValue={v("clientAttendeeId")}
          errors={e("clientAttendeeId")}
        />
        {replacementsOwed.length ? (
          <div className="md:col-span-2">
            <SelectField
              label={t("meetings.replacesField.label")}
              name="replacesMeetingId"
              emptyLabel={t("meetings.replacesField.none")}
              options={replacementsOwed.map((r) => ({ value: r.id, label: r.label }))}
              defaultValue={v("replacesMeetingId")}
              errors={e("replacesMeetingId")}
            />
            <p className="mt-1 text-xs text-slate-500">{t("meetings.replacesField.hint")}</p>
          </div>
        ) : null}
      </fieldset>

      <fieldset className="card grid gap-4 md:grid-cols-2">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t("meetings.form.discovery")}</legend>
        {(["discoveryNeed", "discoveryContext", "discoveryBudget", "discoveryTimeline"] as const).map((k) => (
          <Field key={k} label={t(`meetings.form.${k}`)} name={k} multiline defaultValue={v(k)} errors={e(k)} />
        ))}
      </fieldset>

      {definition ? (
        <fieldset className="card space-y-3">
          <legend className="px-1 text-sm font-semibold text-slate-700">{t("meetings.form.checklist", { number: definition.number })}</legend>
          {definition.criteria.map((c) => {
            const key = `check.${c.id}`;
            const checked = data ? v(`${key}.met`) === "on" : false;
            return (
              <div key={c.id} className="grid gap-2 border-b border-slate-100 pb-3 md:grid-cols-[1fr_1fr_1fr]">
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name={`${key}.met`} defaultChecked={checked} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
                  <span>
                    <span className="font-medium">{c.label}</span>
                    {c.required ? <span className="ml-1 text-xs text-red-700">({t("meetings.form.required")})</span> : null}
                    {c.helpText ? <span className="block text-xs text-slate-500">{c.helpText}</span> : null}
                  </span>
                </label>
                <div>
                  <label className="sr-only" htmlFor={`${key}.note`}>{t("meetings.form.note")} — {c.label}</label>
                  <input id={`${key}.note`} name={`${key}.note`} placeholder={t("meetings.form.note")} defaultValue={v(`${key}.note`)} className="input" />
                  <ErrorList errors={e(`${key}.note`)} />
                </div>
                <div>
                  <label className="sr-only" htmlFor={`${key}.evidenceUrl`}>{t("meetings.form.evidenceUrl")} — {c.label}</label>
                  <input
                    id={`${key}.evidenceUrl`}
                    name={`${key}.evidenceUrl`}
                    type="url"
                    placeholder={t("meetings.form.evidenceUrl")}
                    defaultValue={v(`${key}.evidenceUrl`)}
                    aria-invalid={e(`${key}.evidenceUrl`) ? true : undefined}
                    className="input"
                  />
                  <ErrorList errors={e(`${key}.evidenceUrl`)} />
                </div>
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <div className="flex gap-2">
        <button className="btn-primary" disabled={navigation.state === "submitting"}>{t("meetings.form.submit")}</button>
        <Link to=".." relative="path" className="btn-secondary">{t("common.cancel")}</Link>
      </div>
    </Form>
  );
}

function TimeZoneField({ zones, defaultValue, errors, inputRef }: { zones: string[]; defaultValue?: string; errors?: string[]; inputRef: React.RefObject<HTMLInputElement> }) {
  const { t } = useT();
  return (
    <div>
      <label htmlFor="timeZone" className="block text-sm font-medium text-slate-700">{t("meetings.form.timeZone")}</label>
      <input
        id="timeZone"
        ref={inputRef}
        name="timeZone"
        list="time-zones"
        required
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? "timeZone-error" : undefined}
        className="input mt-1"
        autoComplete="off"
      />
      <datalist id="time-zones">
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      {errors?.length ? <ul id="timeZone-error" className="mt-1 text-sm text-red-700">{errors.map((m) => <li key={m}>{errorText(t, m)}</li>)}</ul> : null}
    </div>
  );
}
