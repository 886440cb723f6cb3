// Pieces of the webhooks settings pages: the API/webhooks tabs, an endpoint's status, the secret shown once (~/components/forms/CopyField).
import { Link, NavLink } from "@remix-run/react";
import { SecretOnce } from "~/components/forms/CopyField";
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
export function WebhookSecretOnce({ url, secret, href }: { url: string; secret: string; href?: string }) {
  const { t } = useT();
  return (
    <SecretOnce
      title={t("webhooks.secret.title", { url })}
      once={t("webhooks.secret.once")}
      label={t("webhooks.secret.label")}
      value={secret}
      texts={{ copy: t("webhooks.secret.copy"), copied: t("webhooks.secret.copied"), failed: t("webhooks.secret.copyFailed") }}
    >
      {href ? <Link to={href} className="link text-sm">{t("webhooks.list.open")}</Link> : null}
    </SecretOnce>
  );
}
