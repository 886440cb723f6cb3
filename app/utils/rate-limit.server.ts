// Sign-in throttling (issue 8, finding 5): progressive slow-down per account, per (account, address) pair and per
// address, decided and recorded atomically, so parallel guesses cannot all be evaluated and a stranger's bad
// guesses cannot lock the owner out for long. See docs/decisions/0013-throttling.md.
import type { Tx } from "./db.server";
import { prisma } from "./db.server";

export const LOGIN_WINDOW_MS = 15 * 60_000;

/** The first wait once the free failures are used up; each further failure doubles it. */
export const FIRST_WAIT_MS = 30_000;

/** The wait before the next attempt after `failures` recent failures: none below `free`, then doubling to `capMs`. */
export function slowDownMs(failures: number, free: number, capMs: number) {
  if (failures < free) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** Math.min(failures - free, 20), capMs);
}

/**
 * The limits for LOGIN_MAX_FAILURES = `max`:
 * - the (account, address) pair, where a guesser works: free `max` failures, then 30 s, 1 min, 2 min… up to 15 minutes;
 * - the account from anywhere (a distributed guess): same start, but at most 1 minute, so the owner, from their own
 *   address, is only ever slowed down, never locked out;
 * - the address over every account (spraying): free 4 × `max`, then doubling up to 15 minutes.
 */
export function loginLimits(max: number) {
  return {
    pair: { free: max, capMs: LOGIN_WINDOW_MS },
    account: { free: max, capMs: 60_000 },
    address: { free: max * 4, capMs: LOGIN_WINDOW_MS },
  };
}

type Window = { _count: number; _max: { createdAt: Date | null } };

async function failures(tx: Tx, where: { email?: string; ip?: string }, since: Date): Promise<Window> {
  return tx.loginAttempt.aggregate({ where: { ...where, success: false, createdAt: { gte: since } }, _count: true, _max: { createdAt: true } });
}

export type Reservation = { ok: true; attemptId: string } | { ok: false; retryAfterSeconds: number };

/**
 * Decides whether this attempt may be evaluated and, if so, records it as a failure before the password is checked
 * (`settleLoginAttempt` marks it a success afterwards). Per-email and per-address advisory locks make the decision
 * and the record one step: twelve parallel guesses are decided one after the other.
 */
export async function reserveLoginAttempt(email: string, ip: string, max: number, now = new Date()): Promise<Reservation> {
  const limits = loginLimits(max);
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  return prisma.$transaction(async (tx) => {
    // Always the email's lock first, then the address's: no two attempts wait for each other in a cycle.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`login:email:${email}`}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`login:ip:${ip}`}))`;
    const [pair, account, address] = await Promise.all([failures(tx, { email, ip }, since), failures(tx, { email }, since), failures(tx, { ip }, since)]);
    let waitMs = 0;
    for (const [w, limit] of [
      [pair, limits.pair],
      [account, limits.account],
      [address, limits.address],
    ] as const) {
      const last = w._max.createdAt;
      const delay = slowDownMs(w._count, limit.free, limit.capMs);
      if (last && delay) waitMs = Math.max(waitMs, last.getTime() + delay - now.getTime());
    }
    if (waitMs > 0) return { ok: false as const, retryAfterSeconds: Math.ceil(waitMs / 1000) };
    const attempt = await tx.loginAttempt.create({ data: { email, ip, success: false, createdAt: now }, select: { id: true } });
    return { ok: true as const, attemptId: attempt.id };
  });
}

/** Marks a reserved attempt as the success it turned out to be. */
export async function settleLoginAttempt(attemptId: string, success: boolean) {
  if (success) await prisma.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
}
