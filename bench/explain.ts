// Where a page's time goes, statement by statement: runs the loaders of a document request (root, layouts, page, in
// parallel as Remix does) on the bench database (bench/seed.ts, seeded by `npm run bench`), then replays every
// statement they sent under EXPLAIN (ANALYZE, BUFFERS) with its parameters, slowest first.
//   BENCH_DB=rdv_bench npx tsx bench/explain.ts [regex of page names]   (EXPLAIN_PLANS=0: times only)
import pg from "pg";
import { register } from "node:module";
import { urlFor } from "./seed";

// The root route imports its stylesheet (Vite's business): an empty module here.
register(`data:text/javascript,${encodeURIComponent(`export async function load(url, context, next) {
  return /\\.css(\\?|$)/.test(url) ? { format: "module", source: "export default ''", shortCircuit: true } : next(url, context);
}`)}`);

const BASE = process.env.DATABASE_URL!;
const DB = process.env.BENCH_DB ?? "rdv_bench";
process.env.DATABASE_URL = urlFor(BASE, DB);
process.env.SESSION_SECRET ??= "bench-secret-bench-secret";
const ONLY = process.argv[2] ? new RegExp(process.argv[2], "i") : null;
const PLANS = process.env.EXPLAIN_PLANS !== "0";

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

const { countStatements } = await import("~/utils/sql-stats.server");
const { createSession, commitSession } = await import("~/utils/auth.server");
const { prisma } = await import("~/utils/db.server");
const root = (await import("~/root")).loader as Loader;
const app = (await import("~/routes/_app+/_layout")).loader as Loader;
const home = (await import("~/routes/_app+/home")).loader as Loader;
const campaign = (await import("~/routes/_app+/campaigns+/$campaignId+/_layout")).loader as Loader;
const overview = (await import("~/routes/_app+/campaigns+/$campaignId+/_index")).loader as Loader;
const objectives = (await import("~/routes/_app+/campaigns+/$campaignId+/objectives+/_index")).loader as Loader;
const meetings = (await import("~/routes/_app+/campaigns+/$campaignId+/meetings+/_index")).loader as Loader;

/** [name, path, user, loaders, params]: the pages of bench/run.ts that miss their target. */
const PAGES: [string, string, string, Loader[], Record<string, string>][] = [
  ["Objectives tab (admin)", "/campaigns/c_0/objectives", "u_admin", [root, app, campaign, objectives], { campaignId: "c_0" }],
  ["AM home", "/home", "u_am_0", [root, app, home], {}],
  ["agency admin home", "/home", "u_admin", [root, app, home], {}],
  ["meetings list, first page", "/campaigns/c_0/meetings", "u_admin", [root, app, campaign, meetings], { campaignId: "c_0" }],
  ["Overview, largest campaign", "/campaigns/c_0", "u_admin", [root, app, campaign, overview], { campaignId: "c_0" }],
];

const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
await db.connect();
for (const [name, path, user, loaders, params] of PAGES) {
  if (ONLY && !ONLY.test(name)) continue;
  const session = await createSession(user, "explain");
  const cookie = (await commitSession(session.id)).split(";")[0];
  const run = () => countStatements(() => Promise.all(loaders.map((l) => l({ request: new Request(`http://localhost${path}`, { headers: { cookie } }), params, context: {} }).catch((e) => e))));
  await run(); // warm: plans, pool, caches
  const t0 = performance.now();
  const { stats } = await run();
  console.log(`\n## ${name}: ${(performance.now() - t0).toFixed(0)} ms in process, ${stats.count} statements, ${stats.ms.toFixed(0)} ms summed`);
  const timed: { ms: number; sql: string; plan: string }[] = [];
  for (const s of stats.statements ?? []) {
    if (!/^\s*(SELECT|WITH)/i.test(s.sql)) continue;
    const r = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.values as unknown[] | undefined).catch((e: Error) => ({ rows: [{ "QUERY PLAN": `(not explained: ${e.message})` }] }));
    const plan = r.rows.map((x: Record<string, string>) => x["QUERY PLAN"]).join("\n");
    const ms = Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1] ?? 0);
    timed.push({ ms, sql: s.sql.replace(/\s+/g, " "), plan });
  }
  for (const t of timed.sort((a, b) => b.ms - a.ms)) {
    console.log(`\n### ${t.ms.toFixed(1)} ms  ${t.sql.slice(0, 400)}`);
    if (PLANS && t.ms >= 5) console.log(t.plan);
  }
}
await db.end();
await prisma.$disconnect();
