// Pieces of the webhooks settings pages: the API/webhooks tabs, an endpoint's status, the secret shown once.
import { Link, NavLink } from "@remix-run/react";
import { useState } from "react";
import { useT } from "~/utils/i18n";

/** The two integration pages (API keys, webhooks): the same people manage both. */
export function SettingsTabs({ current }: { current: "api" | "webhooks" }) {
  const { t } = useT();
  const tab = (active: boolean) => `rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`;
  return (
    <nav aria-label={t("api.link")} className="flex flex-wrap gap-2">
      <NavLink to="/settings/api" end className={tab(current === "api")} aria-current={current === "api" ? "page" : undefined}>{t("webhooks.apiLink")}</NavLink>
      <NavLink to="/settings/webhooks" className={tab(current === "webhooks")} aria-current={current === "webhooks" ? "page" : undefined}>{t("webhooks.link")}</NavLink>
    </nav>
  );
}

export function WebhookStatus({ enabled, reason }: { enabled: boolean; reason: string | null }) {
  const { t } = useT();
  if (enabled) return <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900">{t("webhooks.status.enabled")}</span>;
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${reason === "failing" ? "bg-red-100 text-red-900" : "bg-slate-200 text-slate-800"}`}>
      {reason === "failing" ? t("webhooks.status.failing") : t("webhooks.status.disabled")}
    </span>
  );
}

/** The signing secret, in the answer that created (or rotated) it and nowhere else. */
export function SecretOnce({ url, secret, href }: { url: string; secret: string; href?: string }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  return (
    <section className="card space-y-3 border-emerald-300 bg-emerald-50" aria-labelledby="secret-title" role="status">
      <h2 id="secret-title" className="h2 break-all">{t("webhooks.secret.title", { url })}</h2>
      <p className="text-sm text-slate-700">{t("webhooks.secret.once")}</p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1">
          <label htmlFor="new-secret" className="block text-sm font-medium text-slate-700">{t("webhooks.secret.label")}</label>
          <input id="new-secret" readOnly value={secret} className="input mt-1 font-mono" onFocus={(e) => e.currentTarget.select()} />
        </div>
        <button
          type="button"
          className="btn-secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
          }}
        >
          {copied ? t("webhooks.secret.copied") : t("webhooks.secret.copy")}
        </button>
      </div>
      {href ? <Link to={href} className="link text-sm">{t("webhooks.list.open")}</Link> : null}
    </section>
  );
}
