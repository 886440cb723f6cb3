// A user's choice per kind of notification (email at once, daily digest, in-app only) and their digest hour. Only a
// choice that differs from the role's default is stored, so a better default later reaches everyone who never chose.
import { prisma } from "~/utils/db.server";
import type { Actor } from "~/utils/auth.server";
import { channelFor, defaultChannel, kindsFor, type Channel, type NotificationKind, DEFAULT_DIGEST_HOUR } from "~/domain/notifications/kinds";
import type { Role } from "~/domain/shared/permissions";

export async function myPreferences(actor: Actor) {
  const [rows, user] = await Promise.all([
    prisma.notificationPreference.findMany({ where: { userId: actor.userId }, select: { kind: true, channel: true } }),
    prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { digestHour: true } }),
  ]);
  const chosen = new Map(rows.map((r) => [r.kind as NotificationKind, r.channel as Channel]));
  return {
    digestHour: user.digestHour ?? DEFAULT_DIGEST_HOUR,
    kinds: kindsFor(actor.role).map((kind) => ({ kind, channel: chosen.get(kind) ?? defaultChannel(actor.role, kind), isDefault: !chosen.has(kind) })),
  };
}

/** Saves the actor's choices for the kinds their role receives (others are ignored) and their digest hour. */
export async function saveMyPreferences(actor: Actor, choices: Partial<Record<NotificationKind, Channel>>, digestHour: number) {
  const kinds = kindsFor(actor.role);
  await prisma.$transaction(async (tx) => {
    for (const kind of kinds) {
      const channel = choices[kind];
      if (!channel) continue;
      if (channel === defaultChannel(actor.role as Role, kind)) await tx.notificationPreference.deleteMany({ where: { userId: actor.userId, kind } });
      else await tx.notificationPreference.upsert({ where: { userId_kind: { userId: actor.userId, kind } }, create: { userId: actor.userId, kind, channel }, update: { channel } });
    }
    await tx.user.update({ where: { id: actor.userId }, data: { digestHour } });
  });
}

/** The one-click unsubscribe (no sign-in; the signed token names the user and the kind): that kind stays in the app only. */
export async function unsubscribeFromKind(userId: string, kind: NotificationKind) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) return false;
  await prisma.notificationPreference.upsert({ where: { userId_kind: { userId, kind } }, create: { userId, kind, channel: "IN_APP" }, update: { channel: "IN_APP" } });
  return true;
}

/**
 * The digest's one-click unsubscribe (no sign-in; the signed token names the user): every kind that reaches them by
 * digest, in any of their roles, stays in the app only; what comes by email at once is left alone.
 */
export async function unsubscribeFromDigest(userId: string) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { memberships: { select: { role: true } }, notificationPrefs: { select: { kind: true, channel: true } } },
  });
  if (!user) return false;
  const chosen = Object.fromEntries(user.notificationPrefs.map((p) => [p.kind, p.channel as Channel]));
  const kinds = new Set<NotificationKind>();
  for (const { role } of user.memberships)
    for (const kind of kindsFor(role as Role)) if (channelFor(role as Role, kind, chosen) === "DIGEST") kinds.add(kind);
  await prisma.$transaction([...kinds].map((kind) =>
    prisma.notificationPreference.upsert({ where: { userId_kind: { userId, kind } }, create: { userId, kind, channel: "IN_APP" }, update: { channel: "IN_APP" } }),
  ));
  return true;
}
