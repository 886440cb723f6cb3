// Settings > API: an agency admin creates keys (name, scopes, client companies), a client admin read-only keys for
// their company; the secret is shown once; each key shows when it was last used and can be revoked (confirmed).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { SecretOnce } from "~/components/forms/CopyField";
import { requireActor } from "~/utils/auth.server";
import { parseForm } from "~/utils/form";
import { actionError, readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { apiKeysPage, createApiKeyFor, revokeApiKeyFor } from "~/models/api/keys.server";
import { apiKeyFormSchema } from "~/domain/api/keys";
import { ErrorList, Field, FormError } from "~/components/forms/Field";
import { SettingsTabs } from "~/components/webhooks";
import { keyFor } from "~/i18n";
import { useT } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "api:keys");
  return json({ ...(await apiKeysPage(actor)), clientName: actor.clientCompanyId ? actor.clientCompanyName : null });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "api:keys");
  const formData = await readForm(request);
  try {
    if (formData.get("intent") === "revoke") {
      await revokeApiKeyFor(actor, String(formData.get("keyId") ?? ""));
      return redirectWithToast("/settings/api", "api.revoked");
    }
    const parsed = parseForm(apiKeyFormSchema, formData, ["scopes", "clientCompanyIds"]);
    if (!parsed.ok) return json(parsed, { status: 400 });
    const { key, token } = await createApiKeyFor(actor, parsed.data);
    // Not a redirect: the secret exists only in this answer.
    return json({ ok: true as const, created: { name: key.name, token } });
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function ApiSettings() {
  const { keys, scopes, clients, clientName } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t, dateTime } = useT();
  const errors = data && !data.ok ? data.errors : undefined;
  const values = data && !data.ok ? data.values : undefined;
  const chosen = (name: string) => {
    const v = values?.[name];
    return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
  };
  return (
    <div className="space-y-6">
      <div>
        <SettingsTabs current="api" />
        <h1 className="h1 mt-3">{t("api.title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-600">{clientName ? t("api.introClient", { client: clientName }) : t("api.intro")}</p>
        <p className="mt-2 flex flex-wrap gap-4 text-sm">
          <Link to="/settings/api/reference" className="link">{t("api.reference")}</Link>
          <a href="/api/v1/openapi.json" className="link">{t("api.openapi")}</a>
        </p>
      </div>

      {data && data.ok ? (
        <SecretOnce
          key={data.created.token}
          title={t("api.created.title", { name: data.created.name })}
          once={t("api.created.once")}
          label={t("api.created.label")}
          value={data.created.token}
          texts={{ copy: t("api.created.copy"), copied: t("api.created.copied"), failed: t("api.created.copyFailed") }}
        />
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <Form method="post" className="card space-y-4 lg:col-span-1" noValidate aria-labelledby="create-title">
          <h2 id="create-title" className="h2">{t("api.create.title")}</h2>
          <FormError errors={errors} />
          <input type="hidden" name="intent" value="create" />
          <Field label={t("api.create.name")} name="name" hint={t("api.create.nameHint")} defaultValue={typeof values?.name === "string" ? values.name : ""} errors={errors?.name} maxLength={80} required />
          <fieldset aria-describedby={errors?.scopes ? "scopes-error" : undefined}>
            <legend className="block text-sm font-medium text-slate-700">{t("api.create.scopes")}</legend>
            <div className="mt-2 space-y-2">
              {scopes.map((s) => (
                <label key={s} className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="scopes" value={s} defaultChecked={chosen("scopes").includes(s)} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
                  <span>
                    {t(keyFor("api.scope", s, "common.errors.invalid"))} <code className="text-xs text-slate-500">{s}</code>
                  </span>
                </label>
              ))}
            </div>
            <ErrorList id="scopes-error" errors={errors?.scopes} />
          </fieldset>
          {clients.length ? (
            <fieldset>
              <legend className="block text-sm font-medium text-slate-700">{t("api.create.clients")}</legend>
              <p className="text-xs text-slate-500">{t("api.create.clientsHint")}</p>
              <div className="mt-2 max-h-48 space-y-2 overflow-y-auto">
                {clients.map((c) => (
                  <label key={c.id} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="clientCompanyIds" value={c.id} defaultChecked={chosen("clientCompanyIds").includes(c.id)} className="h-4 w-4 rounded border-slate-300" />
                    <span>{c.name}</span>
                  </label>
                ))}
              </div>
              <ErrorList errors={errors?.clientCompanyIds} />
            </fieldset>
          ) : null}
          <button className="btn-primary" disabled={busy}>{t("api.create.submit")}</button>
        </Form>

        <section className="card lg:col-span-2" aria-labelledby="keys-title">
          <h2 id="keys-title" className="h2">{t("api.list.title")}</h2>
          {keys.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t("api.list.empty")}</p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-200">
              {keys.map((k) => (
                <li key={k.id} className="space-y-2 py-3">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p className="min-w-0 break-words font-medium text-slate-900">
                      {k.name} <code className="text-xs text-slate-500">{k.prefix}…</code>
                    </p>
                    <span className={`text-xs font-medium ${k.revokedAt ? "text-slate-500" : "text-emerald-700"}`}>
                      {k.revokedAt ? t("api.list.revokedOn", { date: dateTime(k.revokedAt) }) : t("api.list.active")}
                    </span>
                  </div>
                  <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
                    <div>
                      <dt className="inline text-slate-500">{t("api.list.scopes")}</dt>{" "}
                      <dd className="inline break-words">{k.scopes.join(", ")}</dd>
                    </div>
                    <div>
                      <dt className="inline text-slate-500">{t("api.list.clients")}</dt>{" "}
                      <dd className="inline">{k.clients.length ? k.clients.join(", ") : t("api.list.allClients")}</dd>
                    </div>
                    <div>
                      <dt className="inline text-slate-500">{t("api.list.created")}</dt>{" "}
                      <dd className="inline">
                        {dateTime(k.createdAt)}
                        {k.createdBy ? ` ${t("api.list.by", { name: k.createdBy })}` : ""}
                      </dd>
                    </div>
                    <div>
                      <dt className="inline text-slate-500">{t("api.list.lastUsed")}</dt>{" "}
                      <dd className="inline">{k.lastUsedAt ? dateTime(k.lastUsedAt) : t("api.list.never")}</dd>
                    </div>
                  </dl>
                  {k.revokedAt ? null : (
                    <details className="text-sm">
                      <summary className="btn-danger inline-flex cursor-pointer list-none">{t("api.revoke.button")}</summary>
                      <Form method="post" className="mt-2 space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="keyId" value={k.id} />
                        <p className="text-red-900">{t("api.revoke.confirm", { name: k.name })}</p>
                        <button className="btn-danger" disabled={busy}>{t("api.revoke.submit")}</button>
                      </Form>
                    </details>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
