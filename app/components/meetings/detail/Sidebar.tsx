import { Form } from "@remix-run/react";
import { Field } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";
import { formatDate, formatDateTime, isMessageKey, keyFor } from "~/i18n";
import type { FormState, MeetingPage } from "./types";

/** Agency-internal notes and the meeting's history. */
export function Sidebar({ d, form }: { d: MeetingPage; form: FormState }) {
  const { t, locale, timeZone } = useT();
  const { m } = d;
  const { errorsFor, valuesFor, busy } = form;
  return (
  <aside className="space-y-6">
    {d.agency && m.internalNotes !== null ? (
      <section className="card space-y-2">
        <Form method="post" className="space-y-2">
          <input type="hidden" name="intent" value="notes" />
          <Field label={t("meetings.internalNotes")} hint={t("meetings.internalNotesHint")} name="internalNotes" multiline defaultValue={valuesFor("notes")?.internalNotes ?? m.internalNotes} errors={errorsFor("notes")?.internalNotes} />
          <button className="btn-secondary" disabled={busy}>{t("common.save")}</button>
        </Form>
      </section>
    ) : null}
    <section className="card">
      <h3 className="font-medium">{t("meetings.history")}</h3>
      <ol className="mt-3 space-y-3 text-sm">
        {m.events.map((e) => (
          <li key={e.id}>
            <p className="font-medium">{eventText(t, e, m.timeZone, locale)}</p>
            <p className="text-xs text-slate-500">{e.actor?.name ?? t("meetings.system")} · {formatDateTime(locale, e.createdAt, timeZone)}</p>
          </li>
        ))}
      </ol>
    </section>
  </aside>
  );
}

function eventText(t: ReturnType<typeof useT>["t"], e: { type: string; from: string | null; to: string | null }, timeZone: string, locale: "en" | "fr") {
  const label = (v: string | null) => {
    if (!v) return "";
    if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDate(locale, v, { dateStyle: "medium", timeStyle: "short", timeZone });
    const status = `meetings.status.${v}`;
    if (isMessageKey(status)) return t(status);
    const verdict = `meetings.verdict.${v}`;
    if (isMessageKey(verdict)) return t(verdict);
    return v;
  };
  return t(keyFor("meetings.event", e.type, "meetings.event.other"), { from: label(e.from), to: label(e.to) });
}
