// The per-key rate limit of /api/v1: a fixed one-minute window counted in PostgreSQL (decision 0046), one
// statement per request, so every app process shares the same budget.
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";

const WINDOW_MS = 60_000;

/** Counts one request of the key; `ok: false` with the seconds to wait once the minute's budget is spent. */
export async function consumeApiRequest(apiKeyId: string, now = new Date()): Promise<{ ok: true; remaining: number; limit: number } | { ok: false; retryAfter: number; limit: number }> {
  const limit = env().API_RATE_LIMIT_PER_MINUTE;
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "ApiRateWindow" ("apiKeyId", "windowStart", "count") VALUES (${apiKeyId}, ${windowStart}, 1)
    ON CONFLICT ("apiKeyId", "windowStart") DO UPDATE SET "count" = "ApiRateWindow"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  // The first request of a window clears the key's past windows: the table holds about one row per active key.
  if (count === 1) await prisma.apiRateWindow.deleteMany({ where: { apiKeyId, windowStart: { lt: windowStart } } });
  if (count > limit) return { ok: false, limit, retryAfter: Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000)) };
  return { ok: true, limit, remaining: limit - count };
}
