// Notifications at the scale: the unread count read on every page with 10,000 notifications for one user,
// and the daily digest composed for 1,000 users (3 notifications each, two campaigns' worth of grouping).
// Run: node scripts/with-db.mjs tsx bench/notifications.ts   (own database rdv_bench_notif; not in npm test)
// Each figure is printed beside a trivial operation of the same run (`SELECT 1` through the app's Prisma client), so
// that a loaded machine's figures can still be read as a ratio (bench/README.md). BENCH_DIGEST_RUNS (default 3) runs
// the digest again after putting everything back (no DigestRun, nothing digested, no outbox row).
import { execFileSync } from "node:child_process";
import pg from "pg";

const BASE = process.env.DATABASE_URL!;
const DB = process.env.BENCH_DB ?? "rdv_bench_notif";
const USERS = Number(process.env.BENCH_USERS ?? 1000);
const PER_USER = Number(process.env.BENCH_NOTIFICATIONS ?? 10_000);
const urlFor = (db: string) => Object.assign(new URL(BASE), { pathname: `/${db}` }).toString();
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

const admin = new pg.Client({ connectionString: urlFor("postgres") });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${DB}`);
await admin.end();
execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: urlFor(DB) }, stdio: "pipe" });
process.env.DATABASE_URL = urlFor(DB);
process.env.SESSION_SECRET ??= "bench-secret-bench-secret";
// As the app runs (server.mjs): React's production build renders the emails (its development build is several times slower).
process.env.NODE_ENV ??= "production";
const DIGEST_RUNS = Number(process.env.BENCH_DIGEST_RUNS ?? 3);

const db = new pg.Client({ connectionString: urlFor(DB) });
await db.connect();
const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
await q(`INSERT INTO "Agency" ("id", "name", "slug", "updatedAt") VALUES ('ag1', 'Bench agency', 'bench', now())`);
await q(`INSERT INTO "ClientCompany" ("id", "agencyId", "name", "currency", "updatedAt") VALUES ('cc1', 'ag1', 'Bench client', 'EUR', now())`).catch((e) => log(`client: ${e.message}`));
for (const c of [1, 2]) await q(`INSERT INTO "Campaign" ("id", "agencyId", "clientCompanyId", "name", "updatedAt") VALUES ('c${c}', 'ag1', 'cc1', 'Campaign ${c}', now())`).catch((e) => log(`campaign: ${e.message}`));
await q(`INSERT INTO "User" ("id", "email", "name", "locale", "timeZone", "updatedAt")
         SELECT 'u' || g, 'u' || g || '@bench.test', 'User ' || g, (CASE WHEN g % 2 = 0 THEN 'fr' ELSE 'en' END)::"Locale", 'Europe/Paris', now() FROM generate_series(1, ${USERS}) g`);
log(`${USERS} users`);
// One user with PER_USER notifications (a tenth unread), everyone else with a few.
await q(`INSERT INTO "Notification" ("id", "agencyId", "userId", "kind", "channel", "locale", "title", "href", "campaignId", "readAt", "digestedAt", "createdAt")
         SELECT 'n1_' || g, 'ag1', 'u1', 'MEETING_BOOKED', 'IN_APP', 'en', 'Meeting ' || g, '/home', 'c' || (1 + g % 2),
                CASE WHEN g % 10 = 0 THEN NULL ELSE now() END, NULL, now() - (g || ' minutes')::interval FROM generate_series(1, ${PER_USER}) g`);
// The digest run happens at 12:00 UTC today (14:00 or 13:00 in Paris, after everyone's 8:00), whatever the time the
// bench is run: the digest notifications are written three hours before it.
const at = new Date();
at.setUTCHours(12, 0, 0, 0);
await q(`INSERT INTO "Notification" ("id", "agencyId", "userId", "kind", "channel", "locale", "title", "body", "href", "campaignId", "createdAt")
         SELECT 'nd_' || u || '_' || k, 'ag1', 'u' || u, 'MEETING_BOOKED', 'DIGEST', 'en', 'Meeting booked with Prospect ' || k, 'Booked on the campaign for Tuesday.', '/home', 'c' || (1 + k % 2), $1::timestamptz - interval '3 hours'
           FROM generate_series(1, ${USERS}) u, generate_series(1, 3) k`, [at]);
await q(`ANALYZE`);
log("notifications written");

const { unreadCount } = await import("~/models/notifications/inbox.server");
const { runDigests } = await import("~/models/notifications/digest.server");
const { prisma } = await import("~/utils/db.server");
const actor = { userId: "u1", agencyId: "ag1" } as Parameters<typeof unreadCount>[0];

/** p50/p95/p99 of `n` sequential calls after a warm-up. */
async function measure(n: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
  return { p50: pct(50), p95: pct(95), p99: pct(99) };
}
const fmt = (m: { p50: number; p95: number; p99: number }) => `p50 ${m.p50.toFixed(2)} ms, p95 ${m.p95.toFixed(2)} ms, p99 ${m.p99.toFixed(2)} ms`;

const trivial = await measure(200, () => prisma.$queryRaw`SELECT 1`);
log(`trivial operation (SELECT 1 through Prisma): ${fmt(trivial)}`);
const count = await unreadCount(actor);
const unread = await measure(200, () => unreadCount(actor));
log(`unread count (${count} unread of ${PER_USER + 3}): ${fmt(unread)}; p95 / trivial p95 = ${(unread.p95 / trivial.p95).toFixed(2)}`);
const plan = await q(`EXPLAIN ANALYZE SELECT count(*) FROM "Notification" WHERE "userId" = 'u1' AND "agencyId" = 'ag1' AND "readAt" IS NULL`);
console.log(plan.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n"));

for (let run = 1; run <= DIGEST_RUNS; run++) {
  if (run > 1) {
    await q(`DELETE FROM "DigestRun"`);
    await q(`DELETE FROM "EmailOutbox"`);
    await q(`UPDATE "Notification" SET "digestedAt" = NULL WHERE "channel" = 'DIGEST'`);
    await q(`VACUUM ANALYZE "Notification"`);
  }
  const before = await measure(100, () => prisma.$queryRaw`SELECT 1`);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const mark0 = process.hrtime.bigint() / 1000n; // microseconds, the clock of --cpu-prof's samples
  const r = await runDigests(at);
  const wall = performance.now() - t0;
  if (process.env.BENCH_MARKS) console.log(`marks ${mark0} ${process.hrtime.bigint() / 1000n}`);
  const cpu = process.cpuUsage(cpu0);
  // The process's own CPU time (mostly rendering) is far less sensitive than the wall clock to a machine shared by others.
  log(
    `digest run ${run}: ${r.sent} of ${r.due} users' digests written in ${(wall / 1000).toFixed(2)} s ` +
      `(${(wall / Math.max(1, r.due)).toFixed(2)} ms per user = ${(wall / Math.max(1, r.due) / before.p50).toFixed(1)} trivial operations (p50 ${before.p50.toFixed(2)} ms just before); ` +
      `this process's CPU: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s); load average ${(await import("node:os")).loadavg()[0].toFixed(1)}`,
  );
}
await db.end();
process.exit(0);
