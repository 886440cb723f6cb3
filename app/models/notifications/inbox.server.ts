// The actor's inbox: their own notifications in the agency they are signed in to, and nothing else (another user's
// notification id is simply not found). The unread count is one indexed count (userId, readAt, createdAt).
import { prisma } from "~/utils/db.server";
import type { Actor } from "~/utils/auth.server";
import type { NotificationKind } from "~/domain/notifications/kinds";

function mine(actor: Actor) {
  return { userId: actor.userId, agencyId: actor.agencyId };
}

export function unreadCount(actor: Actor) {
  return prisma.notification.count({ where: { ...mine(actor), readAt: null } });
}

export function latestNotifications(actor: Actor, filter: { campaignId?: string; kind?: NotificationKind; take?: number } = {}) {
  return prisma.notification.findMany({
    where: { ...mine(actor), campaignId: filter.campaignId, kind: filter.kind },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.take ?? 20,
    select: { id: true, kind: true, title: true, body: true, href: true, campaignId: true, readAt: true, createdAt: true },
  });
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
