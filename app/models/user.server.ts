import { prisma } from "~/utils/db.server";
import { createSession, hashPassword, hashToken, newToken, type Actor } from "~/utils/auth.server";
import { DomainError } from "~/domain/shared/errors";
import { sendEmail } from "~/services/email.server";
import { enqueueEmails } from "~/services/queue.server";
import type { Locale } from "~/i18n";

const RESET_MINUTES = 60;

/**
 * Sends a password reset link when the email has an account; does nothing otherwise, and answers the same,
 * so the form never reveals who has an account.
 */
export async function requestPasswordReset(email: string, locale: Locale, origin: string) {
  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    include: { memberships: { include: { agency: { select: { name: true } } }, take: 1 } },
  });
  if (!user) return;
  const { token, tokenHash } = newToken();
  const userLocale = user.locale ?? locale;
  const emailId = await prisma.$transaction(async (tx) => {
    await tx.passwordReset.create({ data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) } });
    const row = await sendEmail(tx, {
      to: user.email,
      template: "password-reset",
      locale: userLocale,
      agencyId: user.memberships[0]?.agencyId ?? null,
      props: { locale: userLocale, email: user.email, agency: user.memberships[0]?.agency.name ?? "Rendezvous", url: `${origin}/reset-password/${token}` },
    });
    return row.id;
  });
  await enqueueEmails([emailId]);
}

/** Whether a reset link can still be used. */
export async function resetTokenValid(token: string) {
  const reset = await prisma.passwordReset.findUnique({ where: { tokenHash: hashToken(token) } });
  return Boolean(reset && !reset.usedAt && reset.expiresAt > new Date());
}

/** Sets a new password from a reset link (once), signs out every other browser, and opens a session. */
export async function resetPassword(token: string, password: string, userAgent?: string | null) {
  const passwordHash = await hashPassword(password);
  const userId = await prisma.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!reset || reset.usedAt || reset.expiresAt < new Date()) throw new DomainError("INVALID", "auth.reset.invalid");
    const claimed = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: new Date() } });
    if (!claimed.count) throw new DomainError("INVALID", "auth.reset.invalid");
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    // Every other outstanding link of this user stops working too (issue 8, finding 6).
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: new Date() } });
    return reset.userId;
  });
  const session = await createSession(userId, userAgent);
  return { userId, sessionId: session.id };
}

export async function setUserLocale(actor: Actor, locale: Locale) {
  await prisma.user.update({ where: { id: actor.userId }, data: { locale } });
}

/** The zone every page and email shows the user's times in (an IANA name, checked by the caller). */
export async function setUserTimeZone(actor: Actor, timeZone: string) {
  await prisma.user.update({ where: { id: actor.userId }, data: { timeZone } });
}

/** People of the actor's organization: the agency's team for agency roles, the company's for client admins. */
export function listTeam(actor: Actor) {
  const where =
    actor.role === "CLIENT_ADMIN" || actor.role === "CLIENT_MEMBER"
      ? { agencyId: actor.agencyId, clientCompanyId: actor.clientCompanyId ?? "__none__" }
      : { agencyId: actor.agencyId, clientCompanyId: null };
  return prisma.membership.findMany({
    where,
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
    select: { id: true, role: true, createdAt: true, deactivatedAt: true, clientCompanyId: true, user: { select: { id: true, name: true, email: true } } },
  });
}
