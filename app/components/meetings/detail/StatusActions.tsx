import { Form } from "@remix-run/react";
import { Field, FormError } from "~/components/forms/Field";
import { Confirm } from "~/components/forms/Confirm";
import { useT } from "~/utils/i18n";
import type { FormState, MeetingPage } from "./types";

/** Attendance: held, no-show, cancelled, rescheduled (what the actor may do in the meeting's state). */
export function StatusActions({ d, form }: { d: MeetingPage; form: FormState }) {
  const { t } = useT();
  const { m } = d;
  const { errorsFor, valuesFor, busy } = form;
  const statusErrors = errorsFor("status");
  if (!d.statusActions.length) return null;
  return (
    <section className="card space-y-3">
      <h3 className="h2">{t("meetings.statusActions")}</h3>
      {m.status === "SCHEDULED" && d.isPast ? <p className="text-sm text-amber-800">{t("meetings.attendancePast")}</p> : null}
      <FormError errors={statusErrors && !statusErrors.newLocal ? statusErrors : undefined} />
      <div className="flex flex-wrap items-start gap-2">
        {d.statusActions
          .filter((a) => a !== "RESCHEDULE")
          .map((a) => (
            <Form method="post" key={a}>
              <input type="hidden" name="intent" value="status" />
              <input type="hidden" name="action" value={a} />
              <input type="hidden" name="revision" value={m.revision} />
              {a === "CANCELLED" ? (
                <Confirm
                  label={t("meetings.action.CANCELLED")}
                  title={t("meetings.cancelConfirmTitle")}
                  consequence={t("meetings.cancelConsequence")}
                  confirmLabel={t("meetings.cancelConfirm")}
                  tone="danger"
                  disabled={busy}
                />
              ) : (
                <button className="btn-secondary" disabled={busy}>{t(`meetings.action.${a}`)}</button>
              )}
            </Form>
          ))}
      </div>
      {d.statusActions.includes("RESCHEDULE") ? (
        <Form method="post" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="intent" value="status" />
          <input type="hidden" name="action" value="RESCHEDULE" />
          <input type="hidden" name="revision" value={m.revision} />
          <input type="hidden" name="newTimeZone" value={m.timeZone} />
          <div>
            <Field label={`${t("meetings.newTime")} (${m.timeZone})`} name="newLocal" type="datetime-local" defaultValue={valuesFor("status")?.newLocal ?? d.nowLocal} errors={statusErrors?.newLocal} />
          </div>
          <button className="btn-secondary" disabled={busy}>{t("meetings.action.RESCHEDULE")}</button>
        </Form>
      ) : null}
    </section>
  );
}
