import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireActor } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { latestNotifications, markAllRead, notificationCampaigns, unreadState } from "~/models/notifications/inbox.server";
import { NOTIFICATION_KINDS } from "~/domain/notifications/kinds";
import { NotificationList } from "~/components/notifications/NotificationList";
import { useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Rendezvous · Notifications" }];

const query = z.object({
  campaign: z.string().max(40).optional().catch(undefined),
  kind: z.enum(NOTIFICATION_KINDS).optional().catch(undefined),
  take: z.coerce.number().int().min(1).max(100).catch(50),
});

/** The actor's own notifications, newest first, filtered by campaign and kind; also what the bell's panel loads. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const url = new URL(request.url);
  const q = query.parse({ campaign: url.searchParams.get("campaign") || undefined, kind: url.searchParams.get("kind") || undefined, take: url.searchParams.get("take") ?? 50 });
  const locale = await getLocale(request, actor);
  const [items, campaigns, unread] = await Promise.all([
    latestNotifications(actor, locale, { campaignId: q.campaign, kind: q.kind, take: q.take }),
    url.searchParams.has("panel") ? Promise.resolve([]) : notificationCampaigns(actor),
    unreadState(actor),
  ]);
  return json({ items, campaigns, unread: unread.count });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  const back = String(form.get("redirectTo") ?? "");
  await markAllRead(actor);
  return redirectWithToast(back.startsWith("/") && !back.startsWith("//") ? back : "/notifications", "notifications.page.markedRead");
}

export default function Notifications() {
  const { items, campaigns, unread } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useT();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="h1">{t("notifications.page.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("notifications.page.intro")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Link to="/profile#notifications" className="text-sm font-medium text-brand-700 hover:underline">{t("notifications.page.preferences")}</Link>
          {unread > 0 ? (
            <Form method="post">
              <button className="btn-secondary">{t("notifications.panel.markAllRead")}</button>
            </Form>
          ) : null}
        </div>
      </div>
      <Form method="get" className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block font-medium text-slate-700">{t("notifications.page.campaign")}</span>
          <select name="campaign" defaultValue={params.get("campaign") ?? ""} className="input mt-1 max-w-[16rem]">
            <option value="">{t("notifications.page.all")}</option>
            {campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium text-slate-700">{t("notifications.page.kind")}</span>
          <select name="kind" defaultValue={params.get("kind") ?? ""} className="input mt-1 max-w-[16rem]">
            <option value="">{t("notifications.page.all")}</option>
            {NOTIFICATION_KINDS.map((k) => <option key={k} value={k}>{t(`notifications.kind.${k}`)}</option>)}
          </select>
        </label>
        <button className="btn-secondary">{t("notifications.page.filter")}</button>
      </Form>
      {items.length === 0 ? <p className="card text-sm text-slate-600">{t("notifications.page.empty")}</p> : <div className="card p-0"><NotificationList items={items} /></div>}
    </div>
  );
}
