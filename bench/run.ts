// Page-speed benchmark at the size issue 12 names (bench/seed.ts: 1,000 campaigns, 200 SDRs, 1,000,000 meetings, the
// largest campaign 200,000), served by the production build. Every page is measured beside a trivial page of the same
// server in the same run (/healthz: one `select 1`), and written as a ratio to it, since the machine is shared.
// Then 100 simulated users (bench/load.ts) and the CSV import of 100,000 rows (bench/import.ts), unless skipped.
//   npm run build && npm run bench
//   BENCH_ONLY=<regex of page names>  BENCH_SKIP=load,import  BENCH_RESEED=1  BENCH_MEETINGS=1000000  BENCH_REQUESTS=200
// Adding a page: one line in PAGES below (a page answering 404 on this branch is listed as "not on this branch").
import { CONCURRENCY, measurePage, REQUESTS, startServer, type Result } from "./harness";
import { ensureBenchData, urlFor } from "./seed";
import os from "node:os";

const BASE = process.env.DATABASE_URL!;
const DB = process.env.BENCH_DB ?? "rdv_bench";
const PORT = Number(process.env.BENCH_PORT ?? 3390);
const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 1_000_000);
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, "i") : null;
const SKIP = new Set((process.env.BENCH_SKIP ?? "").split(",").filter(Boolean));

/** [name, path, user id (bench/seed.ts ids), target p95 ms or null]. c_0 is the largest campaign, c_500 a typical one. */
export const PAGES: [string, string, string | null, number | null][] = [
  ["Objectives tab, 20 objectives (admin)", "/campaigns/c_0/objectives", "u_admin", 100],
  ["Objectives tab, team objectives (client admin)", "/campaigns/c_0/objectives", "u_cadmin_0", 100],
  ["objective detail (chart, periods)", "/campaigns/c_0/objectives/o_0_0", "u_admin", null],
  ["activity grid, largest campaign (AM)", "/campaigns/c_0/activity", "u_am_0", null],
  ["AM home: objectives at risk of 200 campaigns", "/home", "u_am_0", 150],
  ["agency admin home", "/home", "u_admin", 150],
  ["client admin home", "/home", "u_cadmin_0", 150],
  ["SDR home", "/home", "u_sdr_0", 150],
  ["Overview, largest campaign (200,000 meetings)", "/campaigns/c_0", "u_admin", 150],
  ["Overview, largest campaign (client admin)", "/campaigns/c_0", "u_cadmin_0", 150],
  ["Overview, typical campaign (~800 meetings)", "/campaigns/c_500", "u_admin", 150],
  ["meetings list, largest campaign, first page", "/campaigns/c_0/meetings", "u_admin", 100],
  ["meetings list, filtered (held, disputed)", "/campaigns/c_0/meetings?status=HELD&verdict=DISPUTED", "u_admin", 100],
  ["meetings list, text search", "/campaigns/c_0/meetings?q=Globex+4321", "u_admin", 100],
  ["meetings list, deep page (3,000 of 4,000)", "/campaigns/c_0/meetings?page=3000", "u_admin", 100],
  ["meetings list, client admin", "/campaigns/c_0/meetings", "u_cadmin_0", 100],
  ["meetings across campaigns (1,000,000)", "/meetings", "u_admin", null],
  ["campaigns list (admin, 1,000)", "/campaigns", "u_admin", null],
  ["agency portfolio (1,000 campaigns)", "/portfolio", "u_admin", 150],
  ["sent report, largest campaign (client admin; bench/report-data.ts)", "/campaigns/c_0/reports/rp_bench_c0", "u_cadmin_0", 100],
  ["campaign's reports list (AM)", "/campaigns/c_0/reports", "u_am_0", null],
];

const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

process.env.SESSION_SECRET ??= "bench-secret-bench-secret";
const t0 = Date.now();
await ensureBenchData(BASE, DB, MEETINGS);
log(`data ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.env.DATABASE_URL = urlFor(BASE, DB);
// The sent report the report pages open (written once, from the bench data, by the app's own composition).
await (await import("./report-data")).ensureBenchReport();

const server = await startServer(PORT, { DATABASE_URL: urlFor(BASE, DB) });
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(" ");
const results: (Result & { target: number | null; trivial: number })[] = [];
const missing: string[] = [];
const loadAtStart = load();
try {
  const trivial = async () => measurePage(PORT, "trivial page (/healthz)", "/healthz", null);
  let base = await trivial();
  console.log(`  trivial page: p95 ${base.p95} ms, ${base.rps} req/s; load ${load()}`);
  results.push({ ...base, target: null, trivial: base.p95 });
  for (const [name, path, user, target] of PAGES) {
    if (ONLY && !ONLY.test(name)) continue;
    const probe = await fetch(`http://127.0.0.1:${PORT}${path}`, { headers: { cookie: await (await import("./harness")).cookieFor(user) }, redirect: "manual" });
    await probe.text();
    if (probe.status === 404) {
      missing.push(name);
      continue;
    }
    process.stdout.write(`  ${name}… `);
    const r = await measurePage(PORT, name, path, user).catch((e: Error) => {
      console.log(`failed: ${e.message}`);
      return null;
    });
    if (!r) {
      missing.push(`${name} (failed: a request took over 30 s or answered an error)`);
      continue;
    }
    // Each figure is printed as soon as it is known (with the trivial page's p95 it is compared to), so a run cut short keeps them.
    console.log(`p95 ${r.p95} ms, ${r.statements ?? "?"} statements, ${r.rps} req/s; trivial p95 ${base.p95} ms; load ${load()}`);
    results.push({ ...r, target, trivial: base.p95 });
    // The trivial page again every few pages: the machine is shared, its speed drifts within a run.
    if (results.length % 5 === 0) {
      base = await trivial();
      results.push({ ...base, target: null, trivial: base.p95 });
    }
  }
  base = await trivial();
  results.push({ ...base, name: "trivial page again (/healthz)", target: null, trivial: base.p95 });
} finally {
  server.kill("SIGTERM");
}

console.log(`\n${MEETINGS.toLocaleString("en")} meetings, 1,000 campaigns; ${REQUESTS} requests per page, ${CONCURRENCY} at a time, production build, loopback.`);
console.log(`Load average (1, 5, 15 min) at the start: ${loadAtStart}; at the end: ${load()} (${os.cpus().length} cores)\n`);
console.log("| page | p50 ms | p95 ms | p99 ms | p95 / trivial p95 | target p95 | req/s | SQL statements | HTML bytes |\n|---|---|---|---|---|---|---|---|---|");
for (const r of results) {
  const ratio = (r.p95 / r.trivial).toFixed(1);
  const target = r.target ? `${r.target} ms ${r.p95 <= r.target ? "met" : "**missed**"}` : "";
  console.log(`| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${ratio} | ${target} | ${r.rps} | ${r.statements ?? ""} | ${r.bytes} |`);
}
if (missing.length) console.log(`\nNot measured (404: not on this branch; or failed): ${missing.join("; ")}`);

if (!SKIP.has("load")) {
  const { runLoad } = await import("./load");
  await runLoad(BASE, DB, PORT);
}
if (!SKIP.has("import")) {
  const { runImport } = await import("./import");
  await runImport(urlFor(BASE, DB));
}
const { prisma } = await import("~/utils/db.server");
await prisma.$disconnect();
process.exit(0);
