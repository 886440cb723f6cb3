// The CSV import of 100,000 rows (issue 12: under 30 s, peak resident memory of the process under 300 MB), through
// the app's own import path (createImport, confirmImport, processImportJob: the same as the Import screen and its
// worker), on the bench database's largest campaign, as one of its SDRs. Runs in its own process so its peak RSS is
// the import's (Node, Prisma and tsx included); the imported meetings are deleted afterwards (the bench data stays
// as seeded).
//   npx tsx bench/import.ts          (DATABASE_URL: the server; BENCH_DB, default rdv_bench; BENCH_IMPORT_ROWS, 100000)
// bench/run.ts calls runImport(url), which starts this file as a child process.
import { spawnSync } from "node:child_process";
import os from "node:os";

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

/** From bench/run.ts: the import in a child process (its own RSS), on the bench database at `url`. */
export async function runImport(url: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", new URL(import.meta.url).pathname, "--child"], {
    env: { ...process.env, DATABASE_URL: url, BENCH_IMPORT_CHILD: "1" },
    stdio: "inherit",
  });
  if (r.status !== 0) console.log(`CSV import bench failed (exit ${r.status}).`);
}

async function child() {
  // BENCH_NO_PRETENURING=1: V8's allocation-site pretenuring off in this process (measured, not adopted: decision 0065).
  if (process.env.BENCH_NO_PRETENURING === "1") (await import("node:v8")).setFlagsFromString("--no-allocation-site-pretenuring");
  const { prisma } = await import("~/utils/db.server");
  const { actorForUser } = await import("~/utils/auth.server");
  const { confirmImport, createImport, getImport } = await import("~/models/meetings/import.server");
  const { processImportJob } = await import("~/models/meetings/import-worker.server");
  // The largest campaign's first SDR and its approved persona (bench/seed.ts ids).
  const assignment = await prisma.campaignAssignment.findFirstOrThrow({ where: { campaignId: "c_0" }, orderBy: { userId: "asc" } });
  const persona = await prisma.personaVersion.findFirstOrThrow({ where: { persona: { campaignId: "c_0" }, status: "APPROVED" } });
  const actor = (await actorForUser(assignment.userId))!;
  // The imported meetings of an earlier run, by their external ids (the unique index; a LIKE 'imp-%' reads the
  // campaign's 200,000 rows).
  const cleanUp = () =>
    prisma.$executeRawUnsafe(`DELETE FROM "Meeting" WHERE "campaignId" = 'c_0' AND "externalId" = ANY (SELECT 'imp-' || g FROM generate_series(0, $1::int - 1) g)`, ROWS);
  await cleanUp();

  // Future meetings over the next 60 days, 100 bytes a row at most (the file stays under the 10 MB limit), written
  // straight into one buffer (as the upload arrives: one Uint8Array), not as 100,000 strings first.
  const start = Date.now() + 2 * 86400_000;
  const out = Buffer.alloc(ROWS * 100 + 100);
  let size = out.write("external id,name,email,company,date,persona,channel");
  for (let i = 0; i < ROWS; i++) {
    const at = new Date(start + (i % 60) * 86400_000 + (i % 40) * 15 * 60_000).toISOString().slice(0, 16).replace("T", " ");
    size += out.write(`\nimp-${i},P ${i},p${i}@imp.test,Co ${i % 5000},${at},${persona.name},video`, size);
  }
  const bytes = new Uint8Array(out.buffer, out.byteOffset, size);
  console.log(`\nCSV import: ${ROWS.toLocaleString("en")} rows, ${(bytes.length / 1048576).toFixed(1)} MB, as ${assignment.userId} on c_0; load ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`);

  const cpu = () => {
    const u = process.resourceUsage();
    return (u.userCPUTime + u.systemCPUTime) / 1e6;
  };
  const rss = () => Math.round(process.memoryUsage().rss / 1048576);
  console.log(`  before the upload: RSS ${rss()} MB`);
  const c0 = cpu();
  const t0 = performance.now();
  const job = await createImport(actor, "c_0", { name: "bench.csv", bytes });
  const j = await getImport(actor, "c_0", job.id);
  const confirmed = await confirmImport(actor, "c_0", job.id, { ...j.mapping, defaultTimeZone: "Europe/Paris" });
  if (!confirmed.ok) throw new Error(`confirm refused: ${JSON.stringify(confirmed)}`);
  const t1 = performance.now();
  const c1 = cpu();
  const rss1 = Math.round(process.resourceUsage().maxRSS / 1024);
  let rssMax = 0;
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, rss())), 200);
  await processImportJob(job.id);
  clearInterval(sampler);
  const t2 = performance.now();
  const c2 = cpu();
  const done = await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } });
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`  status ${done.status}: ${done.createdCount} created, ${done.skippedCount} skipped, ${done.errorCount} errors`);
  console.log(`  upload and mapping ${((t1 - t0) / 1000).toFixed(1)} s; import (worker) ${((t2 - t1) / 1000).toFixed(1)} s; total ${((t2 - t0) / 1000).toFixed(1)} s (target < 30 s: ${t2 - t0 < 30_000 ? "met" : "missed"})`);
  console.log(`  CPU of the process: upload and mapping ${(c1 - c0).toFixed(1)} s, worker ${(c2 - c1).toFixed(1)} s; peak RSS after the upload and mapping ${rss1} MB, sampled during the worker ${rssMax} MB`);
  console.log(`  peak resident memory of the process ${rssMb} MB (target < 300 MB: ${rssMb < 300 ? "met" : "missed"}); load ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  await cleanUp();
  await prisma.$disconnect();
}

if (process.argv.includes("--child") || process.argv[1]?.endsWith("bench/import.ts")) {
  if (!process.env.BENCH_IMPORT_CHILD) {
    // Run directly: point at the bench database (seeded by npm run bench; BENCH_DB to choose it).
    const { urlFor } = await import("./seed");
    process.env.DATABASE_URL = urlFor(process.env.DATABASE_URL!, process.env.BENCH_DB ?? "rdv_bench");
  }
  await child();
  process.exit(0);
}
