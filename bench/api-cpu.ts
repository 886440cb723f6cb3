// The API's requests in process (issue 15): the route's own action or loader called as Remix calls it, on the bench
// database (bench/seed.ts), with the SQL statements each one sends (their text with API_CPU_SQL=1) and the Node CPU
// it costs (user + system, median of the runs): the part of a request's time that is Node's, much less sensitive to
// the machine's load than a latency percentile. `CPU_PROFILE=<dir>` writes a V8 profile of each request's runs.
//   BENCH_DB=rdv_bench npx tsx bench/api-cpu.ts [regex of request names]     CPU_RUNS (default 30)
import { urlFor } from "./seed";

const BASE = process.env.DATABASE_URL!;
process.env.DATABASE_URL = urlFor(BASE, process.env.BENCH_DB ?? "rdv_bench");
process.env.SESSION_SECRET ??= "bench-secret-bench-secret";
process.env.API_RATE_LIMIT_PER_MINUTE ??= "1000000";
const ONLY = process.argv[2] ? new RegExp(process.argv[2], "i") : null;
const RUNS = Number(process.env.CPU_RUNS ?? 30);

const { countStatements } = await import("~/utils/sql-stats.server");
const { prisma } = await import("~/utils/db.server");
const { createApiKey } = await import("~/models/api/keys.server");
const { utcToZonedInput } = await import("~/domain/shared/timezone");
type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>;
const create = (await import("~/routes/api+/v1+/campaigns.$campaignId.meetings")).action as Handler;
const list = (await import("~/routes/api+/v1+/meetings._index")).loader as Handler;
const read = (await import("~/routes/api+/v1+/campaigns.$campaignId._index")).loader as Handler;

const run = Date.now().toString(36);
const campaign = await prisma.campaign.findUniqueOrThrow({ where: { id: "c_0" }, select: { id: true, agencyId: true } });
const persona = await prisma.personaVersion.findFirstOrThrow({ where: { persona: { campaignId: campaign.id }, status: "APPROVED" }, select: { id: true } });
const sdr = await prisma.campaignAssignment.findFirstOrThrow({ where: { campaignId: campaign.id }, select: { userId: true }, orderBy: { id: "asc" } });
const { token } = await createApiKey({ agencyId: campaign.agencyId, name: `Bench cpu ${run}`, scopes: ["meetings:read", "meetings:write", "campaigns:read"], createdById: "u_admin" });
const auth = { Authorization: `Bearer ${token}` };
let n = 0;
const meetingBody = () => {
  n++;
  return JSON.stringify({
    personaVersionId: persona.id, sdrId: sdr.userId, prospectName: `Bench prospect ${n}`, prospectEmail: `bench-cpu-${run}-${n}@prospect.test`,
    prospectCompany: `Bench company ${n}`, scheduledLocal: utcToZonedInput(new Date(Date.now() + (3 * 86400 + n * 60) * 1000), "Europe/Paris"),
    timeZone: "Europe/Paris", durationMinutes: 30, channel: "VIDEO", externalId: `bench-cpu-${run}-${n}`, confirmWarnings: true, checks: [],
  });
};

const REQUESTS: [string, () => Promise<Response>][] = [
  ["GET /api/v1/campaigns/:id", () => read({ request: new Request(`http://localhost/api/v1/campaigns/c_0`, { headers: auth }), params: { campaignId: "c_0" }, context: {} })],
  [
    "POST /api/v1/campaigns/:id/meetings (create)",
    () => create({ request: new Request(`http://localhost/api/v1/campaigns/c_0/meetings`, { method: "POST", headers: { ...auth, "Content-Type": "application/json" }, body: meetingBody() }), params: { campaignId: "c_0" }, context: {} }),
  ],
  ["GET /api/v1/meetings?limit=100", () => list({ request: new Request(`http://localhost/api/v1/meetings?limit=100`, { headers: auth }), params: {}, context: {} })],
  ["GET /api/v1/meetings?limit=100, c_0 + HELD", () => list({ request: new Request(`http://localhost/api/v1/meetings?limit=100&campaignId=c_0&status=HELD`, { headers: auth }), params: {}, context: {} })],
];

const inspector = process.env.CPU_PROFILE ? new (await import("node:inspector/promises")).Session() : null;
if (inspector) {
  inspector.connect();
  await inspector.post("Profiler.enable");
  await inspector.post("Profiler.setSamplingInterval", { interval: 200 });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, call] of REQUESTS) {
  if (ONLY && !ONLY.test(name)) continue;
  const once = () => countStatements(async () => {
    const res = await call();
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${name}: ${res.status} ${text.slice(0, 300)}`);
    return text.length;
  }, true);
  for (let i = 0; i < 3; i++) await once(); // warm: plans, pool, caches, JIT
  if (inspector) await inspector.post("Profiler.start");
  const wall: number[] = [];
  const cpu: number[] = [];
  let last: Awaited<ReturnType<typeof once>> | null = null;
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    last = await once();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  if (inspector) {
    const { profile } = await inspector.post("Profiler.stop");
    const fs = await import("node:fs");
    fs.mkdirSync(process.env.CPU_PROFILE!, { recursive: true });
    fs.writeFileSync(`${process.env.CPU_PROFILE}/${name.replace(/\W+/g, "-")}.cpuprofile`, JSON.stringify(profile));
  }
  const st = last!.stats;
  console.log(`${name}: wall ${median(wall).toFixed(1)} ms, CPU ${median(cpu).toFixed(1)} ms (median of ${RUNS}), ${st.count} statements (${st.ms.toFixed(1)} ms), ${last!.result} bytes`);
  if (process.env.API_CPU_SQL === "1") for (const s of st.statements ?? []) console.log(`   ${s.ms.toFixed(1).padStart(6)} ms  ${s.sql.replace(/\s+/g, " ").slice(0, 200)}`);
  // API_CPU_EXPLAIN=1: each read of the last run replayed under EXPLAIN (ANALYZE, BUFFERS), its plan's summary lines.
  if (process.env.API_CPU_EXPLAIN === "1") {
    for (const s of st.statements ?? []) {
      if (!/^\s*SELECT/i.test(s.sql)) continue;
      const plan = await prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, ...(s.values ?? []));
      console.log(`   EXPLAIN ${s.sql.replace(/\s+/g, " ").slice(0, 80)}`);
      for (const l of plan) if (/Scan|Execution Time|Planning Time|Sort|Limit/.test(l["QUERY PLAN"])) console.log(`      ${l["QUERY PLAN"].slice(0, 160)}`);
    }
  }
}
await prisma.apiKey.deleteMany({ where: { name: `Bench cpu ${run}` } });
await prisma.$disconnect();
