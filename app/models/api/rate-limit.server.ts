// The per-key rate limit of /api/v1: a fixed one-minute window counted in PostgreSQL (decision 0046), in the same
// statement as the key's lookup (app/models/api/keys.server.ts, decision 0063), so every app process shares the budget.
import { env } from "~/utils/env.server";

const WINDOW_MS = 60_000;

/** The start of the one-minute window `now` falls in. */
export function rateWindowStart(now: Date) {
  return new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
}

/** The budget left once this request is counted (`count`: the window's count, this request included, as the key's lookup returned it: app/models/api/keys.server.ts). */
export function apiBudget(count: number, windowStart: Date, now = new Date()): { ok: true; remaining: number; limit: number } | { ok: false; retryAfter: number; limit: number } {
  const limit = env().API_RATE_LIMIT_PER_MINUTE;
  if (count > limit) return { ok: false, limit, retryAfter: Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000)) };
  return { ok: true, limit, remaining: limit - count };
}
