// Campaign reports at the dashboards' bench size (bench/seed.ts; issue 14's targets): composing a month's draft for
// the largest campaign (< 1 s), opening a sent report (< 100 ms p95), rendering its PDF (< 2 s). Composing and the
// PDF are timed in process (the app's own functions, as the compose action and the PDF route call them), with this
// process's CPU time and, for composing, its SQL replayed under EXPLAIN ANALYZE (the database's own time); the pages are
// served by the production build and measured beside the trivial page (/healthz) of the same server, asked just
// before each page, with the server process's CPU time per request (/proc: what a quiet machine would spend).
//   npm run build && node scripts/with-db.mjs tsx bench/reports.ts
//   BENCH_DB=rdv_bench  BENCH_MEETINGS=1000000 (a smaller figure seeds a smaller database: the largest campaign has a fifth)
import fs from "node:fs";
import os from "node:os";
import pg from "pg";
import { CONCURRENCY, measurePage, REQUESTS, startServer, type Result } from "./harness";
import { ensureBenchData, urlFor } from "./seed";
import { BENCH_CAMPAIGN, BENCH_REPORT, ensureBenchReport } from "./report-data";

const BASE = process.env.DATABASE_URL!;
const DB = process.env.BENCH_DB ?? "rdv_bench";
const PORT = Number(process.env.BENCH_PORT ?? 3392);
const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(" ");

process.env.SESSION_SECRET ??= "bench-secret-bench-secret";
await ensureBenchData(BASE, DB, MEETINGS);
process.env.DATABASE_URL = urlFor(BASE, DB);
const { prisma } = await import("~/utils/db.server");
const { countStatements } = await import("~/utils/sql-stats.server");
const { actorForUser } = await import("~/utils/auth.server");
const { createDraft } = await import("~/models/reports/reports.server");
const { renderReportPdf } = await import("~/services/report-pdf.server");
const { readSnapshot } = await import("~/domain/reports/snapshot");
const { defaultReportPeriod } = await import("~/domain/reports/period");
const { todayIn } = await import("~/domain/objectives/dates");
const { SECTION_KEYS } = await import("~/domain/reports/sections");

await ensureBenchReport();
const largest = await prisma.meeting.count({ where: { campaignId: BENCH_CAMPAIGN } });
const total = await prisma.meeting.count();
log(`${total} meetings, ${largest} on ${BENCH_CAMPAIGN}; load ${load()}`);

type Timed = { p50: number; p95: number; max: number; cpu50: number; cpu95: number };
const pct = (xs: number[], p: number) => Math.round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]);

/** Times `fn` RUNS times after two warm-ups: wall and this process's CPU (user + system), percentiles in ms. */
async function timed(fn: () => Promise<unknown>): Promise<Timed> {
  for (let i = 0; i < 2; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { p50: pct(wall, 0.5), p95: pct(wall, 0.95), max: pct(wall, 1), cpu50: pct(cpu, 0.5), cpu95: pct(cpu, 0.95) };
}

// Composing last month's draft for the largest campaign, as the AM's "new report" action does (composition + insert).
const am = (await actorForUser("u_am_0"))!;
const month = defaultReportPeriod(todayIn("Europe/Paris"));
const created: string[] = [];
const composeOnce = async () => {
  const r = await createDraft(am, BENCH_CAMPAIGN, {
    periodStart: month.start, periodEnd: month.end, sections: [...SECTION_KEYS], highlightIds: [], commentary: "", highlights: "", nextSteps: "", correctionNote: "",
  });
  created.push(r.id);
};
const compose = await timed(composeOnce);
// Its statements once more, then each SELECT replayed under EXPLAIN ANALYZE: the database's execution time, which a
// loaded machine inflates far less than the round trips seen from Node.
const { stats } = await countStatements(composeOnce);
const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
await db.connect();
const explained: { ms: number; sql: string }[] = [];
for (const s of stats.statements ?? []) {
  if (!/^\s*(SELECT|WITH)/i.test(s.sql)) continue;
  const r = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.values as unknown[] | undefined).catch(() => null);
  const plan = r ? r.rows.map((x: Record<string, string>) => x["QUERY PLAN"]).join("\n") : "";
  explained.push({ ms: Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1] ?? 0), sql: s.sql.replace(/\s+/g, " ").slice(0, 160) });
}
await db.end();
// One draft kept for the page list below (its PDF is rendered on every request, as every PDF was before 0064).
const draftId = created.pop()!;
await prisma.report.deleteMany({ where: { id: { in: created }, status: "DRAFT" } });
// The sent report's kept PDFs are dropped so that this run's first download renders and keeps them again.
await prisma.reportPdf.deleteMany({ where: { reportId: BENCH_REPORT } });
const sqlMs = explained.reduce((a, e) => a + e.ms, 0);
log(`compose a month's draft (${month.start} to ${month.end}): p50 ${compose.p50} ms, p95 ${compose.p95} ms, max ${compose.max} ms; CPU p50 ${compose.cpu50} ms; ${stats.count} statements, SQL execution ${sqlMs.toFixed(1)} ms summed (target < 1,000 ms)`);
for (const e of explained.sort((a, b) => b.ms - a.ms).slice(0, 5)) log(`  ${e.ms.toFixed(1)} ms  ${e.sql}`);

