import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { requireActor } from "~/utils/auth.server";
import { getLoggingContext, logMeeting, type CheckInput } from "~/models/meetings/logging.server";
import { lastMeetingDefaults } from "~/models/meetings/log-assist.server";
import { domainFromWebsite, hintsFromDomain, hintsFromEmail, splitDiscoveryNotes, type ProspectHints } from "~/domain/meetings/fast-logging";
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
  const [ctx, last] = await orResponse(Promise.all([getLoggingContext(actor, params.campaignId!), lastMeetingDefaults(actor, params.campaignId!)]));
  // The repeating fields of the actor's last meeting here, kept only where they still apply.
  const defaults = last
    ? {
        personaVersionId: ctx.personaVersions.some((p) => p.id === last.personaVersionId) ? last.personaVersionId : undefined,
        durationMinutes: String(last.durationMinutes),
        channel: last.channel,
        clientAttendeeId: last.clientAttendeeId && ctx.clientUsers.some((u) => u.id === last.clientAttendeeId) ? last.clientAttendeeId : undefined,
        timeZone: last.timeZone,
      }
    : null;
  // "Log the replacement" on a list of replacements owed links here with ?replaces=<the disputed meeting>.
  const replaces = new URL(request.url).searchParams.get("replaces");
  return json({
    defaults,
    replaces: replaces && ctx.replacementsOwed.some((r) => r.id === replaces) ? replaces : null,
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
  // One discovery field with optional headings, read as the four parts the meeting keeps.
  const notes = formData.get("discoveryNotes");
  if (typeof notes === "string") for (const [k, text] of Object.entries(splitDiscoveryNotes(notes))) formData.set(k, text);
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

type Match = { id: string; prospectName: string; scheduledAt: string; status: string };
const HINTED = ["prospectDomain", "prospectCompany", "prospectCountry"] as const;

export default function LogMeeting() {
  const { campaign, personaVersions, definition, sdrs, clientUsers, replacementsOwed, timeZones, defaults, replaces } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, dateTime } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const tzRef = useRef<HTMLInputElement>(null);
  // Fields this form filled itself (from the email or the website): refilled when the email changes, never once typed.
  const autoFilled = useRef(new Set<string>());
  const emailTimer = useRef<ReturnType<typeof setTimeout>>();
  const lastAsked = useRef("");
  const [filledFrom, setFilledFrom] = useState<"email" | "website" | null>(null);
  const [matches, setMatches] = useState<Match[]>([]);
  const errors = data && !data.ok ? data.errors : undefined;
  const values: Record<string, string> = data && !data.ok ? data.values : {};
  const warnings = data?.warnings ?? [];
  useEffect(() => {
    // Default to the last meeting's zone, else the SDR's own zone, when nothing was typed yet.
    if (tzRef.current && !tzRef.current.value) tzRef.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "Europe/Paris";
  }, []);
  useEffect(() => () => clearTimeout(emailTimer.current), []);
  if (campaign.status !== "ACTIVE") return <p className="card text-sm text-slate-700">{t("meetings.form.notActive")}</p>;
  const v = (k: string) => values[k];
  const e = (k: string) => errors?.[k];

  const input = (name: string) => formRef.current?.elements.namedItem(name) as HTMLInputElement | null;
  function fill(hints: ProspectHints, from: "email" | "website") {
    const byField: Record<(typeof HINTED)[number], string | undefined> = { prospectDomain: hints.domain, prospectCompany: hints.company, prospectCountry: hints.country };
    let any = false;
    for (const name of HINTED) {
      const el = input(name);
      const value = byField[name];
      if (!el || !value || (el.value && !autoFilled.current.has(name))) continue;
      if (el.value !== value) any = true;
      el.value = value;
      autoFilled.current.add(name);
    }
    if (any) setFilledFrom(from);
  }
  async function checkDuplicates(email: string) {
    const key = email.trim().toLowerCase();
    if (key === lastAsked.current) return;
    lastAsked.current = key;
    if (!/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(key)) return setMatches([]);
    try {
      const res = await fetch(`/campaigns/${campaign.id}/meetings/duplicates?email=${encodeURIComponent(key)}`, { headers: { Accept: "application/json" } });
      const body = (await res.json()) as { matches?: Match[] };
      if (lastAsked.current === key) setMatches(res.ok ? body.matches ?? [] : []);
    } catch {
      // Offline or signed out: the server still warns about an exact duplicate when the form is sent.
    }
  }
  function onProspectInput(ev: React.FormEvent<HTMLFieldSetElement>) {
    const target = ev.target as HTMLInputElement;
    if ((HINTED as readonly string[]).includes(target.name)) autoFilled.current.delete(target.name);
    if (target.name === "prospectEmail") {
      clearTimeout(emailTimer.current);
      const value = target.value;
      emailTimer.current = setTimeout(() => {
        fill(hintsFromEmail(value), "email");
        void checkDuplicates(value);
      }, 350);
    }
  }
  function onProspectBlur(ev: React.FocusEvent<HTMLFieldSetElement>) {
    const target = ev.target as unknown as HTMLInputElement;
    if (target.name === "prospectEmail") {
      clearTimeout(emailTimer.current);
      fill(hintsFromEmail(target.value), "email");
      void checkDuplicates(target.value);
    }
    if (target.name === "prospectDomain" && target.value) {
      // A pasted website becomes its host; the company and country follow where they are still empty.
      const host = domainFromWebsite(target.value);
      if (host) {
        target.value = host;
        fill({ ...hintsFromDomain(host), domain: undefined }, "website");
      }
    }
  }
  function onChecklistKey(ev: React.KeyboardEvent<HTMLFieldSetElement>) {
    const target = ev.target as HTMLElement;
    if (target instanceof HTMLInputElement && target.type !== "checkbox") return;
    const boxes = Array.from(ev.currentTarget.querySelectorAll<HTMLInputElement>("input[data-criterion]"));
    if (/^[1-9]$/.test(ev.key) && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      const box = boxes[Number(ev.key) - 1];
      if (!box) return;
      ev.preventDefault();
      box.click();
      box.focus();
    } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      const i = boxes.indexOf(target as HTMLInputElement);
      if (i < 0) return;
      ev.preventDefault();
      boxes[Math.min(boxes.length - 1, Math.max(0, i + (ev.key === "ArrowDown" ? 1 : -1)))]?.focus();
    }
  }
  const discoveryErrors = ["discoveryNeed", "discoveryContext", "discoveryBudget", "discoveryTimeline"].flatMap((k) => e(k) ?? []);
  const notesDefault = v("discoveryNotes") ?? [v("discoveryNeed"), v("discoveryContext"), v("discoveryBudget"), v("discoveryTimeline")].filter(Boolean).join("\n");
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
      <div className="flex flex-wrap items-center justify-between gap-2">
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

      <fieldset className="card grid gap-4 md:grid-cols-3" onInput={onProspectInput} onBlur={onProspectBlur}>
        <legend className="px-1 text-sm font-semibold text-slate-700">{t("meetings.form.prospect")}</legend>
        <Field label={t("meetings.form.prospectName")} name="prospectName" required autoFocus maxLength={160} defaultValue={v("prospectName")} errors={e("prospectName")} />
        <Field label={t("meetings.form.prospectTitle")} name="prospectTitle" maxLength={160} defaultValue={v("prospectTitle")} errors={e("prospectTitle")} />
        <div>
          <Field label={t("meetings.form.prospectEmail")} name="prospectEmail" type="email" required defaultValue={v("prospectEmail")} errors={e("prospectEmail")} />
          <div aria-live="polite">
            {filledFrom ? <p className="mt-1 text-xs text-slate-600">{t(filledFrom === "email" ? "meetings.form.filledFromEmail" : "meetings.form.filledFromWebsite")}</p> : null}
            {matches.length ? (
              <div className="mt-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900" data-testid="possible-duplicates">
                <p className="font-medium">{t("meetings.form.duplicateTitle")}</p>
                <ul className="mt-1 space-y-0.5">
                  {matches.map((m) => (
                    <li key={m.id}>
                      <Link to={`/campaigns/${campaign.id}/meetings/${m.id}`} className="underline" target="_blank" rel="noreferrer">
                        {t("meetings.form.duplicateItem", { name: m.prospectName, when: dateTime(m.scheduledAt) })}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        </div>
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
        {defaults ? <p className="text-xs text-slate-500 md:col-span-3">{t("meetings.form.prefilled")}</p> : null}
        {personaVersions.length ? (
          <SelectField
            label={t("meetings.form.personaVersionId")}
            name="personaVersionId"
            required
            options={personaVersions.map((p) => ({ value: p.id, label: `${p.name} (v${p.number})` }))}
            defaultValue={v("personaVersionId") ?? defaults?.personaVersionId ?? (personaVersions.length === 1 ? personaVersions[0].id : "")}
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
        <TimeZoneField inputRef={tzRef} zones={timeZones} defaultValue={v("timeZone") ?? defaults?.timeZone} errors={e("timeZone")} />
        <Field label={t("meetings.form.durationMinutes")} name="durationMinutes" type="number" required defaultValue={v("durationMinutes") ?? defaults?.durationMinutes ?? "30"} errors={e("durationMinutes")} />
        <SelectField
          label={t("meetings.form.channel")}
          name="channel"
          options={CHANNELS.map((c) => ({ value: c, label: t(`meetings.channel.${c}`) }))}
          defaultValue={v("channel") ?? defaults?.channel ?? definition?.allowedChannels[0] ?? "VIDEO"}
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
          defaultValue={v("clientAttendeeId") ?? defaults?.clientAttendeeId}
          errors={e("clientAttendeeId")}
        />
        {replacementsOwed.length ? (
          <div className="md:col-span-2">
            <SelectField
              label={t("meetings.replacesField.label")}
              name="replacesMeetingId"
              emptyLabel={t("meetings.replacesField.none")}
              options={replacementsOwed.map((r) => ({ value: r.id, label: r.label }))}
              defaultValue={v("replacesMeetingId") ?? replaces ?? undefined}
              errors={e("replacesMeetingId")}
            />
            <p className="mt-1 text-xs text-slate-500">{t("meetings.replacesField.hint")}</p>
          </div>
        ) : null}
      </fieldset>

      <fieldset className="card">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t("meetings.form.discovery")}</legend>
        <Field
          label={t("meetings.form.discoveryNotes")}
          name="discoveryNotes"
          multiline
          defaultValue={notesDefault}
          hint={t("meetings.form.discoveryNotesHint")}
          errors={discoveryErrors.length ? discoveryErrors : undefined}
        />
      </fieldset>

      {definition ? (
        <fieldset className="card space-y-3" onKeyDown={onChecklistKey}>
          <legend className="px-1 text-sm font-semibold text-slate-700">{t("meetings.form.checklist", { number: definition.number })}</legend>
          <p className="text-xs text-slate-500">{t("meetings.form.checklistKeys")}</p>
          {definition.criteria.map((c, i) => {
            const key = `check.${c.id}`;
            const checked = data ? v(`${key}.met`) === "on" : false;
            return (
              <div key={c.id} className="grid gap-2 border-b border-slate-100 pb-3 md:grid-cols-[1fr_1fr_1fr]">
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name={`${key}.met`} data-criterion={i + 1} defaultChecked={checked} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
                  <span>
                    {i < 9 ? (
                      <kbd className="mr-1 rounded border border-slate-300 px-1 text-xs text-slate-500" aria-hidden="true">
                        {i + 1}
                      </kbd>
                    ) : null}
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
