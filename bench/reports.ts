// Campaign reports at the dashboards' bench size (bench/seed.ts; issue 14's targets): composing a month's draft for
// the largest campaign (< 1 s), opening a sent report (< 100 ms p95), rendering its PDF (< 2 s). Composing and the
// PDF are timed in process (the app's own functions, as the compose action and the PDF route call them); the pages
// are served by the production build and measured beside the trivial page (/healthz) of the same server, in the same run.
//   npm run build && node scripts/with-db.mjs tsx bench/reports.ts
//   BENCH_DB=rdv_bench  BENCH_MEETINGS=1000000 (a smaller figure seeds a smaller database: the largest campaign has a fifth)
import os from "node:os";
import { CONCURRENCY, measure, REQUESTS, startServer, type Result } from "./harness";
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

/** Times `fn` RUNS times after two warm-ups; percentiles in ms. */
async function timed(fn: () => Promise<unknown>) {
  for (let i = 0; i < 2; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))]);
  return { p50: q(0.5), p95: q(0.95), max: Math.round(times[times.length - 1]) };
}

// Composing last month's draft for the largest campaign, as the AM's "new report" action does (composition + insert).
const am = (await actorForUser("u_am_0"))!;
const month = defaultReportPeriod(todayIn("Europe/Paris"));
const created: string[] = [];
const compose = await timed(async () => {
  const r = await createDraft(am, BENCH_CAMPAIGN, {
    periodStart: month.start, periodEnd: month.end, sections: [...SECTION_KEYS], highlightIds: [], commentary: "", highlights: "", nextSteps: "", correctionNote: "",
  });
  created.push(r.id);
});
await prisma.report.deleteMany({ where: { id: { in: created }, status: "DRAFT" } });
log(`compose a month's draft (${month.start} to ${month.end}): p50 ${compose.p50} ms, p95 ${compose.p95} ms, max ${compose.max} ms (target < 1,000 ms)`);

// The PDF of the sent report, in French, from its frozen snapshot (as the PDF route renders it).
const sent = await prisma.report.findUniqueOrThrow({ where: { id: BENCH_REPORT }, select: { snapshot: true, frozenAt: true } });
const snapshot = readSnapshot(sent.snapshot)!;
let bytes = 0;
const pdf = await timed(async () => {
  bytes = (await renderReportPdf(snapshot, "fr", sent.frozenAt!.toISOString())).length;
});
log(`render the PDF (${bytes} bytes): p50 ${pdf.p50} ms, p95 ${pdf.p95} ms, max ${pdf.max} ms (target < 2,000 ms)`);

// The pages, served by the production build.
const server = await startServer(PORT, { DATABASE_URL: urlFor(BASE, DB) });
const base = `/campaigns/${BENCH_CAMPAIGN}/reports`;
const pages: [string, string, string, number | null][] = [
  ["sent report, client admin (reads one row)", `${base}/${BENCH_REPORT}`, "u_cadmin_0", 100],
  ["sent report, agency admin (with its opens)", `${base}/${BENCH_REPORT}`, "u_admin", 100],
  ["campaign's reports list (AM)", base, "u_am_0", null],
  ["sent report's PDF over HTTP (client admin)", `${base}/${BENCH_REPORT}/pdf`, "u_cadmin_0", 2000],
];
const rows: (Result & { target: number | null; trivial: number })[] = [];
try {
  let trivial = await measure(PORT, "trivial page (/healthz)", "/healthz", null);
  rows.push({ ...trivial, target: null, trivial: trivial.p95 });
  for (const [name, path, user, target] of pages) {
    const r = await measure(PORT, name, path, user);
    log(`${name}: p95 ${r.p95} ms, ${r.statements ?? "?"} statements; trivial p95 ${trivial.p95} ms; load ${load()}`);
    rows.push({ ...r, target, trivial: trivial.p95 });
  }
  trivial = await measure(PORT, "trivial page again (/healthz)", "/healthz", null);
  rows.push({ ...trivial, target: null, trivial: trivial.p95 });
} finally {
  server.kill("SIGTERM");
}

console.log(`\n${total.toLocaleString("en")} meetings (${largest.toLocaleString("en")} on the largest campaign); ${RUNS} runs in process; ${REQUESTS} requests per page, ${CONCURRENCY} at a time; load ${load()} (${os.cpus().length} cores)\n`);
console.log("| what | p50 ms | p95 ms | p95 / trivial p95 | target | statements |\n|---|---|---|---|---|---|");
console.log(`| compose a month's draft, largest campaign (in process) | ${compose.p50} | ${compose.p95} | | < 1,000 ms ${compose.p95 < 1000 ? "met" : "**missed**"} | |`);
console.log(`| render the report's PDF (in process) | ${pdf.p50} | ${pdf.p95} | | < 2,000 ms ${pdf.p95 < 2000 ? "met" : "**missed**"} | |`);
for (const r of rows) {
  const target = r.target ? `< ${r.target.toLocaleString("en")} ms ${r.p95 < r.target ? "met" : "**missed**"}` : "";
  console.log(`| ${r.name} | ${r.p50} | ${r.p95} | ${(r.p95 / r.trivial).toFixed(1)} | ${target} | ${r.statements ?? ""} |`);
}
await prisma.$disconnect();
process.exit(0);
