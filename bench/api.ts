// API benchmark (issue 15): creating a meeting and listing 100 meetings through /api/v1, against the trivial page of
// the same server, at the page bench's size (bench/scale.ts: 120,000 meetings, 100,000 on the measured campaign).
// Run: npm run build && node scripts/with-db.mjs tsx bench/api.ts   (not part of npm test; figures in bench/README.md)
import { execFileSync } from "node:child_process";
import pg from "pg";
import { CONCURRENCY, REQUESTS, startServer, type Result } from "./harness";

const BASE = process.env.DATABASE_URL!;
const DB = "rdv_bench_api";
const PORT = Number(process.env.BENCH_PORT ?? 3391);

function urlFor(db: string) {
  const u = new URL(BASE);
  u.pathname = `/${db}`;
  return u.toString();
}

const admin = new pg.Client({ connectionString: urlFor("postgres") });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${DB}`);
await admin.end();
execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: urlFor(DB) }, stdio: "pipe" });
process.env.DATABASE_URL = urlFor(DB);

const { prisma } = await import("~/utils/db.server");
const { seedScale } = await import("./scale");
const { createApiKey } = await import("~/models/api/keys.server");
const { utcToZonedInput } = await import("~/domain/shared/timezone");
const t0 = Date.now();
const world = await seedScale();
console.log(`Seeded ${world.summary} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const campaign = await prisma.campaign.findFirstOrThrow({ where: { name: "Campaign 1" }, select: { id: true, agencyId: true } });
const adminUser = await prisma.user.findUniqueOrThrow({ where: { email: "admin@scale.test" } });
const persona = await prisma.personaVersion.findFirstOrThrow({ where: { persona: { campaignId: campaign.id }, status: "APPROVED" } });
const sdr = await prisma.campaignAssignment.findFirstOrThrow({ where: { campaignId: campaign.id } });
const { token } = await createApiKey({ agencyId: campaign.agencyId, name: "Bench", scopes: ["meetings:read", "meetings:write", "campaigns:read", "activity:write"], createdById: adminUser.id });

const server = await startServer(PORT, { DATABASE_URL: urlFor(DB), API_RATE_LIMIT_PER_MINUTE: "1000000" });
const base = `http://127.0.0.1:${PORT}`;
let n = 0;

/** Like harness.measure, for any method and body: `init(i)` builds the i-th request. */
async function measureApi(name: string, init: () => { path: string; method?: string; body?: unknown }, expect: number): Promise<Result> {
  const call = async () => {
    const r = init();
    const res = await fetch(`${base}${r.path}`, {
      method: r.method ?? "GET",
      headers: { Authorization: `Bearer ${token}`, ...(r.body ? { "Content-Type": "application/json" } : {}) },
      body: r.body ? JSON.stringify(r.body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    if (res.status !== expect) throw new Error(`${name}: ${res.status} ${text.slice(0, 300)}`);
    return text.length;
  };
  for (let i = 0; i < 5; i++) await call();
  const times: number[] = [];
  let bytes = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        const t = performance.now();
        bytes = await call();
        times.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const q = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))] * 10) / 10;
  return { name, p50: q(0.5), p95: q(0.95), p99: q(0.99), rps: Math.round(times.length / elapsed), bytes, statements: null };
}

const meeting = () => {
  n++;
  return {
    path: `/api/v1/campaigns/${campaign.id}/meetings`,
    method: "POST",
    body: {
      personaVersionId: persona.id, sdrId: sdr.userId, prospectName: `Bench prospect ${n}`, prospectEmail: `bench-api-${n}@prospect.test`,
      prospectCompany: `Bench company ${n}`, scheduledLocal: utcToZonedInput(new Date(Date.now() + (3 * 86400 + n * 60) * 1000), "Europe/Paris"),
      timeZone: "Europe/Paris", durationMinutes: 30, channel: "VIDEO", externalId: `bench-${n}`, confirmWarnings: true,
      checks: [{ key: "decision_maker", met: true }, { key: "need", met: true }],
    },
  };
};

const results: Result[] = [];
try {
  results.push(await measureApi("trivial page (/healthz)", () => ({ path: "/healthz" }), 200));
  results.push(await measureApi("GET /api/v1/campaigns/:id", () => ({ path: `/api/v1/campaigns/${campaign.id}` }), 200));
  results.push(await measureApi("POST /api/v1/campaigns/:id/meetings (create)", meeting, 201));
  results.push(await measureApi("GET /api/v1/meetings?limit=100 (120,000)", () => ({ path: "/api/v1/meetings?limit=100" }), 200));
  results.push(await measureApi("GET /api/v1/meetings?limit=100, campaign + status", () => ({ path: `/api/v1/meetings?limit=100&campaignId=${campaign.id}&status=HELD` }), 200));
  results.push(await measureApi("POST /api/v1/campaigns/:id/meetings (same externalId: 200)", () => ({ ...meeting(), body: { ...meeting().body, externalId: "bench-1" } }), 200));
} finally {
  server.kill("SIGTERM");
}
console.log(`\n${REQUESTS} requests each, ${CONCURRENCY} at a time, production build, loopback\n`);
console.log("| request | p50 ms | p95 ms | p99 ms | req/s | bytes |\n|---|---|---|---|---|---|");
for (const r of results) console.log(`| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.rps} | ${r.bytes} |`);
await prisma.$disconnect();
process.exit(0);
