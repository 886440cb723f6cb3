// Settings > Webhooks: an agency admin (and a client admin, for their company's events) lists endpoints with their
// last delivery and failure streak, and adds one: the URL is checked by the SSRF guard (a refusal next to the field),
// the events are chosen from the catalogue, and the signing secret is shown once.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { parseForm } from "~/utils/form";
import { actionError, readForm } from "~/utils/http.server";
import { createWebhookEndpoint, listWebhookEndpoints } from "~/models/webhooks/endpoints.server";
import { allowedEvents, webhookEndpointFormSchema } from "~/domain/webhooks/events";
import { ErrorList, Field, FormError } from "~/components/forms/Field";
import { WebhookSecretOnce, WebhookStatus, SettingsTabs } from "~/components/webhooks";
import { keyFor } from "~/i18n";
import { useT } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "webhooks:manage");
  const endpoints = await listWebhookEndpoints(actor);
  return json({ endpoints, events: allowedEvents(actor.clientCompanyId !== null), clientName: actor.clientCompanyId ? actor.clientCompanyName : null });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "webhooks:manage");
  const formData = await readForm(request);
  try {
    const parsed = parseForm(webhookEndpointFormSchema, formData, ["events"]);
    if (!parsed.ok) return json(parsed, { status: 400 });
    const { id, secret } = await createWebhookEndpoint(actor, parsed.data);
    // Not a redirect: the secret exists only in this answer.
    return json({ ok: true as const, created: { id, url: parsed.data.url.trim(), secret } });
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function WebhookSettings() {
  const { endpoints, events, clientName } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t, dateTime } = useT();
  const errors = data && !data.ok ? data.errors : undefined;
  const values = data && !data.ok ? data.values : undefined;
  const chosen = typeof values?.events === "string" ? values.events.split(",") : [];
  return (
    <div className="space-y-6">
      <div>
        <SettingsTabs current="webhooks" />
        <h1 className="h1 mt-3">{t("webhooks.title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-600">{clientName ? t("webhooks.introClient", { client: clientName }) : t("webhooks.intro")}</p>
      </div>

      {data && data.ok ? (
        <WebhookSecretOnce key={data.created.secret} url={data.created.url} secret={data.created.secret} href={`/settings/webhooks/${data.created.id}`} />
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <Form method="post" className="card min-w-0 space-y-4 lg:col-span-1" noValidate aria-labelledby="create-title">
          <h2 id="create-title" className="h2">{t("webhooks.create.title")}</h2>
          <FormError errors={errors} />
          <Field label={t("webhooks.create.url")} name="url" type="url" hint={t("webhooks.create.urlHint")} defaultValue={values?.url ?? ""} errors={errors?.url} maxLength={2000} required autoComplete="off" />
          <Field label={t("webhooks.create.description")} name="description" hint={t("webhooks.create.descriptionHint")} defaultValue={values?.description ?? ""} errors={errors?.description} maxLength={200} />
          <fieldset aria-describedby={errors?.events ? "events-error" : undefined}>
            <legend className="block text-sm font-medium text-slate-700">{t("webhooks.create.events")}</legend>
            <div className="mt-2 space-y-2">
              {events.map((e) => (
                <label key={e} className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="events" value={e} defaultChecked={chosen.includes(e)} className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300" />
                  <span className="min-w-0">
                    {t(keyFor("webhooks.event", e, "common.errors.invalid"))} <code className="inline-block max-w-full whitespace-nowrap text-xs text-slate-500">{e}</code>
                  </span>
                </label>
              ))}
            </div>
            <ErrorList id="events-error" errors={errors?.events} />
          </fieldset>
          <button className="btn-primary" disabled={busy}>{t("webhooks.create.submit")}</button>
        </Form>

        <section className="card min-w-0 lg:col-span-2" aria-labelledby="endpoints-title">
          <h2 id="endpoints-title" className="h2">{t("webhooks.list.title")}</h2>
          {endpoints.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t("webhooks.list.empty")}</p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-200">
              {endpoints.map((e) => (
                <li key={e.id} className="space-y-2 py-3">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p className="min-w-0 break-all font-medium text-slate-900">
                      <Link to={`/settings/webhooks/${e.id}`} className="link">{e.url}</Link>
                    </p>
                    <WebhookStatus enabled={e.enabled} reason={e.disabledReason} />
                  </div>
                  {e.description ? <p className="break-words text-sm text-slate-600">{e.description}</p> : null}
                  <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
                    <div className="sm:col-span-2">
                      <dt className="inline text-slate-500">{t("webhooks.list.events")}</dt>{" "}
                      <dd className="inline break-words font-mono text-xs">{e.events.join(", ")}</dd>
                    </div>
                    {e.clientCompany ? (
                      <div>
                        <dt className="inline text-slate-500">{t("webhooks.list.client")}</dt> <dd className="inline">{e.clientCompany.name}</dd>
                      </div>
                    ) : null}
                    <div>
                      <dt className="inline text-slate-500">{t("webhooks.list.lastDelivery")}</dt>{" "}
                      <dd className="inline">
                        {e.lastDelivery?.lastAttemptAt
                          ? `${dateTime(e.lastDelivery.lastAttemptAt)} · ${t(keyFor("webhooks.delivery", e.lastDelivery.status, "common.errors.invalid"))}${e.lastDelivery.lastResponseCode ? ` (${e.lastDelivery.lastResponseCode})` : ""}`
                          : t("webhooks.list.none")}
                      </dd>
                    </div>
                    <div>
                      <dt className="inline text-slate-500">{t("webhooks.list.streak")}</dt>{" "}
                      <dd className={`inline ${e.failureStreak ? "font-medium text-red-700" : ""}`}>
                        {e.failureStreak}
                        {e.failingSince ? ` (${t("webhooks.list.failingSince", { date: dateTime(e.failingSince) })})` : ""}
                      </dd>
                    </div>
                  </dl>
                  <Link to={`/settings/webhooks/${e.id}`} className="link text-sm">{t("webhooks.list.open")}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
