import { Form, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useT } from "~/utils/i18n";

type MenuUser = { name: string; role: string; organization: string; nav: { settings: boolean; api: boolean } };

/**
 * The signed-in user's menu in the header: their name (and, from a tablet up, their role and organisation) opens their
 * profile, the agency settings and API pages they may use, and sign-out. A native disclosure: it opens before
 * JavaScript loads; once loaded, it closes on navigation, on Escape and on a click elsewhere.
 */
export function UserMenu({ user }: { user: MenuUser }) {
  const { t } = useT();
  const ref = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [location.pathname, location.search]);
  useEffect(() => {
    const close = (e: Event) => {
      const el = ref.current;
      if (!el?.open) return;
      if (e instanceof KeyboardEvent) {
        if (e.key !== "Escape") return;
        el.open = false;
        el.querySelector("summary")?.focus();
        return;
      }
      if (!el.contains(e.target as Node)) el.open = false;
    };
    document.addEventListener("click", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("click", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  const item = ({ isActive }: { isActive: boolean }) =>
    `block rounded-md px-3 py-2 text-sm ${isActive ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"}`;
  return (
    <details ref={ref} className="relative" data-testid="user-menu">
      <summary
        className="flex max-w-[11rem] cursor-pointer list-none items-center gap-1 rounded-md px-2 py-1 text-right text-sm hover:bg-slate-100 sm:max-w-[14rem] [&::-webkit-details-marker]:hidden"
        aria-label={t("common.userMenu", { name: user.name })}
      >
        <span className="min-w-0">
          <span className="block truncate font-medium text-slate-900">{user.name}</span>
          <span className="hidden truncate text-xs text-slate-500 sm:block">
            {t(`common.role.${user.role}` as "common.role.SDR")} · {user.organization}
          </span>
        </span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0 fill-slate-500">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </summary>
      <div className="absolute right-0 z-30 mt-2 w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        <p className="border-b border-slate-100 px-3 py-2 text-xs text-slate-500 sm:hidden">
          {t(`common.role.${user.role}` as "common.role.SDR")} · {user.organization}
        </p>
        <NavLink to="/profile" className={item}>{t("security.profile.link")}</NavLink>
        {user.nav.settings ? <NavLink to="/settings/agency" className={item}>{t("settings.link")}</NavLink> : null}
        {user.nav.api ? <NavLink to="/settings/api" className={item}>{t("api.link")}</NavLink> : null}
        <Form method="post" action="/logout" className="border-t border-slate-100 pt-1">
          <button className="block w-full rounded-md px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100">{t("common.signOut")}</button>
        </Form>
      </div>
    </details>
  );
}
