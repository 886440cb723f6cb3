import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";
import { instrumentPool } from "./sql-stats.server";

declare global {
  // eslint-disable-next-line no-var
  var __prisma: PrismaClient | undefined;
  // eslint-disable-next-line no-var
  var __pgPool: pg.Pool | undefined;
}

function create() {
  // Our own pool, so every statement can be counted and timed per request (app/utils/sql-stats.server.ts).
  const pool = instrumentPool(new pg.Pool({ connectionString: env().DATABASE_URL, max: 10 }));
  globalThis.__pgPool = pool;
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter });
}

/** One client per process (kept across dev rebuilds). */
export const prisma: PrismaClient = globalThis.__prisma ?? (globalThis.__prisma = create());

/**
 * Prisma's own node-postgres pool, for the few statements that move large values (an import's uploaded file, decision
 * 0065): Prisma 6.19's client engine converts a `Bytes` value to and from base64 JSON and keeps the parameters of its
 * recent queries, node-postgres passes a Buffer as it is and keeps nothing. Closed with Prisma ($disconnect).
 */
export function sqlPool(): pg.Pool {
  if (!globalThis.__pgPool) throw new Error("The database pool is not created");
  return globalThis.__pgPool;
}

export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * The database could not take the work in time (no pooled connection, or a transaction that could not start or
 * finish in its time): a temporary condition, answered 503 with Retry-After rather than 500.
 */
export function isDatabaseBusy(e: unknown) {
  return e instanceof Prisma.PrismaClientKnownRequestError && (e.code === "P2024" || e.code === "P2028");
}
