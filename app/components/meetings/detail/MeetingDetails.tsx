import { Form } from "@remix-run/react";
import { Field, FormError } from "~/components/forms/Field";
import { CHANNELS } from "~/domain/shared/constants";
import { useT } from "~/utils/i18n";
import type { FormState, MeetingPage, MeetingView } from "./types";

/** Who the prospect is, what was logged, and (for the agency, until the client reviews) the form to correct it. */
export function MeetingDetails({ d, form }: { d: MeetingPage; form: FormState }) {
  const { t } = useT();
  const { m } = d;
  const { errorsFor, valuesFor, busy } = form;
  return (
  <section className="card space-y-3">
    <h3 className="h2">{t("meetings.details")}</h3>
    <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-2">
      <Item label={t("meetings.form.prospectTitle")} value={m.prospectTitle} />
      <Item label={t("meetings.company")} value={[m.prospectCompany, m.prospectDomain].filter(Boolean).join(" · ")} />
      <Item label={t("meetings.form.prospectEmail")} value={m.prospectEmail} />
      <Item label={t("meetings.form.prospectPhone")} value={m.prospectPhone} />
      <Item label={t("meetings.form.prospectCompanySize")} value={m.prospectCompanySize} />
      <Item label={t("meetings.form.prospectIndustry")} value={[m.prospectIndustry, m.prospectCountry].filter(Boolean).join(" · ")} />
      {m.prospectLinkedinUrl ? (
        <div>
          <dt className="text-slate-500">LinkedIn</dt>
          <dd><a href={m.prospectLinkedinUrl} className="link" rel="noreferrer noopener" target="_blank">{m.prospectLinkedinUrl}</a></dd>
        </div>
      ) : null}
      <Item label={t("meetings.location")} value={m.location} />
      <Item label={t("meetings.sdr")} value={m.sdr.name} />
      <Item label={t("meetings.attendee")} value={m.clientAttendee?.name} />
      <Item label={t("meetings.persona")} value={`${m.personaVersion.name} (v${m.personaVersion.number})`} />
    </dl>
    <p className="text-xs text-slate-500">{t("meetings.bookedUnder", { persona: m.personaVersion.number, definition: m.definitionVersion.number })}</p>
    <div className="grid gap-3 sm:grid-cols-2">
      {(["discoveryNeed", "discoveryContext", "discoveryBudget", "discoveryTimeline"] as const).map((k) =>
        m[k] ? (
          <div key={k}>
            <p className="text-sm font-medium text-slate-700">{t(`meetings.form.${k}`)}</p>
            <p className="whitespace-pre-line text-sm">{m[k]}</p>
          </div>
        ) : null,
      )}
    </div>
    {d.canEdit ? <EditDetails m={m} clientUsers={d.clientUsers} errors={errorsFor("edit")} values={valuesFor("edit")} busy={busy} /> : null}
  </section>
  );
}

function EditDetails({ m, clientUsers, errors, values, busy }: { m: MeetingView; clientUsers: { id: string; name: string }[]; errors?: Record<string, string[]>; values?: Record<string, string>; busy: boolean }) {
  const { t } = useT();
  const v = (k: keyof typeof m & string) => values?.[k] ?? (m[k] === null || m[k] === undefined ? "" : String(m[k]));
  const text = ["prospectName", "prospectTitle", "prospectEmail", "prospectPhone", "prospectCompany", "prospectDomain", "prospectCompanySize", "prospectIndustry", "prospectCountry", "prospectLinkedinUrl"] as const;
  return (
    <details className="border-t border-slate-100 pt-3" open={Boolean(errors)}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("meetings.edit")}</summary>
      <Form method="post" className="mt-3 space-y-3" noValidate>
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="revision" value={m.revision} />
        <FormError errors={errors} />
        <div className="grid gap-3 sm:grid-cols-2">
          {text.map((k) => (
            <Field key={k} label={t(`meetings.form.${k}`)} name={k} defaultValue={v(k)} errors={errors?.[k]} />
          ))}
          <Field label={t("meetings.form.durationMinutes")} name="durationMinutes" type="number" defaultValue={v("durationMinutes")} errors={errors?.durationMinutes} />
          <div>
            <label htmlFor="edit-channel" className="block text-sm font-medium text-slate-700">{t("meetings.form.channel")}</label>
            <select id="edit-channel" name="channel" defaultValue={v("channel")} className="input mt-1">
              {CHANNELS.map((c) => (
                <option key={c} value={c}>{t(`meetings.channel.${c}`)}</option>
              ))}
            </select>
          </div>
        </div>
        <Field label={t("meetings.form.location")} name="location" defaultValue={v("location")} errors={errors?.location} />
        <div>
          <label htmlFor="edit-clientAttendeeId" className="block text-sm font-medium text-slate-700">{t("meetings.attendee")}</label>
          <select id="edit-clientAttendeeId" name="clientAttendeeId" defaultValue={values?.clientAttendeeId ?? m.clientAttendeeId ?? ""} className="input mt-1">
            <option value="">{t("common.none")}</option>
            {clientUsers.map((u) => (
              <option key={u.id} value={u.id}>{u.name}</option>
            ))}
          </select>
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          {(["discoveryNeed", "discoveryContext", "discoveryBudget", "discoveryTimeline"] as const).map((k) => (
            <Field key={k} label={t(`meetings.form.${k}`)} name={k} multiline defaultValue={v(k)} errors={errors?.[k]} />
          ))}
        </div>
        <button className="btn-secondary" disabled={busy}>{t("common.save")}</button>
      </Form>
    </details>
  );
}

export function Item({ label, value }: { label: string; value?: string | null }) {
  if (!value) return null;
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
