import { Form } from "@remix-run/react";
import { CHANNELS, type Channel, type NotificationKind } from "~/domain/notifications/kinds";
import { useT } from "~/utils/i18n";
import type { FieldErrors } from "~/utils/form";

export type PreferenceRow = { kind: NotificationKind; channel: Channel; isDefault: boolean };

/** The profile's notification preferences: one choice per kind of event the role receives, and the digest hour. */
export function PreferencesForm({ kinds, digestHour, timeZone, errors, busy }: { kinds: PreferenceRow[]; digestHour: number; timeZone: string; errors?: FieldErrors; busy: boolean }) {
  const { t } = useT();
  return (
    <section id="notifications" className="card space-y-4" aria-labelledby="notifications-title">
      <h2 id="notifications-title" className="h2">{t("notifications.prefs.title")}</h2>
      <p className="text-sm text-slate-600">{t("notifications.prefs.intro")}</p>
      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="intent" value="notifications" />
        <div className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {kinds.map((row) => {
            const err = errors?.[row.kind];
            return (
              <fieldset key={row.kind} className="flex flex-col gap-2 px-3 py-3 sm:flex-row sm:items-center sm:justify-between" aria-describedby={err ? `pref-${row.kind}-error` : undefined}>
                <legend className="float-left text-sm font-medium text-slate-900 sm:w-64">{t(`notifications.kind.${row.kind}`)}</legend>
                <div className="clear-both flex flex-wrap gap-x-4 gap-y-1 sm:clear-none">
                  {CHANNELS.map((c) => (
                    <label key={c} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
                      <input type="radio" name={row.kind} value={c} defaultChecked={row.channel === c} className="h-4 w-4" />
                      {t(`notifications.channel.${c}`)}
                    </label>
                  ))}
                </div>
                {err ? <p id={`pref-${row.kind}-error`} className="text-sm text-red-700">{t("notifications.prefs.invalid")}</p> : null}
              </fieldset>
            );
          })}
        </div>
        <div>
          <label htmlFor="digestHour" className="block text-sm font-medium text-slate-700">{t("notifications.prefs.digestHour")}</label>
          <select id="digestHour" name="digestHour" defaultValue={String(digestHour)} className="input mt-1 w-32" aria-describedby="digestHour-hint" aria-invalid={errors?.digestHour ? true : undefined}>
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={h}>{`${String(h).padStart(2, "0")}:00`}</option>
            ))}
          </select>
          <p id="digestHour-hint" className="mt-1 text-xs text-slate-500">{t("notifications.prefs.digestHourHint", { timeZone })}</p>
          {errors?.digestHour ? <p className="text-sm text-red-700">{t("notifications.prefs.invalid")}</p> : null}
        </div>
        <button className="btn-primary" disabled={busy}>{t("notifications.prefs.save")}</button>
      </Form>
    </section>
  );
}
