// The actor's own sessions (profile page): list, revoke, and password change, which ends every other session.
import { prisma } from "~/utils/db.server";
import { hashPassword, verifyPassword, type Actor } from "~/utils/auth.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { describeDevice } from "~/domain/security/device";
import { audit } from "~/models/audit.server";

/** The actor's sessions that still work, most recently used first, with the device they came from. */
export async function listMySessions(actor: Actor) {
  const rows = await prisma.session.findMany({
    where: { userId: actor.userId, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true },
    take: 100,
  });
  return rows.map((s) => ({ id: s.id, ...describeDevice(s.userAgent), createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, current: s.id === actor.sessionId }));
}

/** Signs one of the actor's own sessions out (another user's session id answers 404). */
export async function revokeMySession(actor: Actor, sessionId: string) {
  const { count } = await prisma.session.deleteMany({ where: { id: sessionId, userId: actor.userId } });
  if (!count) throw notFound();
  return { current: sessionId === actor.sessionId };
}

/** Signs every session of the actor out except this one. */
export async function revokeMyOtherSessions(actor: Actor) {
  const { count } = await prisma.session.deleteMany({ where: { userId: actor.userId, id: { not: actor.sessionId } } });
  return count;
}

/** Changes the actor's password (the current one must be right) and ends every other session. */
export async function changeMyPassword(actor: Actor, current: string, next: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, current))) throw new DomainError("INVALID", "security.profile.wrongPassword", "current");
  const passwordHash = await hashPassword(next);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: actor.userId, id: { not: actor.sessionId } } });
    await tx.passwordReset.updateMany({ where: { userId: actor.userId, usedAt: null }, data: { usedAt: new Date() } });
    await audit(tx, actor, "user.passwordChanged", {}, {});
  });
}

/** Whether this user has a calendar feed link (after a password reset we offer to reset it too). */
export async function userHasCalendarFeed(userId: string) {
  return (await prisma.calendarFeed.count({ where: { userId } })) > 0;
}
