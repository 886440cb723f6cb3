// The bench's data at the size issue 12 names, written with bulk SQL (the domain functions would take hours):
// one agency, 20 AMs, 200 SDRs, 250 client companies (an admin and a member each), 1,000 campaigns (AM 0 runs
// campaigns 0-199), 1,000,000 meetings (BENCH_MEETINGS) of which 200,000 on campaign c_0 (10 SDRs) and the rest spread
// on the 999 others (3 SDRs each), over the last ~6 months and the next 2 weeks; activity for every SDR on every
// working day of 150 days; 20 objectives on c_0 and 5 on each of AM 0's other 199 campaigns.
// Rollup triggers are off during the load and the Meeting indexes are built after it (both far faster in bulk);
// `rdv_rebuild_rollup()` runs once at the end. The database is kept between runs: a marker row says what it holds,
// so a second `npm run bench` measures at once (BENCH_RESEED=1 forces a new seed).
import { execFileSync } from "node:child_process";
import pg from "pg";

export const CAMPAIGNS = 1000;
export const SDRS = 200;
export const CLIENTS = 250;
export const LARGEST = 200_000;
const SEED_VERSION = 3;

const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);
export const urlFor = (base: string, db: string) => Object.assign(new URL(base), { pathname: `/${db}` }).toString();

/**
 * Databases seeded before the seed set "ratedAt" hold rated meetings without it, so the ratings rollup (which counts
 * rated meetings: "ratedAt" set, decision 0054) is empty there: set it once, as the seed now does, and rebuild that rollup.
 */
async function repairRatedAt(c: pg.Client) {
  const { rows } = await c.query(`SELECT EXISTS (SELECT 1 FROM "Meeting" WHERE "ratingOverall" IS NOT NULL AND "ratedAt" IS NULL) AS stale`);
  if (!rows[0].stale) return;
  log('setting "ratedAt" on rated meetings (seeded before it was), then rebuilding the ratings rollup');
  await c.query(`ALTER TABLE "Meeting" DISABLE TRIGGER USER`);
  await c.query(`UPDATE "Meeting" SET "ratedAt" = "scheduledAt" WHERE "ratingOverall" IS NOT NULL AND "ratedAt" IS NULL`);
  await c.query(`ALTER TABLE "Meeting" ENABLE TRIGGER USER`);
  await c.query(`SELECT rdv_rebuild_rating_rollup()`);
  await c.query(`VACUUM ANALYZE "Meeting"`);
}

/**
 * The definition's criteria and the disputed meetings' dispute items (one criterion each, a second on one in three),
 * skewed so some criteria are disputed far more than others: without them the Overview's "disputes by criterion" and
 * its rollup ("CampaignDayDispute") read empty at bench size. Item triggers off during the load; the caller rebuilds
 * the dispute rollup.
 */
async function seedDisputeItems(c: pg.Client) {
  // The version is already approved, and an approved version's criteria are guarded (rdv_guard_criterion).
  await c.query(`ALTER TABLE "DefinitionCriterion" DISABLE TRIGGER USER`);
  await c.query(`INSERT INTO "DefinitionCriterion" (id, "versionId", key, label, position)
    VALUES ('dc_0', 'dv', 'decision_power', 'Decision power', 0), ('dc_1', 'dv', 'budget', 'Budget identified', 1),
      ('dc_2', 'dv', 'need', 'Expressed need', 2), ('dc_3', 'dv', 'timeline', 'Timeline under 6 months', 3), ('dc_4', 'dv', 'persona_fit', 'Matches the persona', 4)
    ON CONFLICT DO NOTHING`);
  await c.query(`ALTER TABLE "DefinitionCriterion" ENABLE TRIGGER USER`);
  await c.query(`ALTER TABLE "MeetingDisputeItem" DISABLE TRIGGER USER`);
  await c.query(`INSERT INTO "MeetingDisputeItem" (id, "meetingId", "criterionId", reason, "createdAt")
    SELECT 'di_' || x.id || '_' || k, x.id, 'dc_' || k, (ARRAY['Not the decision maker', 'No budget', 'No need expressed', 'Project in 2 years', 'Wrong persona'])[1 + k], x.at
      FROM (SELECT m.id, m."scheduledAt" AS at, substr(m.id, 3)::int AS g,
                   (ARRAY[0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 4])[1 + (substr(m.id, 3)::int / 7) % 11] AS k1
              FROM "Meeting" m WHERE m.verdict IN ('DISPUTED', 'DISPUTE_REJECTED', 'DISPUTE_UPHELD') AND m.id ~ '^mt[0-9]+$') x,
           LATERAL (SELECT x.k1 AS k UNION ALL SELECT (x.k1 + 1 + (x.g / 11) % 4) % 5 WHERE x.g % 3 = 0) ks
    ON CONFLICT DO NOTHING`);
  await c.query(`ALTER TABLE "MeetingDisputeItem" ENABLE TRIGGER USER`);
}

