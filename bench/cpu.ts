// CPU per request of a page's loaders, in process (root, layouts and page loaders in parallel, as Remix runs them),
// on the bench database (bench/seed.ts): the part of a page's time that is Node's, much less sensitive to the
// machine's load than a latency percentile. Prints wall and CPU (user + system) per request, median of the runs,
// and the SQL statements. `node --cpu-prof` on this script profiles the same loop.
//   BENCH_DB=rdv_bench npx tsx bench/cpu.ts [regex of page names]     CPU_RUNS (default 20)
import { register } from "node:module";
import { urlFor } from "./seed";

register(`data:text/javascript,${encodeURIComponent(`export async function load(url, context, next) {
  return /\\.css(\\?|$)/.test(url) ? { format: "module", source: "export default ''", shortCircuit: true } : next(url, context);
}`)}`);

const BASE = process.env.DATABASE_URL!;
process.env.DATABASE_URL = urlFor(BASE, process.env.BENCH_DB ?? "rdv_bench");
process.env.SESSION_SECRET ??= "bench-secret-bench-secret";
const ONLY = process.argv[2] ? new RegExp(process.argv[2], "i") : null;
const RUNS = Number(process.env.CPU_RUNS ?? 20);

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;
const { countStatements } = await import("~/utils/sql-stats.server");
const { createSession, commitSession } = await import("~/utils/auth.server");
const { prisma } = await import("~/utils/db.server");
const L = async (p: string) => (await import(p)).loader as Loader;
const root = await L("~/root");
const app = await L("~/routes/_app+/_layout");
const home = await L("~/routes/_app+/home");
const campaign = await L("~/routes/_app+/campaigns+/$campaignId+/_layout");
const objectives = await L("~/routes/_app+/campaigns+/$campaignId+/objectives+/_index");
const detail = await L("~/routes/_app+/campaigns+/$campaignId+/objectives+/$objectiveId._index");
const activity = await L("~/routes/_app+/campaigns+/$campaignId+/activity");

const PAGES: [string, string, string, Loader[], Record<string, string>][] = [
  ["trivial (root loader only)", "/healthz", "u_admin", [root], {}],
  ["Objectives tab (admin)", "/campaigns/c_0/objectives", "u_admin", [root, app, campaign, objectives], { campaignId: "c_0" }],
  ["Objectives tab (client admin)", "/campaigns/c_0/objectives", "u_cadmin_0", [root, app, campaign, objectives], { campaignId: "c_0" }],
  ["AM home", "/home", "u_am_0", [root, app, home], {}],
  ["objective detail", "/campaigns/c_0/objectives/o_0_0", "u_admin", [root, app, campaign, detail], { campaignId: "c_0", objectiveId: "o_0_0" }],
  ["activity grid (AM)", "/campaigns/c_0/activity", "u_am_0", [root, app, campaign, activity], { campaignId: "c_0" }],
];

// CPU_PROFILE=<dir>: a V8 CPU profile of each page's measured runs only (not the start-up), one file per page.
const inspector = process.env.CPU_PROFILE ? new (await import("node:inspector/promises")).Session() : null;
if (inspector) {
  inspector.connect();
  await inspector.post("Profiler.enable");
  await inspector.post("Profiler.setSamplingInterval", { interval: 200 });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, path, user, loaders, params] of PAGES) {
  if (ONLY && !ONLY.test(name)) continue;
  const session = await createSession(user, "cpu");
  const cookie = (await commitSession(session.id)).split(";")[0];
  const run = () =>
    countStatements(() => Promise.all(loaders.map((l) => l({ request: new Request(`http://localhost${path}`, { headers: { cookie } }), params, context: {} }).then((r) => (r instanceof Response ? r.text() : r)))), false);
  for (let i = 0; i < 3; i++) await run(); // warm: plans, pool, caches, JIT
  if (inspector) await inspector.post("Profiler.start");
  const wall: number[] = [];
  const cpu: number[] = [];
  let statements = 0;
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const { stats } = await run();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    statements = stats.count;
  }
  if (inspector) {
    const { profile } = await inspector.post("Profiler.stop");
    const fs = await import("node:fs");
    fs.mkdirSync(process.env.CPU_PROFILE!, { recursive: true });
    fs.writeFileSync(`${process.env.CPU_PROFILE}/${name.replace(/\W+/g, "-")}.cpuprofile`, JSON.stringify(profile));
  }
  console.log(`${name}: wall ${median(wall).toFixed(1)} ms, CPU ${median(cpu).toFixed(1)} ms (median of ${RUNS}), ${statements} statements`);
}
await prisma.$disconnect();
