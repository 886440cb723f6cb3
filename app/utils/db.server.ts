import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";
import { instrumentPool } from "./sql-stats.server";

declare global {
  // eslint-disable-next-line no-var
  var __prisma: PrismaClient | undefined;
}

function create() {
  // Our own pool, so every statement can be counted and timed per request (app/utils/sql-stats.server.ts).
  const adapter = new PrismaPg(instrumentPool(new pg.Pool({ connectionString: env().DATABASE_URL, max: 10 })), { disposeExternalPool: true });
  return new PrismaClient({ adapter });
}

/** One client per process (kept across dev rebuilds). */
export const prisma: PrismaClient = globalThis.__prisma ?? (globalThis.__prisma = create());

export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * The database could not take the work in time (no pooled connection, or a transaction that could not start or
 * finish in its time): a temporary condition, answered 503 with Retry-After rather than 500.
 */
export function isDatabaseBusy(e: unknown) {
  return e instanceof Prisma.PrismaClientKnownRequestError && (e.code === "P2024" || e.code === "P2028");
}
