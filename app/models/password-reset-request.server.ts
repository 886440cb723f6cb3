// Forgot-password requests (issue 8, finding 7): the page answers after the same work for every address (throttle,
// record, queue), so its timing says nothing about which emails have accounts; a background job looks the
// address up and writes the email. Throttled per address (answered 429) and per email (silently: same answer).
import { prisma } from "~/utils/db.server";
import type { Locale } from "~/i18n";
import { enqueue, QUEUES } from "~/services/queue.server";

export const RESET_REQUEST_LIMITS = {
  /** Requests from one address (any emails), per 15 minutes. */
  perAddress: { max: 10, windowMs: 15 * 60_000 },
  /** Emails actually sent to one address, per hour; further requests are answered the same and dropped. */
  perEmail: { max: 3, windowMs: 60 * 60_000 },
};

/** What the password-reset job receives (app/jobs/definitions.server.ts looks the address up and writes the email). */
export type ResetJob = { email: string; locale: Locale; origin: string };

export type ResetRequestOutcome = "queued" | "dropped" | "address-throttled";

/** Records a forgot-password request and queues its work; the same steps whether the email has an account or not. */
export async function queuePasswordResetRequest(input: { email: string; ip: string; locale: Locale; origin: string }, now = new Date()): Promise<ResetRequestOutcome> {
  const email = input.email.trim().toLowerCase();
  const outcome = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`reset:ip:${input.ip}`}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`reset:email:${email}`}))`;
    const [byAddress, byEmail] = await Promise.all([
      tx.resetRequest.count({ where: { ip: input.ip, createdAt: { gte: new Date(now.getTime() - RESET_REQUEST_LIMITS.perAddress.windowMs) } } }),
      tx.resetRequest.count({ where: { email, createdAt: { gte: new Date(now.getTime() - RESET_REQUEST_LIMITS.perEmail.windowMs) } } }),
    ]);
    if (byAddress >= RESET_REQUEST_LIMITS.perAddress.max) return "address-throttled" as const;
    await tx.resetRequest.create({ data: { email, ip: input.ip, createdAt: now } });
    return byEmail >= RESET_REQUEST_LIMITS.perEmail.max ? ("dropped" as const) : ("queued" as const);
  });
  if (outcome === "queued") await enqueue(QUEUES.passwordReset, { email, locale: input.locale, origin: input.origin } satisfies ResetJob);
  return outcome;
}
