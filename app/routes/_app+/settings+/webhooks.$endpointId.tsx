// Settings > Webhooks > an endpoint: its settings (send a test event, disable/enable, rotate the secret, delete, the
// last three confirmed) and its delivery log: each delivery with its attempts (response code, duration, the answer's
// first characters or the error), and "redeliver". Another tenant's endpoint or delivery is a 404.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import {
  deleteWebhookEndpoint, getWebhookEndpoint, redeliverWebhook, rotateWebhookSecret, sendTestWebhook, setWebhookEndpointEnabled,
} from "~/models/webhooks/endpoints.server";
import { Confirm } from "~/components/forms/Confirm";
import { FormError } from "~/components/forms/Field";
import { SettingsTabs, WebhookSecretOnce, WebhookStatus } from "~/components/webhooks";
import { keyFor } from "~/i18n";
import { useT } from "~/utils/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "webhooks:manage");
  const endpoint = await orResponse(getWebhookEndpoint(actor, params.endpointId ?? ""));
  return json({ endpoint });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "webhooks:manage");
  const formData = await readForm(request);
  const id = params.endpointId ?? "";
  const here = `/settings/webhooks/${id}`;
  try {
    switch (formData.get("intent")) {
      case "test":
        await sendTestWebhook(actor, id);
        return redirectWithToast(here, "webhooks.tested");
      case "enable":
        await setWebhookEndpointEnabled(actor, id, true);
        return redirectWithToast(here, "webhooks.enabled");
      case "disable":
        await setWebhookEndpointEnabled(actor, id, false);
        return redirectWithToast(here, "webhooks.disabled");
      case "rotate": {
        const rotated = await rotateWebhookSecret(actor, id);
        // Not a redirect: the new secret exists only in this answer.
        return json({ ok: true as const, rotated });
      }
      case "delete":
        await deleteWebhookEndpoint(actor, id);
        return redirectWithToast("/settings/webhooks", "webhooks.deleted");
      case "redeliver": {
        // The delivery must belong to this endpoint (and the endpoint to the actor): else a 404.
        await getWebhookEndpoint(actor, id);
        await redeliverWebhook(actor, String(formData.get("deliveryId") ?? ""), id);
        return redirectWithToast(here, "webhooks.redelivered");
      }
      default:
        throw redirect(here);
    }
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function WebhookEndpointPage() {
  const { endpoint: e } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t, dateTime } = useT();
  const errors = data && !data.ok ? data.errors : undefined;
  const eventName = (type: string) => t(keyFor("webhooks.event", type, "common.errors.invalid"));
  return (
    <div className="space-y-6">
      <div>
        <SettingsTabs current="webhooks" />
        <p className="mt-3 text-sm"><Link to="/settings/webhooks" className="link">← {t("webhooks.detail.back")}</Link></p>
        <h1 className="h1 mt-2 break-all">{e.url}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <WebhookStatus enabled={e.enabled} reason={e.disabledReason} />
          <span>{t("webhooks.detail.created", { date: dateTime(e.createdAt) })}</span>
          {e.disabledAt ? <span>{t("webhooks.detail.disabledOn", { date: dateTime(e.disabledAt) })}</span> : null}
          {e.clientCompany ? <span>{t("webhooks.list.client")} {e.clientCompany.name}</span> : null}
        </div>
        {e.description ? <p className="mt-2 max-w-3xl break-words text-slate-700">{e.description}</p> : null}
        <p className="mt-2 break-words font-mono text-xs text-slate-600">{e.events.join(", ")}</p>
      </div>

      {data && data.ok ? <WebhookSecretOnce key={data.rotated.secret} url={data.rotated.url} secret={data.rotated.secret} /> : null}
      <FormError errors={errors} />

      <section className="card flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-start" aria-label={t("webhooks.detail.title")}>
        {e.enabled ? (
          <Form method="post">
            <input type="hidden" name="intent" value="test" />
            <button className="btn-primary" disabled={busy}>{t("webhooks.detail.test")}</button>
          </Form>
        ) : null}
        {e.enabled ? (
          <Form method="post">
            <input type="hidden" name="intent" value="disable" />
            <Confirm label={t("webhooks.detail.disable")} title={t("webhooks.detail.disableTitle")} consequence={t("webhooks.detail.disableConsequence")} confirmLabel={t("webhooks.detail.disableConfirm")} tone="secondary" disabled={busy} />
          </Form>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="enable" />
            <button className="btn-primary" disabled={busy}>{t("webhooks.detail.enable")}</button>
          </Form>
        )}
        <Form method="post">
          <input type="hidden" name="intent" value="rotate" />
          <Confirm label={t("webhooks.detail.rotate")} title={t("webhooks.detail.rotateTitle")} consequence={t("webhooks.detail.rotateConsequence")} confirmLabel={t("webhooks.detail.rotateConfirm")} tone="secondary" disabled={busy} />
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <Confirm label={t("webhooks.detail.delete")} title={t("webhooks.detail.deleteTitle")} consequence={t("webhooks.detail.deleteConsequence")} confirmLabel={t("webhooks.detail.deleteConfirm")} tone="danger" disabled={busy} />
        </Form>
      </section>

      <section className="card min-w-0" aria-labelledby="log-title">
        <h2 id="log-title" className="h2">{t("webhooks.log.title")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("webhooks.log.intro")}</p>
        {e.deliveries.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600">{t("webhooks.log.empty")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200">
            {e.deliveries.map((d) => (
              <li key={d.id} className="space-y-2 py-3" data-delivery={d.id}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="min-w-0">
                    <span className="font-medium text-slate-900">{eventName(d.eventType)}</span>{" "}
                    <code className="break-all text-xs text-slate-500">{d.eventType} · {d.eventId}</code>
                  </p>
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${d.status === "SENT" ? "bg-emerald-100 text-emerald-900" : d.status === "FAILED" ? "bg-red-100 text-red-900" : "bg-amber-100 text-amber-900"}`}>
                    {t(keyFor("webhooks.delivery", d.status, "common.errors.invalid"))}
                  </span>
                </div>
                <p className="text-sm text-slate-600">
                  {t("webhooks.log.created")} {dateTime(d.createdAt)} · {t("webhooks.log.attempts")} {d.attempts}
                  {d.status === "PENDING" && d.attempts > 0 ? ` · ${t("webhooks.log.next", { date: dateTime(d.nextAttemptAt) })}` : ""}
                </p>
                {d.attemptLog.length ? (
                  <div className="overflow-x-auto">
                    <table className="table-cards w-full text-left text-sm [&_tr]:px-0">
                      <thead>
                        <tr className="text-slate-500">
                          <th scope="col" className="py-1 pr-3 font-medium">{t("webhooks.log.at")}</th>
                          <th scope="col" className="py-1 pr-3 font-medium">{t("webhooks.log.code")}</th>
                          <th scope="col" className="py-1 pr-3 font-medium">{t("webhooks.log.duration")}</th>
                          <th scope="col" className="py-1 font-medium">{t("webhooks.log.answer")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {d.attemptLog.map((a) => (
                          <tr key={a.id} className="border-t border-slate-100 align-top">
                            <td className="whitespace-nowrap py-1 pr-3" data-label={t("webhooks.log.at")}>{dateTime(a.at)}</td>
                            <td className={`py-1 pr-3 font-mono ${a.ok ? "text-emerald-800" : "text-red-700"}`} data-label={t("webhooks.log.code")}>{a.responseCode ?? t("webhooks.log.noCode")}</td>
                            <td className="whitespace-nowrap py-1 pr-3" data-label={t("webhooks.log.duration")}>{t("webhooks.log.ms", { ms: a.durationMs })}</td>
                            <td className="break-all py-1 font-mono text-xs text-slate-600" data-label={t("webhooks.log.answer")}>{[a.ok ? null : a.error, a.responseExcerpt].filter(Boolean).join(" · ")}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : null}
                {d.status !== "PENDING" || d.attempts > 0 ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="redeliver" />
                    <input type="hidden" name="deliveryId" value={d.id} />
                    <button className="btn-secondary" disabled={busy || !e.enabled} aria-label={t("webhooks.log.redeliverLabel", { event: d.eventType, id: d.eventId })}>{t("webhooks.log.redeliver")}</button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