// The PDF of the sent report, in French, from its frozen snapshot (as the PDF route renders it).
const sent = await prisma.report.findUniqueOrThrow({ where: { id: BENCH_REPORT }, select: { snapshot: true, frozenAt: true } });
const snapshot = readSnapshot(sent.snapshot)!;
let bytes = 0;
const pdf = await timed(async () => {
  bytes = (await renderReportPdf(snapshot, "fr", sent.frozenAt!.toISOString())).length;
});
log(`render the PDF (${bytes} bytes): p50 ${pdf.p50} ms, p95 ${pdf.p95} ms, max ${pdf.max} ms; CPU p50 ${pdf.cpu50} ms (target < 2,000 ms)`);

/** The server process's CPU time so far, in ms (utime + stime of /proc/<pid>/stat, in clock ticks of 10 ms). */
const cpuOf = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

// The pages, served by the production build; /healthz measured just before each.
const server = await startServer(PORT, { DATABASE_URL: urlFor(BASE, DB) });
const base = `/campaigns/${BENCH_CAMPAIGN}/reports`;
const pages: [string, string, string, number | null][] = [
  ["sent report, client admin (reads one row)", `${base}/${BENCH_REPORT}`, "u_cadmin_0", 100],
  ["sent report, agency admin (with its opens)", `${base}/${BENCH_REPORT}`, "u_admin", 100],
  ["campaign's reports list (AM)", base, "u_am_0", null],
  ["sent report's PDF over HTTP (client admin; kept: rendered by the first request only)", `${base}/${BENCH_REPORT}/pdf?lang=fr`, "u_cadmin_0", 2000],
  ["draft's PDF over HTTP (AM; rendered on every request, as every PDF was before)", `${base}/${draftId}/pdf?lang=fr`, "u_am_0", 2000],
];
type Row = Result & { target: number | null; trivial: number; cpu: number };
const rows: Row[] = [];
const measured = async (name: string, path: string, user: string | null) => {
  const c0 = cpuOf(server.pid!);
  const r = await measurePage(PORT, name, path, user);
  return { ...r, cpu: (cpuOf(server.pid!) - c0) / (REQUESTS + 5) };
};
try {
  for (const [name, path, user, target] of pages) {
    const trivial = await measured("trivial page (/healthz)", "/healthz", null);
    rows.push({ ...trivial, target: null, trivial: trivial.p95 });
    const r = await measured(name, path, user);
    log(`${name}: p95 ${r.p95} ms, server CPU ${r.cpu.toFixed(1)} ms/request, ${r.statements ?? "?"} statements; trivial p95 ${trivial.p95} ms (CPU ${trivial.cpu.toFixed(1)} ms/request); load ${load()}`);
    rows.push({ ...r, target, trivial: trivial.p95 });
  }
} finally {
  server.kill("SIGTERM");
  await prisma.report.deleteMany({ where: { id: draftId, status: "DRAFT" } });
}

console.log(`\n${total.toLocaleString("en")} meetings (${largest.toLocaleString("en")} on the largest campaign); ${RUNS} runs in process; ${REQUESTS} requests per page, ${CONCURRENCY} at a time; load ${load()} (${os.cpus().length} cores)\n`);
console.log("| what | p50 ms | p95 ms | p95 / trivial p95 | CPU ms (p50 or per request) | target | statements |\n|---|---|---|---|---|---|---|");
const met = (p95: number, target: number) => `< ${target.toLocaleString("en")} ms ${p95 < target ? "met" : "**missed**"}`;
console.log(`| compose a month's draft, largest campaign (in process; SQL execution ${sqlMs.toFixed(0)} ms) | ${compose.p50} | ${compose.p95} | | ${compose.cpu50} | ${met(compose.p95, 1000)} | ${stats.count} |`);
console.log(`| render the report's PDF, ${(bytes / 1000).toFixed(1)} kB (in process) | ${pdf.p50} | ${pdf.p95} | | ${pdf.cpu50} | ${met(pdf.p95, 2000)} | |`);
for (const r of rows) {
  console.log(`| ${r.name} | ${r.p50} | ${r.p95} | ${(r.p95 / r.trivial).toFixed(1)} | ${r.cpu.toFixed(1)} | ${r.target ? met(r.p95, r.target) : ""} | ${r.statements ?? ""} |`);
}
await prisma.$disconnect();
process.exit(0);
