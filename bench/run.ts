// Page-speed benchmark: an agency at the size DESIGN.md plans for (50 clients, 100 SDRs, 200 campaigns),
// served by the production build; each page is requested a bounded number of times over loopback.
// Run: npm run build && npm run bench   (figures go to the console; bench/README.md keeps measured ones)
import { execFileSync } from "node:child_process";
import { CONCURRENCY, measure, REQUESTS, startServer, type Result } from "./harness";
import pg from "pg";

const BASE = process.env.DATABASE_URL!;
const DB = "rdv_bench";
const PORT = Number(process.env.BENCH_PORT ?? 3390);

function urlFor(db: string) {
  const u = new URL(BASE);
  u.pathname = `/${db}`;
  return u.toString();
}

async function resetDatabase() {
  const admin = new pg.Client({ connectionString: urlFor("postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: urlFor(DB) }, stdio: "pipe" });
}

process.env.SESSION_SECRET ??= "bench-secret-bench-secret";
await resetDatabase();
process.env.DATABASE_URL = urlFor(DB);
const { seedScale } = await import("./scale");
const t0 = Date.now();
const world = await seedScale();
console.log(`Seeded ${world.summary} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const server = await startServer(PORT, { DATABASE_URL: urlFor(DB) });



const results: Result[] = [];
try {
  for (const s of world.scenarios) {
    process.stdout.write(`  ${s.name}… `);
    const r = await measure(PORT, s.name, s.path, s.userId);
    console.log(`p50 ${r.p50} ms`);
    results.push(r);
  }
} finally {
  server.kill("SIGTERM");
}
console.log(`\n${REQUESTS} requests per page, ${CONCURRENCY} at a time, production build, loopback\n`);
console.log("| page | p50 ms | p95 ms | p99 ms | req/s | HTML bytes |\n|---|---|---|---|---|---|");
for (const r of results) console.log(`| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.rps} | ${r.bytes} |`);
const { prisma } = await import("~/utils/db.server");
await prisma.$disconnect();
process.exit(0);
