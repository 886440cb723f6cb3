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

let tables: string[] | undefined;
async function truncateAll() {
  tables ??= (
    await prisma.$queryRaw<{ tablename: string }[]>`select tablename::text as tablename from pg_tables where schemaname = 'public' and tablename <> '_prisma_migrations'`
  ).map((r) => `"public"."${r.tablename}"`);
  if (tables.length) await prisma.$executeRawUnsafe(`TRUNCATE ${tables.join(", ")} CASCADE`);
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

afterAll(async () => {
  const { stopBackgroundWork } = await import("~/jobs/worker.server");
  await stopBackgroundWork();
  await prisma.$disconnect();
});
