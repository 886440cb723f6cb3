// The actor's inbox: their own notifications in the agency they are signed in to, and nothing else (another user's
// notification id is simply not found). The unread count is one indexed count (userId, readAt, createdAt).
import { prisma } from "~/utils/db.server";
import type { Actor } from "~/utils/auth.server";
import type { NotificationKind } from "~/domain/notifications/kinds";
import { textIn } from "~/domain/notifications/texts";
import type { Locale } from "~/i18n";

function mine(actor: Actor) {
  return { userId: actor.userId, agencyId: actor.agencyId };
}

export function unreadCount(actor: Actor) {
  return prisma.notification.count({ where: { ...mine(actor), readAt: null } });
}

/** The actor's latest notifications, each in `locale` (the reader's language of the moment, whatever it was when written). */
export async function latestNotifications(actor: Actor, locale: Locale, filter: { campaignId?: string; kind?: NotificationKind; take?: number } = {}) {
  const rows = await prisma.notification.findMany({
    where: { ...mine(actor), campaignId: filter.campaignId, kind: filter.kind },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.take ?? 20,
    select: { id: true, kind: true, title: true, body: true, texts: true, href: true, campaignId: true, readAt: true, createdAt: true },
  });
  return rows.map(({ texts, ...n }) => ({ ...n, ...textIn({ ...n, texts }, locale) }));
}

/** Marks one notification read and answers where it links to; null when it is not the actor's. */
export async function openNotification(actor: Actor, id: string) {
  const n = await prisma.notification.findFirst({ where: { ...mine(actor), id }, select: { href: true, readAt: true } });
  if (!n) return null;
  if (!n.readAt) await prisma.notification.updateMany({ where: { ...mine(actor), id, readAt: null }, data: { readAt: new Date() } });
  return n.href;
}

export async function markAllRead(actor: Actor) {
  const r = await prisma.notification.updateMany({ where: { ...mine(actor), readAt: null }, data: { readAt: new Date() } });
  return r.count;
}

/**
 * What the bell polls: the unread count and the newest unread one's time, from one indexed aggregate (the ETag is
 * made of both, so a poll when nothing changed answers 304 without a body).
 */
export async function unreadState(actor: Actor) {
  const r = await prisma.notification.aggregate({ where: { ...mine(actor), readAt: null }, _count: { _all: true }, _max: { createdAt: true } });
  return { count: r._count._all, latestAt: r._max.createdAt?.toISOString() ?? null };
}

/** The campaigns the actor's notifications are about (the list page's filter), by name. */
export async function notificationCampaigns(actor: Actor) {
  const rows = await prisma.notification.findMany({ where: { ...mine(actor), campaignId: { not: null } }, distinct: ["campaignId"], select: { campaignId: true } });
  const ids = rows.map((r) => r.campaignId).filter((x): x is string => Boolean(x));
  if (!ids.length) return [];
  return prisma.campaign.findMany({ where: { id: { in: ids }, agencyId: actor.agencyId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
