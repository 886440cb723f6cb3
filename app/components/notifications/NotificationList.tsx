import { Link } from "@remix-run/react";
import type { NotificationKind } from "~/domain/notifications/kinds";
import { useT } from "~/utils/i18n";

export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string | null;
  readAt: string | null;
  createdAt: string;
};

/** Notifications as links: opening one marks it read and goes where it is about. */
export function NotificationList({ items, compact = false, onOpen }: { items: NotificationItem[]; compact?: boolean; onOpen?: () => void }) {
  const { t, dateTime } = useT();
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((n) => (
        <li key={n.id}>
          <Link
            to={`/notifications/${n.id}`}
            onClick={onOpen}
            className={`flex gap-3 px-4 ${compact ? "py-2.5" : "py-3"} hover:bg-slate-50 focus:bg-slate-50 focus:outline-none`}
          >
            <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-brand-600"}`} />
            <span className="min-w-0 flex-1">
              <span className={`block break-words text-sm ${n.readAt ? "text-slate-700" : "font-semibold text-slate-900"}`}>
                {n.title}
                {n.readAt ? null : <span className="sr-only"> ({t("notifications.page.unread")})</span>}
              </span>
              {n.body ? <span className={`block break-words text-sm text-slate-600 ${compact ? "line-clamp-2" : ""}`}>{n.body}</span> : null}
              <span className="mt-0.5 block text-xs text-slate-500">
                {t(`notifications.kind.${n.kind}`)} · <time dateTime={n.createdAt}>{dateTime(n.createdAt)}</time>
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
