import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireActor, signOut } from "~/utils/auth.server";
import { actionError, appOrigin, readForm } from "~/utils/http.server";
import { failure, parseForm } from "~/utils/form";
import { password } from "~/domain/shared/validation";
import { redirectWithToast } from "~/utils/toast.server";
import { changeMyPassword, listMySessions, revokeMyOtherSessions, revokeMySession } from "~/models/sessions/sessions.server";
import { hasCalendarFeed } from "~/models/meetings/calendar.server";
import { Field, FormError, SelectField } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";
import { LocalTime } from "~/components/security/LocalTime";
import { DEFAULT_TIME_ZONE, isValidTimeZone, timeZones } from "~/domain/shared/timezone";
import { setUserTimeZone } from "~/models/user.server";
import { myPreferences, saveMyPreferences } from "~/models/notifications/preferences.server";
import { CHANNELS, kindsFor } from "~/domain/notifications/kinds";
import type { Role } from "~/domain/shared/permissions";
import { PreferencesForm } from "~/components/notifications/PreferencesForm";

export const meta: MetaFunction = () => [{ title: "Rendezvous · Profile" }];

const passwordSchema = z
  .object({ current: z.string({ error: "common.errors.required" }).min(1, { error: "common.errors.required" }).max(200, { error: "common.errors.tooLong|max=200" }), password, confirm: z.string({ error: "common.errors.required" }) })
  .refine((v) => v.password === v.confirm, { error: "auth.errors.passwordMismatch", path: ["confirm"] });
const sessionSchema = z.object({ sessionId: z.string().min(1).max(40) });
const timeZoneSchema = z.object({
  timeZone: z.string({ error: "common.errors.required" }).trim().max(64, { error: "meetings.errors.timeZone" }).refine(isValidTimeZone, { error: "meetings.errors.timeZone" }),
});

/** The notification preferences form of a role: one channel per kind it receives, and the digest hour. */
function preferencesSchema(role: Role) {
  const channel = z.enum(CHANNELS, { error: "notifications.prefs.invalid" });
  return z.object({
    ...Object.fromEntries(kindsFor(role).map((k) => [k, channel])),
    digestHour: z.coerce.number({ error: "notifications.prefs.invalid" }).int({ error: "notifications.prefs.invalid" }).min(0, { error: "notifications.prefs.invalid" }).max(23, { error: "notifications.prefs.invalid" }),
  }) as unknown as z.ZodType<Record<string, "EMAIL" | "DIGEST" | "IN_APP"> & { digestHour: number }>;
}

