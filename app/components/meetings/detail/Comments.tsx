import { Form } from "@remix-run/react";
import { Field } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";
import { formatDateTime } from "~/i18n";
import type { FormState, MeetingPage } from "./types";

/** The meeting's thread; internal comments (agency only) are marked. */
export function Comments({ d, form }: { d: MeetingPage; form: FormState }) {
  const { t, locale, timeZone } = useT();
  const { m } = d;
  const { errorsFor, valuesFor, busy } = form;
  return (
  <section className="card space-y-3">
    <h3 className="h2">{t("meetings.comments")}</h3>
    {m.comments.length ? (
      <ul className="space-y-3 text-sm">
        {m.comments.map((c) => (
          <li key={c.id} className={c.internal ? "rounded-md border border-amber-200 bg-amber-50 p-2" : ""}>
            <p className="text-xs text-slate-500">
              {c.author?.name ?? t("meetings.system")} · {formatDateTime(locale, c.createdAt, timeZone)}
              {c.internal ? <span className="badge ml-2 bg-amber-100 text-amber-800">{t("meetings.internalBadge")}</span> : null}
            </p>
            <p className="whitespace-pre-line">{c.body}</p>
          </li>
        ))}
      </ul>
    ) : (
      <p className="text-sm text-slate-500">{t("meetings.noComments")}</p>
    )}
    {d.canComment ? (
      <Form method="post" className="space-y-2">
        <input type="hidden" name="intent" value="comment" />
        <Field label={t("meetings.commentBody")} name="body" multiline defaultValue={valuesFor("comment")?.body} errors={errorsFor("comment")?.body} />
        {d.agency ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="internal" className="h-4 w-4 rounded border-slate-300" />
            {t("meetings.internal")}
          </label>
        ) : null}
        <button className="btn-secondary" disabled={busy}>{t("meetings.addComment")}</button>
      </Form>
    ) : null}
  </section>
  );
}
