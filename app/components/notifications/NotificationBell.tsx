// The inbox in the header: a bell with the unread count (kept fresh by polling a tiny resource route with an ETag,
// so a poll when nothing changed is a 304), a panel with the latest, mark all read, and a link to the full list.
import { Form, Link, useFetcher, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useT } from "~/utils/i18n";
import type { NotificationItem } from "./NotificationList";
import { NotificationList } from "./NotificationList";

const POLL_MS = 20_000;

export function NotificationBell() {
  const layout = useRouteLoaderData("routes/_app+/_layout") as { unread?: number } | undefined;
  if (!layout || typeof layout.unread !== "number") return null;
  return <Bell initial={layout.unread} />;
}

function Bell({ initial }: { initial: number }) {
  const { t } = useT();
  const location = useLocation();
  const [count, setCount] = useState(initial);
  const [open, setOpen] = useState(false);
  const panel = useFetcher<{ items: NotificationItem[]; unread: number }>();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => setCount(initial), [initial]);

  const poll = useCallback(async () => {
    try {
      const res = await fetch("/inbox/unread", { cache: "no-cache", credentials: "same-origin", headers: { Accept: "application/json" } });
      if (!res.ok) return;
      const data = (await res.json()) as { count: number };
      setCount(data.count);
    } catch {
      // offline for a moment: the next poll tries again
    }
  }, []);

  useEffect(() => {
    const id = window.setInterval(() => {
      if (document.visibilityState === "visible") void poll();
    }, POLL_MS);
    const onVisible = () => document.visibilityState === "visible" && void poll();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(id);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [poll]);

  // A page change may have read one (opening it): ask again, and close the panel.
  useEffect(() => {
    setOpen(false);
    void poll();
  }, [location.pathname, location.search, poll]);

  useEffect(() => {
    if (panel.data) setCount(panel.data.unread);
  }, [panel.data]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    const onClick = (e: MouseEvent) => root.current && !root.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next) panel.load("/notifications?panel=1&take=8");
  };

  const label = count > 0 ? t("notifications.bell.unread", { count }) : t("notifications.bell.label");
  return (
    // Narrow screens: the panel hangs below the whole header (positioned against it), full width, never over it;
    // from sm up it hangs below the bell.
    <div ref={root} className="sm:relative">
      <button
        type="button"
        onClick={toggle}
        aria-expanded={open}
        aria-controls="notification-panel"
        aria-label={label}
        title={label}
        data-testid="notification-bell"
        className="relative rounded-md p-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" className="h-5 w-5">
          <path strokeLinecap="round" strokeLinejoin="round" d="M14.857 17.082a23.848 23.848 0 0 0 5.454-1.31A8.967 8.967 0 0 1 18 9.75V9A6 6 0 0 0 6 9v.75a8.967 8.967 0 0 1-2.312 6.022c1.733.64 3.56 1.085 5.455 1.31m5.714 0a24.255 24.255 0 0 1-5.714 0m5.714 0a3 3 0 1 1-5.714 0" />
        </svg>
        {count > 0 ? (
          <span data-testid="notification-count" className="absolute -right-0.5 -top-0.5 min-w-[1.25rem] rounded-full bg-red-600 px-1 text-center text-[11px] font-semibold leading-5 text-white">
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          id="notification-panel"
          role="dialog"
          aria-label={t("notifications.panel.title")}
          className="absolute inset-x-2 top-full z-40 mt-1 max-h-[75vh] overflow-y-auto rounded-lg border border-slate-200 bg-white shadow-lg sm:inset-x-auto sm:right-0 sm:mt-2 sm:w-96"
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-2.5">
            <h2 className="text-sm font-semibold text-slate-900">{t("notifications.panel.title")}</h2>
            {count > 0 ? (
              <Form method="post" action="/notifications" onSubmit={() => setOpen(false)}>
                <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
                <button className="text-xs font-medium text-brand-700 hover:underline">{t("notifications.panel.markAllRead")}</button>
              </Form>
            ) : null}
          </div>
          {panel.data ? (
            panel.data.items.length ? (
              <NotificationList items={panel.data.items} compact onOpen={() => setOpen(false)} />
            ) : (
              <p className="px-4 py-6 text-center text-sm text-slate-600">{t("notifications.panel.empty")}</p>
            )
          ) : (
            <p className="px-4 py-6 text-center text-sm text-slate-500" aria-busy>…</p>
          )}
          <div className="border-t border-slate-100 px-4 py-2.5 text-center">
            <Link to="/notifications" onClick={() => setOpen(false)} className="text-sm font-medium text-brand-700 hover:underline">
              {t("notifications.panel.seeAll")}
            </Link>
          </div>
        </div>
      ) : null}
    </div>
  );
}