/** Your own account: where you are signed in (revoke any of it), your password, your time zone, your calendar link. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const [sessions, calendar, preferences] = await Promise.all([listMySessions(actor), hasCalendarFeed(actor), myPreferences(actor)]);
  // The zones are listed by the server, so the browser renders the same options (its own list may differ).
  return json({ name: actor.name, email: actor.email, sessions, calendar, timeZone: actor.timeZone ?? DEFAULT_TIME_ZONE, timeZones: timeZones(), preferences });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  try {
    switch (intent) {
      case "revoke": {
        const p = parseForm(sessionSchema, formData);
        if (!p.ok) return json({ ...p, intent: "revoke" as const }, { status: 400 });
        const { current } = await revokeMySession(actor, p.data.sessionId);
        if (current) return redirect("/login", { headers: { "Set-Cookie": await signOut(request) } });
        return redirectWithToast("/profile", "security.profile.revoked");
      }
      case "revokeOthers":
        await revokeMyOtherSessions(actor);
        return redirectWithToast("/profile", "security.profile.revokedOthers");
      case "password": {
        const p = parseForm(passwordSchema, formData);
        if (!p.ok) return json({ ...p, intent: "password" as const }, { status: 400 });
        await changeMyPassword(actor, p.data.current, p.data.password);
        return redirectWithToast("/profile", "security.profile.passwordChanged");
      }
      case "timeZone": {
        const p = parseForm(timeZoneSchema, formData);
        if (!p.ok) return json({ ...p, intent: "timeZone" as const }, { status: 400 });
        await setUserTimeZone(actor, p.data.timeZone);
        return redirectWithToast("/profile", "security.profile.timeZoneSaved");
      }
      case "notifications": {
        const p = parseForm(preferencesSchema(actor.role), formData);
        if (!p.ok) return json({ ...p, intent: "notifications" as const }, { status: 400 });
        const { digestHour, ...choices } = p.data;
        await saveMyPreferences(actor, choices, digestHour);
        return redirectWithToast("/profile#notifications", "notifications.prefs.saved");
      }
      default:
        return json({ ...failure(formData, { _form: ["common.errors.invalid"] }), intent: "unknown" as const }, { status: 400 });
    }
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function Profile() {
  const { name, email, sessions, calendar, timeZone, timeZones: timeZoneList, preferences } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useT();
  const busy = navigation.state === "submitting";
  const timeZoneErrors = data && !data.ok && "intent" in data && data.intent === "timeZone" ? data.errors.timeZone : undefined;
  const passwordErrors = data && !data.ok && (!("intent" in data) || data.intent === "password") ? data.errors : undefined;
  const preferenceErrors = data && !data.ok && "intent" in data && data.intent === "notifications" ? data.errors : undefined;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="h1">{t("security.profile.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {name} · <span className="break-all">{email}</span>
        </p>
      </div>

      <section className="card space-y-4" aria-labelledby="sessions-title">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="sessions-title" className="h2">{t("security.profile.sessions")}</h2>
          {sessions.length > 1 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="revokeOthers" />
              <button className="btn-secondary" disabled={busy}>{t("security.profile.revokeOthers")}</button>
            </Form>
          ) : null}
        </div>
        <p className="text-sm text-slate-600">{t("security.profile.sessionsHint")}</p>
        <ul className="divide-y divide-slate-200">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">
                  {s.browser && s.os
                    ? t("security.profile.device", { browser: s.browser, os: s.os })
                    : s.browser ?? s.os ?? t("security.profile.unknownDevice")}
                  {s.current ? <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">{t("security.profile.thisBrowser")}</span> : null}
                </p>
                <p className="text-sm text-slate-600">
                  {t("security.profile.lastSeen")} <LocalTime locale={locale} value={s.lastSeenAt} /> · {t("security.profile.signedIn")} <LocalTime locale={locale} value={s.createdAt} />
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="sessionId" value={s.id} />
                <button className="btn-secondary" disabled={busy} aria-label={s.current ? t("security.profile.signOutHere") : t("security.profile.revokeOne", { device: s.browser && s.os ? t("security.profile.device", { browser: s.browser, os: s.os }) : t("security.profile.unknownDevice") })}>
                  {s.current ? t("security.profile.signOutHere") : t("security.profile.revoke")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>

      <section className="card space-y-4" aria-labelledby="password-title">
        <h2 id="password-title" className="h2">{t("security.profile.password")}</h2>
        <p className="text-sm text-slate-600">{t("security.profile.passwordHint")}</p>
        <Form method="post" className="max-w-sm space-y-4" noValidate>
          <input type="hidden" name="intent" value="password" />
          <FormError errors={passwordErrors} />
          <Field label={t("security.profile.currentPassword")} name="current" type="password" autoComplete="current-password" required errors={passwordErrors?.current} />
          <Field label={t("auth.reset.password")} name="password" type="password" autoComplete="new-password" required errors={passwordErrors?.password} />
          <Field label={t("auth.reset.confirm")} name="confirm" type="password" autoComplete="new-password" required errors={passwordErrors?.confirm} />
          <button className="btn-primary" disabled={busy}>{t("security.profile.changePassword")}</button>
        </Form>
      </section>

      <section className="card space-y-3" aria-labelledby="timezone-title">
        <h2 id="timezone-title" className="h2">{t("security.profile.timeZoneTitle")}</h2>
        <p className="text-sm text-slate-600">{t("security.profile.timeZoneHint")}</p>
        <Form method="post" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="timeZone" />
          <div className="min-w-0 flex-1 sm:max-w-sm">
            <SelectField
              label={t("security.profile.timeZoneLabel")}
              name="timeZone"
              options={timeZoneList.map((z) => ({ value: z, label: z.replace(/_/g, " ") }))}
              defaultValue={timeZone}
              errors={timeZoneErrors}
            />
          </div>
          <button className="btn-secondary" disabled={busy}>{t("common.save")}</button>
        </Form>
      </section>

      <PreferencesForm kinds={preferences.kinds} digestHour={preferences.digestHour} timeZone={timeZone} errors={preferenceErrors} busy={busy} />

      <section className="card space-y-3" aria-labelledby="calendar-title">
        <h2 id="calendar-title" className="h2">{t("meetings.calendar")}</h2>
        <p className="text-sm text-slate-600">{t("security.profile.calendarHint")}</p>
        <Link to="/calendar" className="btn-secondary inline-flex">{calendar ? t("meetings.calendarReset") : t("meetings.calendarCreate")}</Link>
      </section>
    </div>
  );
}
