// Objectives at the scale: 1,000 campaigns and BENCH_MEETINGS meetings (default 1,000,000), activity for
// every SDR, 20 objectives on the measured campaign and 5 on each of an AM's 200 campaigns. Bulk SQL inserts
// (triggers off), then the rollup is rebuilt once. The Objectives tab, the AM's home (objectives at risk of 200
// campaigns) and a client's home are measured beside a trivial page of the same server, in the same run.
// Run: npm run build && npm run bench:objectives
import { execFileSync } from "node:child_process";
import { CONCURRENCY, measurePage, REQUESTS, startServer, type Result } from "./harness";
import pg from "pg";

const BASE = process.env.DATABASE_URL!;
const DB = "rdv_bench_obj";
const PORT = Number(process.env.BENCH_PORT ?? 3391);
const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 1_000_000);
const CAMPAIGNS = 1000;

const urlFor = (db: string) => Object.assign(new URL(BASE), { pathname: `/${db}` }).toString();
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

const admin = new pg.Client({ connectionString: urlFor("postgres") });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${DB}`);
await admin.end();
execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: urlFor(DB) }, stdio: "pipe" });
process.env.DATABASE_URL = urlFor(DB);
process.env.SESSION_SECRET ??= "bench-secret-bench-secret";

const db = new pg.Client({ connectionString: urlFor(DB) });
await db.connect();
const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
const t0 = Date.now();
log("seeding people, clients, campaigns");
await q(`INSERT INTO "Agency" (id, name, slug, "updatedAt") VALUES ('ag', 'Bench Agency', 'bench-agency', now())`);
await q(`INSERT INTO "User" (id, email, name, "updatedAt")
  SELECT 'u_' || k, k || '@bench.test', initcap(replace(k, '_', ' ')), now() FROM (
    SELECT 'admin' AS k UNION ALL SELECT 'am_' || g FROM generate_series(0, 19) g UNION ALL SELECT 'sdr_' || g FROM generate_series(0, 299) g
    UNION ALL SELECT 'cadmin_' || g FROM generate_series(0, 249) g) x`);
await q(`INSERT INTO "ClientCompany" (id, "agencyId", name, "accountManagerId", "updatedAt") SELECT 'cl_' || g, 'ag', 'Client ' || g, 'u_am_' || (g % 20), now() FROM generate_series(0, 249) g`);
await q(`INSERT INTO "Membership" (id, "userId", "agencyId", "clientCompanyId", role, "updatedAt")
  SELECT 'm_' || u.id, u.id, 'ag', CASE WHEN u.id LIKE 'u_cadmin_%' THEN 'cl_' || substr(u.id, 10) END,
    (CASE WHEN u.id = 'u_admin' THEN 'AGENCY_ADMIN' WHEN u.id LIKE 'u_am_%' THEN 'ACCOUNT_MANAGER' WHEN u.id LIKE 'u_sdr_%' THEN 'SDR' ELSE 'CLIENT_ADMIN' END)::"Role", now()
  FROM "User" u`);
// AM 0 runs campaigns 0-199 (all active); the others spread over the remaining AMs.
await q(`INSERT INTO "Campaign" (id, "agencyId", "clientCompanyId", name, status, "startDate", "endDate", "accountManagerId", "updatedAt")
  SELECT 'c_' || g, 'ag', 'cl_' || (g % 250), 'Campaign ' || g, (CASE WHEN g < 200 OR g % 3 > 0 THEN 'ACTIVE' ELSE 'DRAFT' END)::"CampaignStatus",
    current_date - 150, current_date + 150, CASE WHEN g < 200 THEN 'u_am_0' ELSE 'u_am_' || (1 + g % 19) END, now()
  FROM generate_series(0, ${CAMPAIGNS - 1}) g`);
await q(`UPDATE "ClientCompany" SET "accountManagerId" = 'u_am_1' WHERE "accountManagerId" = 'u_am_0'`);
await q(`INSERT INTO "CampaignAssignment" (id, "campaignId", "userId", maturity) SELECT 'a_' || g || '_' || k, 'c_' || g, 'u_sdr_' || ((g * 3 + k) % 300), (ARRAY['RAMPING','CONFIRMED','SENIOR'])[1 + k]::"Maturity" FROM generate_series(0, ${CAMPAIGNS - 1}) g, generate_series(0, 2) k`);
await q(`INSERT INTO "Persona" (id, "campaignId", "updatedAt") SELECT 'p_' || g, 'c_' || g, now() FROM generate_series(0, ${CAMPAIGNS - 1}) g`);
await q(`INSERT INTO "PersonaVersion" (id, "personaId", number, status, name, "jobTitles", seniorities, departments, industries, geographies, exclusions, "updatedAt")
  SELECT 'pv_' || g, 'p_' || g, 1, 'APPROVED', 'Persona ' || g, '{CFO}', '{C_LEVEL}', '{Finance}', '{Software}', '{FR}', '{}', now() FROM generate_series(0, ${CAMPAIGNS - 1}) g`);
await q(`INSERT INTO "QualificationDefinition" (id, "campaignId", "updatedAt") VALUES ('qd', 'c_0', now())`);
await q(`INSERT INTO "DefinitionVersion" (id, "definitionId", number, status, "allowedChannels", "updatedAt") VALUES ('dv', 'qd', 1, 'APPROVED', '{VIDEO}', now())`);

log(`inserting ${MEETINGS} meetings (rollup triggers off; rebuilt afterwards)`);
await q(`ALTER TABLE "Meeting" DISABLE TRIGGER "Meeting_rollup_insert"`);
await q(`ALTER TABLE "ActivityDay" DISABLE TRIGGER "ActivityDay_rollup"`);
const BATCH = 100_000;
for (let from = 1; from <= MEETINGS; from += BATCH) {
  const to = Math.min(MEETINGS, from + BATCH - 1);
  await q(`INSERT INTO "Meeting" (id, "agencyId", "clientCompanyId", "campaignId", "sdrId", "personaVersionId", "definitionVersionId",
      "prospectName", "prospectEmail", "prospectCompany", "scheduledAt", "timeZone", "durationMinutes", channel, status, verdict,
      "ratingOverall", "opportunityCreated", "pipelineValue", won, "createdAt", "updatedAt")
    SELECT 'mt' || g, 'ag', 'cl_' || ((g % ${CAMPAIGNS}) % 250), 'c_' || (g % ${CAMPAIGNS}), 'u_sdr_' || (((g % ${CAMPAIGNS}) * 3 + g % 3) % 300), 'pv_' || (g % ${CAMPAIGNS}), 'dv',
      'P' || g, 'p' || g || '@b.test', 'Co ' || (g % 5000), now() - ((g % 120) || ' days')::interval + interval '2 days', 'Europe/Paris', 30, 'VIDEO',
      (ARRAY['SCHEDULED','HELD','HELD','NO_SHOW','CANCELLED'])[1 + g % 5]::"MeetingStatus",
      (CASE WHEN g % 5 IN (1, 2) THEN (ARRAY['PENDING','ACCEPTED','ACCEPTED','DISPUTED','DISPUTE_REJECTED'])[1 + g % 5] ELSE 'PENDING' END)::"MeetingVerdict",
      CASE WHEN g % 5 IN (1, 2) THEN 1 + g % 5 END, CASE WHEN g % 5 = 1 THEN g % 2 = 0 END, CASE WHEN g % 5 = 1 THEN (g % 50) * 100000 END, CASE WHEN g % 5 = 1 THEN g % 7 = 0 END,
      now() - ((g % 120) || ' days')::interval, now()
    FROM generate_series(${from}, ${to}) g`);
  log(`  ${to} meetings`);
}
log("activity: 1,000 campaigns x 3 SDRs x 120 days");
await q(`INSERT INTO "ActivityDay" (id, "agencyId", "campaignId", "sdrId", day, dials, conversations, emails, "linkedinMessages", "updatedAt")
  SELECT 'ad_' || g || '_' || k || '_' || d, 'ag', 'c_' || g, 'u_sdr_' || ((g * 3 + k) % 300), current_date - d, 40 + (g + d) % 60, 5 + (g + d) % 12, 10 + d % 15, 3 + k, now()
  FROM generate_series(0, ${CAMPAIGNS - 1}) g, generate_series(0, 2) k, generate_series(0, 119) d WHERE extract(isodow FROM current_date - d) < 6`);
await q(`ALTER TABLE "Meeting" ENABLE TRIGGER "Meeting_rollup_insert"`);
await q(`ALTER TABLE "ActivityDay" ENABLE TRIGGER "ActivityDay_rollup"`);
log("objectives: 20 on campaign 0, 5 on each of AM 0's other 199 campaigns");
const METRICS = ["DIALS", "CONVERSATIONS", "MEETINGS_BOOKED", "MEETINGS_HELD", "MEETINGS_ACCEPTED", "SHOW_RATE", "ACCEPTANCE_RATE", "CONVERSATION_TO_MEETING_RATE", "AVERAGE_RATING", "OPPORTUNITIES", "PIPELINE_VALUE", "WON_VALUE"];
const TARGETS = [3000, 500, 400, 250, 200, 80, 70, 20, 4, 60, 50_000_000, 20_000_000];
await q(`INSERT INTO "Objective" (id, "agencyId", "campaignId", kind, metric, target, scope, "sdrId", "scopeKey", "periodKind", recurring, "startsOn", "endsOn", stake, why, "updatedAt")
  SELECT 'o_' || c || '_' || i, 'ag', 'c_' || c, 'QUANTITATIVE', ($1::text[])[1 + i % 12], ($2::float8[])[1 + i % 12] * CASE WHEN i >= 12 THEN 0.3 ELSE 1 END,
    (CASE WHEN i >= 12 THEN 'SDR' ELSE 'TEAM' END)::"ObjectiveScope", CASE WHEN i >= 12 THEN 'u_sdr_' || ((c * 3 + i % 3) % 300) END,
    CASE WHEN i >= 12 THEN 'u_sdr_' || ((c * 3 + i % 3) % 300) || '_' || i ELSE 'TEAM' END,
    (ARRAY['MONTH','WEEK','QUARTER','CAMPAIGN'])[1 + i % 4]::"PeriodKind", i % 4 < 2, current_date - 140, NULL, 'GROWTH', 'Bench objective ' || i, now()
  FROM generate_series(0, 199) c, generate_series(0, 19) i WHERE c = 0 OR i < 5`, [METRICS, TARGETS]);
log("rebuilding the rollup");
await q(`SELECT rdv_rebuild_rollup()`);
await q(`ANALYZE`);
const stats = await q(`SELECT (SELECT count(*) FROM "Meeting") m, (SELECT count(*) FROM "ActivityDay") a, (SELECT count(*) FROM "CampaignDayStat") s, (SELECT count(*) FROM "Objective") o`);
log(`seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${JSON.stringify(stats.rows[0])}`);
await db.end();

const server = await startServer(PORT);


const scenarios: [string, string, string | null][] = [
  ["trivial page (/healthz)", "/healthz", null],
  ["Objectives tab, 20 objectives (admin)", "/campaigns/c_0/objectives", "u_admin"],
  ["Objectives tab, team objectives (client admin)", "/campaigns/c_0/objectives", "u_cadmin_0"],
  ["objective detail (chart, periods)", "/campaigns/c_0/objectives/o_0_0", "u_admin"],
  ["AM home: objectives at risk of 200 campaigns", "/home", "u_am_0"],
  ["trivial page again (/healthz)", "/healthz", null],
];
const results: Result[] = [];
try {
  for (const [name, path, user] of scenarios) {
    process.stdout.write(`  ${name}… `);
    const r = await measurePage(PORT, name, path, user);
    console.log(`p95 ${r.p95} ms`);
    results.push(r);
  }
} finally {
  server.kill("SIGTERM");
}
const trivial = results[0].p95;
console.log(`\n${MEETINGS} meetings, ${CAMPAIGNS} campaigns; ${REQUESTS} requests per page, ${CONCURRENCY} at a time, production build, loopback\n`);
console.log("| page | p50 ms | p95 ms | p99 ms | p95 / trivial p95 | req/s | HTML bytes |\n|---|---|---|---|---|---|---|");
for (const r of results) console.log(`| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${(r.p95 / trivial).toFixed(1)} | ${r.rps} | ${r.bytes} |`);
const { prisma } = await import("~/utils/db.server");
await prisma.$disconnect();
process.exit(0);
