// Page-speed benchmark: an agency at the size DESIGN.md plans for (50 clients, 100 SDRs, 200 campaigns),
// served by the production build; each page is requested a bounded number of times over loopback.
// Run: npm run build && npm run bench   (figures go to the console; bench/README.md keeps measured ones)
import { execFileSync, spawn } from "node:child_process";
import pg from "pg";

const BASE = process.env.DATABASE_URL!;
const DB = "rdv_bench";
const PORT = Number(process.env.BENCH_PORT ?? 3390);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

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

const server = spawn(process.execPath, [new URL("../server.mjs", import.meta.url).pathname, "./build/index.js"], {
  env: { ...process.env, DATABASE_URL: urlFor(DB), PORT: String(PORT), NODE_ENV: "production", RUN_JOBS: "false" },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error("server did not start in 30 s")), 30_000);
  server.stdout!.on("data", (d) => {
    if (String(d).includes("[rendezvous]")) {
      clearTimeout(timer);
      resolve();
    }
  });
});

const { createSession, sessionCookie } = await import("~/utils/auth.server");
async function cookieFor(userId: string) {
  const s = await createSession(userId, "bench");
  return (await sessionCookie.serialize(s.id)).split(";")[0];
}

type Result = { name: string; p50: number; p95: number; p99: number; rps: number; bytes: number };
async function measure(name: string, path: string, userId: string): Promise<Result> {
  const cookie = await cookieFor(userId);
  const url = `http://127.0.0.1:${PORT}${path}`;
  for (let i = 0; i < 5; i++) await fetch(url, { headers: { cookie } }).then((r) => r.text());
  const times: number[] = [];
  let bytes = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        const t = performance.now();
        const res = await fetch(url, { headers: { cookie }, signal: AbortSignal.timeout(30_000) });
        const body = await res.text();
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        bytes = body.length;
        times.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const q = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))] * 10) / 10;
  return { name, p50: q(0.5), p95: q(0.95), p99: q(0.99), rps: Math.round(times.length / elapsed), bytes };
}

const results: Result[] = [];
try {
  for (const s of world.scenarios) {
    process.stdout.write(`  ${s.name}… `);
    const r = await measure(s.name, s.path, s.userId);
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