/** Databases seeded before the seed wrote dispute items: write them once and rebuild the dispute rollup. */
async function repairDisputeItems(c: pg.Client) {
  const { rows } = await c.query(`SELECT NOT EXISTS (SELECT 1 FROM "DefinitionCriterion" WHERE "versionId" = 'dv') AS missing`);
  if (!rows[0].missing) return;
  log("writing the disputed meetings' dispute items (seeded before they were), then rebuilding the dispute rollup");
  await seedDisputeItems(c);
  await c.query(`SELECT rdv_rebuild_dispute_rollup()`);
  await c.query(`VACUUM ANALYZE "MeetingDisputeItem"`);
}

/** Seeds `db` (created when missing) unless it already holds this seed; returns whether it seeded. */
export async function ensureBenchData(base: string, db: string, meetings: number): Promise<boolean> {
  const marker = `v${SEED_VERSION}:${meetings}`;
  const admin = new pg.Client({ connectionString: urlFor(base, "postgres") });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [db])).rowCount;
  if (exists && process.env.BENCH_RESEED !== "1") {
    const c = new pg.Client({ connectionString: urlFor(base, db) });
    await c.connect();
    const found = await c.query(`SELECT marker FROM bench_seed`).catch(() => ({ rows: [] as { marker: string }[] }));
    if (found.rows[0]?.marker === marker) {
      await admin.end();
      // New migrations of this branch apply on top of the kept data.
      execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: urlFor(base, db) }, stdio: "pipe" });
      await repairRatedAt(c);
      await repairDisputeItems(c);
      await c.end();
      log(`reusing ${db} (${marker}); BENCH_RESEED=1 to seed again`);
      return false;
    }
    await c.end();
  }
  await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: urlFor(base, db) }, stdio: "pipe" });
  const c = new pg.Client({ connectionString: urlFor(base, db) });
  await c.connect();
  await seed(c, meetings);
  await c.query(`CREATE TABLE bench_seed (marker text)`);
  await c.query(`INSERT INTO bench_seed VALUES ($1)`, [marker]);
  await c.end();
  return true;
}

