// Runs in each test file's worker before it imports anything else: points Prisma at this worker's own database,
// empties the tables between tests, and fails a test that logged console.error.
import { afterAll, afterEach, beforeEach, expect, vi } from "vitest";
import { urlFor, WORKER_DBS, workerDb } from "./databases";

const pool = Number(process.env.VITEST_POOL_ID ?? "1");
const n = ((pool - 1) % WORKER_DBS) + 1;
process.env.DATABASE_URL = urlFor(process.env.DATABASE_URL!, workerDb(n));
process.env.NODE_ENV = "test";
process.env.SESSION_SECRET ??= "test-secret-test-secret";
delete process.env.RESEND_API_KEY;
delete process.env.APP_URL;

const { prisma } = await import("~/utils/db.server");
const { resetEnvCache } = await import("~/utils/env.server");

let tables: string[] | undefined;
let emptySql: string | undefined;
let superuser = true;
/**
 * Empties every table before each test. DELETE in one statement rather than TRUNCATE: TRUNCATE gives each of the
 * ~60 tables a new file and syncs them at commit, 2 to 4 s per test on the loaded machine against 0.2 to 0.7 s for
 * this (docs/decisions/0059-test-suite-speed.md). As TRUNCATE did, it first takes every table's lock (EXCLUSIVE: a
 * write still running, say from a test that timed out, finishes first, and its rows are deleted too), and
 * session_replication_role = replica (for this statement's transaction) skips the foreign-key and rollup triggers as
 * TRUNCATE … CASCADE skipped them. The one test leaving 20,000 rows (the bulk import) costs its successor a second.
 * A deadlock with such a leftover write is retried. Not a superuser: TRUNCATE, as before.
 */
async function truncateAll() {
  tables ??= (
    await prisma.$queryRaw<{ tablename: string }[]>`select tablename::text as tablename from pg_tables where schemaname = 'public' and tablename <> '_prisma_migrations'`
  ).map((r) => `"public"."${r.tablename}"`);
  if (!tables.length) return;
  if (superuser) {
    emptySql ??= `DO $empty$ BEGIN PERFORM set_config('session_replication_role', 'replica', true); LOCK TABLE ${tables.join(", ")} IN EXCLUSIVE MODE; ${tables.map((t) => `DELETE FROM ${t};`).join(" ")} END $empty$`;
    for (let attempt = 1; ; attempt++) {
      try {
        await prisma.$executeRawUnsafe(emptySql);
        return;
      } catch (e) {
        if (/40P01|deadlock/i.test(String(e)) && attempt < 4) continue;
        if (!/permission denied/i.test(String(e))) throw e;
        superuser = false;
        break;
      }
    }
  }
  await prisma.$executeRawUnsafe(`TRUNCATE ${tables.join(", ")} CASCADE`);
}

let errorSpy: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
  errorSpy = vi.spyOn(console, "error");
  // Unit tests (pure rules) touch no database.
  if (!expect.getState().testPath?.includes("/tests/unit/")) await truncateAll();
});

afterEach(() => {
  const calls = errorSpy?.mock.calls ?? [];
  errorSpy?.mockRestore();
  if (calls.length) throw new Error(`console.error was called during the test:\n${calls.map((c: unknown[]) => c.map(String).join(" ")).join("\n")}`);
});

// Files share their fork's modules (vitest.config.ts, isolate: false): the Prisma client stays connected for the next
// file, which must find no background work still running and the environment as this file found it.
afterAll(async () => {
  const { stopBackgroundWork } = await import("~/jobs/worker.server");
  await stopBackgroundWork();
  resetEnvCache();
});
