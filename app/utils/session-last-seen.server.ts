import { prisma } from "~/utils/db.server";

const EVERY_MS = 5 * 60_000;

/** Records that a session was used, at most every 5 minutes (one small write, not one per request). */
export async function touchSession(sessionId: string, lastSeenAt: Date, now = new Date()) {
  if (now.getTime() - lastSeenAt.getTime() < EVERY_MS) return;
  await prisma.session.updateMany({ where: { id: sessionId, lastSeenAt: { lt: new Date(now.getTime() - EVERY_MS) } }, data: { lastSeenAt: now } });
}
