// How many SQL statements a request (or a block of code) sends, and how long they take: the measure behind
// "fewer round trips" (docs/decisions/0040-statements-per-request.md). Every statement goes through the pg pool
// of db.server.ts, which reports here; counting is on when a store is active (AsyncLocalStorage), so it costs one
// lookup per statement otherwise. server.mjs opens a store per request when SQL_STATS=1 (the bench, development)
// and answers it in a Server-Timing header; tests use countStatements(); SQL_LOG=1 prints every statement's time.
import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";

export type SqlStats = { count: number; ms: number; statements?: { sql: string; ms: number; values?: unknown[] }[] };

// One instance per process, shared with server.mjs (which cannot import the app's modules) by a registered symbol.
const KEY = Symbol.for("rendezvous.sqlStats");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<SqlStats> | undefined>;
export const sqlStats: AsyncLocalStorage<SqlStats> = (holder[KEY] ??= new AsyncLocalStorage<SqlStats>());

/** Runs `fn` and reports the statements it sent (with their text when `keepText`). */
export async function countStatements<T>(fn: () => Promise<T>, keepText = true): Promise<{ result: T; stats: SqlStats }> {
  const stats: SqlStats = { count: 0, ms: 0, statements: keepText ? [] : undefined };
  const result = await sqlStats.run(stats, fn);
  return { result, stats };
}

function record(sql: string, started: number, values?: unknown[]) {
  const ms = performance.now() - started;
  const s = sqlStats.getStore();
  if (s) {
    s.count += 1;
    s.ms += ms;
    s.statements?.push({ sql, ms, values });
  }
  if (process.env.SQL_LOG === "1") console.error(`[sql ${ms.toFixed(1)} ms${s ? ` #${s.count}` : ""}] ${sql.replace(/\s+/g, " ").slice(0, 300)}`);
}

const textOf = (arg: unknown) => (typeof arg === "string" ? arg : String((arg as { text?: string })?.text ?? ""));
/** A statement's parameters (kept with its text, for bench/explain.ts to replay it under EXPLAIN). */
const valuesOf = (args: unknown[]) => (Array.isArray(args[1]) ? (args[1] as unknown[]) : ((args[0] as { values?: unknown[] })?.values ?? undefined));

/**
 * Reports every statement of the pool: those sent by pool.query (Prisma outside transactions) and those sent on a
 * client checked out by pool.connect() (Prisma's transactions), each counted once, in the caller's context.
 */
export function instrumentPool(pool: pg.Pool) {
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: unknown }).query = (...args: unknown[]) => {
    if (!sqlStats.getStore() && process.env.SQL_LOG !== "1") return query(...args);
    const started = performance.now();
    const r = query(...args);
    if (r instanceof Promise) return r.finally(() => record(textOf(args[0]), started, valuesOf(args)));
    record(textOf(args[0]), started, valuesOf(args));
    return r;
  };
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { connect: unknown }).connect = (...args: unknown[]) => {
    if (args.length) return connect(...args); // callback form: pool.query's own checkout, counted above
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      const c = client as pg.PoolClient & { __rdvWrapped?: boolean; __rdvOut?: boolean };
      if (!c.__rdvWrapped) {
        c.__rdvWrapped = true;
        const q = c.query.bind(c) as (...a: unknown[]) => unknown;
        (c as unknown as { query: unknown }).query = (...a: unknown[]) => {
          // Only while checked out by this path: pool.query's own use of the client is counted by pool.query.
          if (!c.__rdvOut || (!sqlStats.getStore() && process.env.SQL_LOG !== "1")) return q(...a);
          const started = performance.now();
          const r = q(...a);
          if (r instanceof Promise) return r.finally(() => record(textOf(a[0]), started, valuesOf(a)));
          record(textOf(a[0]), started, valuesOf(a));
          return r;
        };
      }
      c.__rdvOut = true;
      const release = c.release;
      c.release = (...r: Parameters<pg.PoolClient["release"]>) => {
        c.__rdvOut = false;
        return release.apply(c, r);
      };
      return c;
    });
  };
  return pool;
}