async function seed(db: pg.Client, MEETINGS: number) {
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
  const t0 = Date.now();
  log("people, clients, campaigns");
  await q(`INSERT INTO "Agency" (id, name, slug, "updatedAt") VALUES ('ag', 'Bench Agency', 'bench-agency', now())`);
  await q(`INSERT INTO "User" (id, email, name, "updatedAt")
    SELECT 'u_' || k, k || '@bench.test', initcap(replace(k, '_', ' ')), now() FROM (
      SELECT 'admin' AS k UNION ALL SELECT 'am_' || g FROM generate_series(0, 19) g UNION ALL SELECT 'sdr_' || g FROM generate_series(0, ${SDRS - 1}) g
      UNION ALL SELECT 'cadmin_' || g FROM generate_series(0, ${CLIENTS - 1}) g UNION ALL SELECT 'cmember_' || g FROM generate_series(0, ${CLIENTS - 1}) g) x`);
  await q(`INSERT INTO "ClientCompany" (id, "agencyId", name, "accountManagerId", "updatedAt") SELECT 'cl_' || g, 'ag', 'Client ' || g, 'u_am_' || (1 + g % 19), now() FROM generate_series(0, ${CLIENTS - 1}) g`);
  await q(`INSERT INTO "Membership" (id, "userId", "agencyId", "clientCompanyId", role, "updatedAt")
    SELECT 'm_' || u.id, u.id, 'ag', CASE WHEN u.id LIKE 'u_c%' THEN 'cl_' || split_part(u.id, '_', 3) END,
      (CASE WHEN u.id = 'u_admin' THEN 'AGENCY_ADMIN' WHEN u.id LIKE 'u_am_%' THEN 'ACCOUNT_MANAGER' WHEN u.id LIKE 'u_sdr_%' THEN 'SDR'
        WHEN u.id LIKE 'u_cadmin_%' THEN 'CLIENT_ADMIN' ELSE 'CLIENT_MEMBER' END)::"Role", now()
    FROM "User" u`);
  // AM 0 runs campaigns 0-199 (all active); the others spread over the remaining AMs; one in three of the rest is a draft.
  await q(`INSERT INTO "Campaign" (id, "agencyId", "clientCompanyId", name, status, "startDate", "endDate", "accountManagerId", "updatedAt")
    SELECT 'c_' || g, 'ag', 'cl_' || (g % ${CLIENTS}), 'Campaign ' || g, (CASE WHEN g < 200 OR g % 3 > 0 THEN 'ACTIVE' ELSE 'DRAFT' END)::"CampaignStatus",
      current_date - 180, current_date + 150, CASE WHEN g < 200 THEN 'u_am_0' ELSE 'u_am_' || (1 + g % 19) END, now()
    FROM generate_series(0, ${CAMPAIGNS - 1}) g`);
  await q(`INSERT INTO "CampaignAssignment" (id, "campaignId", "userId", maturity)
    SELECT 'a_' || g || '_' || k, 'c_' || g, 'u_sdr_' || ((g * 3 + k) % ${SDRS}), (ARRAY['RAMPING','CONFIRMED','SENIOR'])[1 + k % 3]::"Maturity"
    FROM generate_series(0, ${CAMPAIGNS - 1}) g, generate_series(0, 9) k WHERE k < 3 OR g = 0`);
  await q(`INSERT INTO "Persona" (id, "campaignId", "updatedAt") SELECT 'p_' || g, 'c_' || g, now() FROM generate_series(0, ${CAMPAIGNS - 1}) g`);
  await q(`INSERT INTO "PersonaVersion" (id, "personaId", number, status, name, "jobTitles", seniorities, departments, industries, geographies, exclusions, "updatedAt")
    SELECT 'pv_' || g, 'p_' || g, 1, 'APPROVED', 'Persona ' || g, '{CFO}', '{C_LEVEL}', '{Finance}', '{Software}', '{FR}', '{}', now() FROM generate_series(0, ${CAMPAIGNS - 1}) g`);
  await q(`INSERT INTO "QualificationDefinition" (id, "campaignId", "updatedAt") VALUES ('qd', 'c_0', now())`);
  await q(`INSERT INTO "DefinitionVersion" (id, "definitionId", number, status, "allowedChannels", "updatedAt") VALUES ('dv', 'qd', 1, 'APPROVED', '{VIDEO}', now())`);

  log(`${MEETINGS} meetings (rollup triggers and Meeting indexes off during the load)`);
  await q(`ALTER TABLE "Meeting" DISABLE TRIGGER "Meeting_rollup_insert"`);
  await q(`ALTER TABLE "ActivityDay" DISABLE TRIGGER "ActivityDay_rollup"`);
  const indexes = (await q(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'Meeting' AND indexname <> 'Meeting_pkey'`)).rows as { indexname: string; indexdef: string }[];
  for (const i of indexes) await q(`DROP INDEX "${i.indexname}"`);
  const largest = Math.min(LARGEST, Math.floor(MEETINGS / 5));
  const BATCH = 100_000;
  for (let from = 1; from <= MEETINGS; from += BATCH) {
    const to = Math.min(MEETINGS, from + BATCH - 1);
    // Campaign: the first `largest` meetings on c_0, the rest round-robin on c_1..c_999. Days: a multiplicative
    // hash spreads them over 166 days back and 14 ahead (minute resolution), so the rollup has realistic rows.
    await q(`INSERT INTO "Meeting" (id, "agencyId", "clientCompanyId", "campaignId", "sdrId", "personaVersionId", "definitionVersionId",
        "prospectName", "prospectTitle", "prospectEmail", "prospectCompany", "prospectIndustry", "prospectCountry", "scheduledAt", "timeZone", "durationMinutes", channel, status, verdict,
        "ratingOverall", "ratedAt", "opportunityCreated", "pipelineValue", won, "createdAt", "updatedAt")
      SELECT 'mt' || g, 'ag', 'cl_' || (c % ${CLIENTS}), 'c_' || c, 'u_sdr_' || ((c * 3 + g % (CASE WHEN c = 0 THEN 10 ELSE 3 END)) % ${SDRS}), 'pv_' || c, 'dv',
        (ARRAY['Jean','Marie','Paul','Claire','Hugo','Léa','Louis','Emma','Jules','Chloé'])[1 + g % 10] || ' ' || (ARRAY['Martin','Bernard','Dubois','Thomas','Robert','Richard','Petit','Durand','Leroy','Moreau','Simon','Laurent'])[1 + (g / 10) % 12] || ' ' || g,
        (ARRAY['CFO','Head of Finance','Finance Director','Controller','CEO'])[1 + g % 5],
        'p' || g || '@prospect' || (g % 5000) || '.test',
        (ARRAY['Acme','Globex','Initech','Umbrella','Hooli','Stark','Wayne','Wonka','Tyrell','Cyberdyne'])[1 + g % 10] || ' ' || (g % 5000),
        (ARRAY['Logistics','Retail','Software','Industry','Banking'])[1 + g % 5], (ARRAY['FR','DE','ES','BE','IT'])[1 + g % 5],
        at, 'Europe/Paris', 30, 'VIDEO',
        (CASE WHEN at > now() THEN 'SCHEDULED' ELSE (ARRAY['HELD','HELD','HELD','NO_SHOW','CANCELLED'])[1 + g % 5] END)::"MeetingStatus",
        (CASE WHEN at <= now() AND g % 5 < 3 THEN (ARRAY['PENDING','ACCEPTED','ACCEPTED','ACCEPTED','DISPUTED','DISPUTE_REJECTED','DISPUTE_UPHELD'])[1 + g % 7] ELSE 'PENDING' END)::"MeetingVerdict",
        CASE WHEN at <= now() AND g % 5 < 3 THEN 1 + g % 5 END, CASE WHEN at <= now() AND g % 5 < 3 THEN at END, CASE WHEN at <= now() AND g % 5 < 3 THEN g % 2 = 0 END,
        CASE WHEN at <= now() AND g % 5 < 3 AND g % 2 = 0 THEN (g % 50) * 100000 END, CASE WHEN at <= now() AND g % 5 < 3 AND g % 2 = 0 THEN g % 7 = 0 END,
        LEAST(now(), at - ((1 + g % 10) || ' days')::interval), now()
      FROM (SELECT g, CASE WHEN g <= ${largest} THEN 0 ELSE 1 + g % ${CAMPAIGNS - 1} END AS c,
                   date_trunc('minute', now()) + interval '14 days' - ((g::bigint * 7919) % 239040) * interval '1 minute' AS at
              FROM generate_series(${from}, ${to}) g) x`);
    log(`  ${to} meetings`);
  }
  log(`rebuilding ${indexes.length} Meeting indexes`);
  await q(`SET maintenance_work_mem = '256MB'`);
  for (const i of indexes) await q(i.indexdef);
  log("activity: every SDR of every campaign, every working day of 150 days");
  await q(`INSERT INTO "ActivityDay" (id, "agencyId", "campaignId", "sdrId", day, dials, conversations, emails, "linkedinMessages", "updatedAt")
    SELECT 'ad_' || a.id || '_' || d, 'ag', a."campaignId", a."userId", current_date - d, 40 + (length(a.id) * 7 + d) % 60, 5 + d % 12, 10 + d % 15, 3 + d % 4, now()
    FROM "CampaignAssignment" a, generate_series(0, 149) d WHERE extract(isodow FROM current_date - d) < 6`);
  await q(`ALTER TABLE "Meeting" ENABLE TRIGGER "Meeting_rollup_insert"`);
  await q(`ALTER TABLE "ActivityDay" ENABLE TRIGGER "ActivityDay_rollup"`);
  log("objectives: 20 on c_0, 5 on each of AM 0's other 199 campaigns");
  const METRICS = ["DIALS", "CONVERSATIONS", "MEETINGS_BOOKED", "MEETINGS_HELD", "MEETINGS_ACCEPTED", "SHOW_RATE", "ACCEPTANCE_RATE", "CONVERSATION_TO_MEETING_RATE", "AVERAGE_RATING", "OPPORTUNITIES", "PIPELINE_VALUE", "WON_VALUE"];
  const TARGETS = [3000, 500, 400, 250, 200, 80, 70, 20, 4, 60, 50_000_000, 20_000_000];
  await q(`INSERT INTO "Objective" (id, "agencyId", "campaignId", kind, metric, target, scope, "sdrId", "scopeKey", "periodKind", recurring, "startsOn", "endsOn", stake, why, "updatedAt")
    SELECT 'o_' || c || '_' || i, 'ag', 'c_' || c, 'QUANTITATIVE', ($1::text[])[1 + i % 12], ($2::float8[])[1 + i % 12] * CASE WHEN i >= 12 THEN 0.3 ELSE 1 END,
      (CASE WHEN i >= 12 THEN 'SDR' ELSE 'TEAM' END)::"ObjectiveScope", CASE WHEN i >= 12 THEN 'u_sdr_' || ((c * 3 + i % 3) % ${SDRS}) END,
      CASE WHEN i >= 12 THEN 'u_sdr_' || ((c * 3 + i % 3) % ${SDRS}) || '_' || i ELSE 'TEAM' END,
      (ARRAY['MONTH','WEEK','QUARTER','CAMPAIGN'])[1 + i % 4]::"PeriodKind", i % 4 < 2, current_date - 170, NULL, 'GROWTH', 'Bench objective ' || i, now()
    FROM generate_series(0, 199) c, generate_series(0, 19) i WHERE c = 0 OR i < 5`, [METRICS, TARGETS]);
  log("dispute items of the disputed meetings");
  await seedDisputeItems(db);
  log("rebuilding the rollup");
  await q(`SELECT rdv_rebuild_rollup()`);
  await q(`VACUUM ANALYZE`);
  const stats = await q(`SELECT (SELECT count(*) FROM "Meeting") m, (SELECT count(*) FROM "Meeting" WHERE "campaignId" = 'c_0') largest,
    (SELECT count(*) FROM "ActivityDay") a, (SELECT count(*) FROM "CampaignDayStat") s, (SELECT count(*) FROM "Objective") o`);
  log(`seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${JSON.stringify(stats.rows[0])}`);
}
