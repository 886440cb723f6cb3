-- Period totals of the rollup (docs/decisions/0058-rollup-period-totals.md): "CampaignDayStat" summed per campaign,
-- per SDR or the whole team ("sdrId" = ''), per day ('D') and per calendar month ('M'), kept by statement triggers on
-- "CampaignDayStat" itself, so every path that already keeps the rollup exact (the Meeting statement triggers, the
-- ActivityDay trigger, the rebuild) keeps these exact in the same transaction. A range of days is then read as its
-- whole months plus at most two partial months of days: a campaign-long team range reads ~70 rows instead of ~1,000.
CREATE TABLE "CampaignPeriodStat" (
    "campaignId" TEXT NOT NULL,
    "sdrId" TEXT NOT NULL DEFAULT '',
    "grain" TEXT NOT NULL,
    "start" DATE NOT NULL,
    "dials" INTEGER NOT NULL DEFAULT 0,
    "conversations" INTEGER NOT NULL DEFAULT 0,
    "emails" INTEGER NOT NULL DEFAULT 0,
    "linkedinMessages" INTEGER NOT NULL DEFAULT 0,
    "booked" INTEGER NOT NULL DEFAULT 0,
    "held" INTEGER NOT NULL DEFAULT 0,
    "noShow" INTEGER NOT NULL DEFAULT 0,
    "cancelled" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "disputed" INTEGER NOT NULL DEFAULT 0,
    "upheld" INTEGER NOT NULL DEFAULT 0,
    "opportunities" INTEGER NOT NULL DEFAULT 0,
    "pipelineValue" BIGINT NOT NULL DEFAULT 0,
    "won" INTEGER NOT NULL DEFAULT 0,
    "wonValue" BIGINT NOT NULL DEFAULT 0,
    "ratingSum" INTEGER NOT NULL DEFAULT 0,
    "ratingCount" INTEGER NOT NULL DEFAULT 0,
    "personaFitSum" INTEGER NOT NULL DEFAULT 0,
    "personaFitCount" INTEGER NOT NULL DEFAULT 0,
    "decisionPowerSum" INTEGER NOT NULL DEFAULT 0,
    "decisionPowerCount" INTEGER NOT NULL DEFAULT 0,
    "realNeedSum" INTEGER NOT NULL DEFAULT 0,
    "realNeedCount" INTEGER NOT NULL DEFAULT 0,
    "briefingSum" INTEGER NOT NULL DEFAULT 0,
    "briefingCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CampaignPeriodStat_pkey" PRIMARY KEY ("campaignId","sdrId","grain","start"),
    CONSTRAINT "CampaignPeriodStat_grain_check" CHECK ("grain" IN ('D', 'M'))
);

-- Skipped while rdv_rebuild_rollup() rewrites the rollup (it recomputes the totals once at the end).
CREATE FUNCTION rdv_period_totals_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('rdv.rollup_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  INSERT INTO "CampaignPeriodStat" AS s ("campaignId", "sdrId", "grain", "start", "dials", "conversations", "emails", "linkedinMessages", "booked", "held", "noShow", "cancelled", "accepted", "disputed", "upheld", "opportunities", "pipelineValue", "won", "wonValue", "ratingSum", "ratingCount", "personaFitSum", "personaFitCount", "decisionPowerSum", "decisionPowerCount", "realNeedSum", "realNeedCount", "briefingSum", "briefingCount")
  SELECT g."campaignId", k.sdr, k.grain, k.start, sum(g."dials"), sum(g."conversations"), sum(g."emails"), sum(g."linkedinMessages"), sum(g."booked"), sum(g."held"), sum(g."noShow"), sum(g."cancelled"), sum(g."accepted"), sum(g."disputed"), sum(g."upheld"), sum(g."opportunities"), sum(g."pipelineValue"), sum(g."won"), sum(g."wonValue"), sum(g."ratingSum"), sum(g."ratingCount"), sum(g."personaFitSum"), sum(g."personaFitCount"), sum(g."decisionPowerSum"), sum(g."decisionPowerCount"), sum(g."realNeedSum"), sum(g."realNeedCount"), sum(g."briefingSum"), sum(g."briefingCount")
    FROM (SELECT r."campaignId", r."sdrId", r."day", r."dials", r."conversations", r."emails", r."linkedinMessages", r."booked", r."held", r."noShow", r."cancelled", r."accepted", r."disputed", r."upheld", r."opportunities", r."pipelineValue", r."won", r."wonValue", r."ratingSum", r."ratingCount", r."personaFitSum", r."personaFitCount", r."decisionPowerSum", r."decisionPowerCount", r."realNeedSum", r."realNeedCount", r."briefingSum", r."briefingCount" FROM new_rows r) AS g
    CROSS JOIN LATERAL (VALUES (g."sdrId", 'D', g."day"), (g."sdrId", 'M', date_trunc('month', g."day")::date),
                               ('', 'D', g."day"), ('', 'M', date_trunc('month', g."day")::date)) AS k (sdr, grain, start)
   GROUP BY 1, 2, 3, 4
  HAVING sum(g."dials") <> 0 OR sum(g."conversations") <> 0 OR sum(g."emails") <> 0 OR sum(g."linkedinMessages") <> 0 OR sum(g."booked") <> 0 OR sum(g."held") <> 0 OR sum(g."noShow") <> 0 OR sum(g."cancelled") <> 0 OR sum(g."accepted") <> 0 OR sum(g."disputed") <> 0 OR sum(g."upheld") <> 0 OR sum(g."opportunities") <> 0 OR sum(g."pipelineValue") <> 0 OR sum(g."won") <> 0 OR sum(g."wonValue") <> 0 OR sum(g."ratingSum") <> 0 OR sum(g."ratingCount") <> 0 OR sum(g."personaFitSum") <> 0 OR sum(g."personaFitCount") <> 0 OR sum(g."decisionPowerSum") <> 0 OR sum(g."decisionPowerCount") <> 0 OR sum(g."realNeedSum") <> 0 OR sum(g."realNeedCount") <> 0 OR sum(g."briefingSum") <> 0 OR sum(g."briefingCount") <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT ("campaignId", "sdrId", "grain", "start") DO UPDATE SET "dials" = s."dials" + EXCLUDED."dials", "conversations" = s."conversations" + EXCLUDED."conversations", "emails" = s."emails" + EXCLUDED."emails", "linkedinMessages" = s."linkedinMessages" + EXCLUDED."linkedinMessages", "booked" = s."booked" + EXCLUDED."booked", "held" = s."held" + EXCLUDED."held", "noShow" = s."noShow" + EXCLUDED."noShow", "cancelled" = s."cancelled" + EXCLUDED."cancelled", "accepted" = s."accepted" + EXCLUDED."accepted", "disputed" = s."disputed" + EXCLUDED."disputed", "upheld" = s."upheld" + EXCLUDED."upheld", "opportunities" = s."opportunities" + EXCLUDED."opportunities", "pipelineValue" = s."pipelineValue" + EXCLUDED."pipelineValue", "won" = s."won" + EXCLUDED."won", "wonValue" = s."wonValue" + EXCLUDED."wonValue", "ratingSum" = s."ratingSum" + EXCLUDED."ratingSum", "ratingCount" = s."ratingCount" + EXCLUDED."ratingCount", "personaFitSum" = s."personaFitSum" + EXCLUDED."personaFitSum", "personaFitCount" = s."personaFitCount" + EXCLUDED."personaFitCount", "decisionPowerSum" = s."decisionPowerSum" + EXCLUDED."decisionPowerSum", "decisionPowerCount" = s."decisionPowerCount" + EXCLUDED."decisionPowerCount", "realNeedSum" = s."realNeedSum" + EXCLUDED."realNeedSum", "realNeedCount" = s."realNeedCount" + EXCLUDED."realNeedCount", "briefingSum" = s."briefingSum" + EXCLUDED."briefingSum", "briefingCount" = s."briefingCount" + EXCLUDED."briefingCount";
  RETURN NULL;
END $$;

CREATE FUNCTION rdv_period_totals_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('rdv.rollup_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  INSERT INTO "CampaignPeriodStat" AS s ("campaignId", "sdrId", "grain", "start", "dials", "conversations", "emails", "linkedinMessages", "booked", "held", "noShow", "cancelled", "accepted", "disputed", "upheld", "opportunities", "pipelineValue", "won", "wonValue", "ratingSum", "ratingCount", "personaFitSum", "personaFitCount", "decisionPowerSum", "decisionPowerCount", "realNeedSum", "realNeedCount", "briefingSum", "briefingCount")
  SELECT g."campaignId", k.sdr, k.grain, k.start, sum(g."dials"), sum(g."conversations"), sum(g."emails"), sum(g."linkedinMessages"), sum(g."booked"), sum(g."held"), sum(g."noShow"), sum(g."cancelled"), sum(g."accepted"), sum(g."disputed"), sum(g."upheld"), sum(g."opportunities"), sum(g."pipelineValue"), sum(g."won"), sum(g."wonValue"), sum(g."ratingSum"), sum(g."ratingCount"), sum(g."personaFitSum"), sum(g."personaFitCount"), sum(g."decisionPowerSum"), sum(g."decisionPowerCount"), sum(g."realNeedSum"), sum(g."realNeedCount"), sum(g."briefingSum"), sum(g."briefingCount")
    FROM (SELECT d."campaignId", d."sdrId", d."day", sum(d."dials") AS "dials", sum(d."conversations") AS "conversations", sum(d."emails") AS "emails", sum(d."linkedinMessages") AS "linkedinMessages", sum(d."booked") AS "booked", sum(d."held") AS "held", sum(d."noShow") AS "noShow", sum(d."cancelled") AS "cancelled", sum(d."accepted") AS "accepted", sum(d."disputed") AS "disputed", sum(d."upheld") AS "upheld", sum(d."opportunities") AS "opportunities", sum(d."pipelineValue") AS "pipelineValue", sum(d."won") AS "won", sum(d."wonValue") AS "wonValue", sum(d."ratingSum") AS "ratingSum", sum(d."ratingCount") AS "ratingCount", sum(d."personaFitSum") AS "personaFitSum", sum(d."personaFitCount") AS "personaFitCount", sum(d."decisionPowerSum") AS "decisionPowerSum", sum(d."decisionPowerCount") AS "decisionPowerCount", sum(d."realNeedSum") AS "realNeedSum", sum(d."realNeedCount") AS "realNeedCount", sum(d."briefingSum") AS "briefingSum", sum(d."briefingCount") AS "briefingCount" FROM (SELECT r."campaignId", r."sdrId", r."day", r."dials", r."conversations", r."emails", r."linkedinMessages", r."booked", r."held", r."noShow", r."cancelled", r."accepted", r."disputed", r."upheld", r."opportunities", r."pipelineValue", r."won", r."wonValue", r."ratingSum", r."ratingCount", r."personaFitSum", r."personaFitCount", r."decisionPowerSum", r."decisionPowerCount", r."realNeedSum", r."realNeedCount", r."briefingSum", r."briefingCount" FROM new_rows r UNION ALL SELECT r."campaignId", r."sdrId", r."day", -r."dials", -r."conversations", -r."emails", -r."linkedinMessages", -r."booked", -r."held", -r."noShow", -r."cancelled", -r."accepted", -r."disputed", -r."upheld", -r."opportunities", -r."pipelineValue", -r."won", -r."wonValue", -r."ratingSum", -r."ratingCount", -r."personaFitSum", -r."personaFitCount", -r."decisionPowerSum", -r."decisionPowerCount", -r."realNeedSum", -r."realNeedCount", -r."briefingSum", -r."briefingCount" FROM old_rows r) AS d GROUP BY 1, 2, 3) AS g
    CROSS JOIN LATERAL (VALUES (g."sdrId", 'D', g."day"), (g."sdrId", 'M', date_trunc('month', g."day")::date),
                               ('', 'D', g."day"), ('', 'M', date_trunc('month', g."day")::date)) AS k (sdr, grain, start)
   GROUP BY 1, 2, 3, 4
  HAVING sum(g."dials") <> 0 OR sum(g."conversations") <> 0 OR sum(g."emails") <> 0 OR sum(g."linkedinMessages") <> 0 OR sum(g."booked") <> 0 OR sum(g."held") <> 0 OR sum(g."noShow") <> 0 OR sum(g."cancelled") <> 0 OR sum(g."accepted") <> 0 OR sum(g."disputed") <> 0 OR sum(g."upheld") <> 0 OR sum(g."opportunities") <> 0 OR sum(g."pipelineValue") <> 0 OR sum(g."won") <> 0 OR sum(g."wonValue") <> 0 OR sum(g."ratingSum") <> 0 OR sum(g."ratingCount") <> 0 OR sum(g."personaFitSum") <> 0 OR sum(g."personaFitCount") <> 0 OR sum(g."decisionPowerSum") <> 0 OR sum(g."decisionPowerCount") <> 0 OR sum(g."realNeedSum") <> 0 OR sum(g."realNeedCount") <> 0 OR sum(g."briefingSum") <> 0 OR sum(g."briefingCount") <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT ("campaignId", "sdrId", "grain", "start") DO UPDATE SET "dials" = s."dials" + EXCLUDED."dials", "conversations" = s."conversations" + EXCLUDED."conversations", "emails" = s."emails" + EXCLUDED."emails", "linkedinMessages" = s."linkedinMessages" + EXCLUDED."linkedinMessages", "booked" = s."booked" + EXCLUDED."booked", "held" = s."held" + EXCLUDED."held", "noShow" = s."noShow" + EXCLUDED."noShow", "cancelled" = s."cancelled" + EXCLUDED."cancelled", "accepted" = s."accepted" + EXCLUDED."accepted", "disputed" = s."disputed" + EXCLUDED."disputed", "upheld" = s."upheld" + EXCLUDED."upheld", "opportunities" = s."opportunities" + EXCLUDED."opportunities", "pipelineValue" = s."pipelineValue" + EXCLUDED."pipelineValue", "won" = s."won" + EXCLUDED."won", "wonValue" = s."wonValue" + EXCLUDED."wonValue", "ratingSum" = s."ratingSum" + EXCLUDED."ratingSum", "ratingCount" = s."ratingCount" + EXCLUDED."ratingCount", "personaFitSum" = s."personaFitSum" + EXCLUDED."personaFitSum", "personaFitCount" = s."personaFitCount" + EXCLUDED."personaFitCount", "decisionPowerSum" = s."decisionPowerSum" + EXCLUDED."decisionPowerSum", "decisionPowerCount" = s."decisionPowerCount" + EXCLUDED."decisionPowerCount", "realNeedSum" = s."realNeedSum" + EXCLUDED."realNeedSum", "realNeedCount" = s."realNeedCount" + EXCLUDED."realNeedCount", "briefingSum" = s."briefingSum" + EXCLUDED."briefingSum", "briefingCount" = s."briefingCount" + EXCLUDED."briefingCount";
  RETURN NULL;
END $$;

CREATE FUNCTION rdv_period_totals_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('rdv.rollup_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  INSERT INTO "CampaignPeriodStat" AS s ("campaignId", "sdrId", "grain", "start", "dials", "conversations", "emails", "linkedinMessages", "booked", "held", "noShow", "cancelled", "accepted", "disputed", "upheld", "opportunities", "pipelineValue", "won", "wonValue", "ratingSum", "ratingCount", "personaFitSum", "personaFitCount", "decisionPowerSum", "decisionPowerCount", "realNeedSum", "realNeedCount", "briefingSum", "briefingCount")
  SELECT g."campaignId", k.sdr, k.grain, k.start, sum(g."dials"), sum(g."conversations"), sum(g."emails"), sum(g."linkedinMessages"), sum(g."booked"), sum(g."held"), sum(g."noShow"), sum(g."cancelled"), sum(g."accepted"), sum(g."disputed"), sum(g."upheld"), sum(g."opportunities"), sum(g."pipelineValue"), sum(g."won"), sum(g."wonValue"), sum(g."ratingSum"), sum(g."ratingCount"), sum(g."personaFitSum"), sum(g."personaFitCount"), sum(g."decisionPowerSum"), sum(g."decisionPowerCount"), sum(g."realNeedSum"), sum(g."realNeedCount"), sum(g."briefingSum"), sum(g."briefingCount")
    FROM (SELECT r."campaignId", r."sdrId", r."day", -r."dials", -r."conversations", -r."emails", -r."linkedinMessages", -r."booked", -r."held", -r."noShow", -r."cancelled", -r."accepted", -r."disputed", -r."upheld", -r."opportunities", -r."pipelineValue", -r."won", -r."wonValue", -r."ratingSum", -r."ratingCount", -r."personaFitSum", -r."personaFitCount", -r."decisionPowerSum", -r."decisionPowerCount", -r."realNeedSum", -r."realNeedCount", -r."briefingSum", -r."briefingCount" FROM old_rows r) AS g
    CROSS JOIN LATERAL (VALUES (g."sdrId", 'D', g."day"), (g."sdrId", 'M', date_trunc('month', g."day")::date),
                               ('', 'D', g."day"), ('', 'M', date_trunc('month', g."day")::date)) AS k (sdr, grain, start)
   GROUP BY 1, 2, 3, 4
  HAVING sum(g."dials") <> 0 OR sum(g."conversations") <> 0 OR sum(g."emails") <> 0 OR sum(g."linkedinMessages") <> 0 OR sum(g."booked") <> 0 OR sum(g."held") <> 0 OR sum(g."noShow") <> 0 OR sum(g."cancelled") <> 0 OR sum(g."accepted") <> 0 OR sum(g."disputed") <> 0 OR sum(g."upheld") <> 0 OR sum(g."opportunities") <> 0 OR sum(g."pipelineValue") <> 0 OR sum(g."won") <> 0 OR sum(g."wonValue") <> 0 OR sum(g."ratingSum") <> 0 OR sum(g."ratingCount") <> 0 OR sum(g."personaFitSum") <> 0 OR sum(g."personaFitCount") <> 0 OR sum(g."decisionPowerSum") <> 0 OR sum(g."decisionPowerCount") <> 0 OR sum(g."realNeedSum") <> 0 OR sum(g."realNeedCount") <> 0 OR sum(g."briefingSum") <> 0 OR sum(g."briefingCount") <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT ("campaignId", "sdrId", "grain", "start") DO UPDATE SET "dials" = s."dials" + EXCLUDED."dials", "conversations" = s."conversations" + EXCLUDED."conversations", "emails" = s."emails" + EXCLUDED."emails", "linkedinMessages" = s."linkedinMessages" + EXCLUDED."linkedinMessages", "booked" = s."booked" + EXCLUDED."booked", "held" = s."held" + EXCLUDED."held", "noShow" = s."noShow" + EXCLUDED."noShow", "cancelled" = s."cancelled" + EXCLUDED."cancelled", "accepted" = s."accepted" + EXCLUDED."accepted", "disputed" = s."disputed" + EXCLUDED."disputed", "upheld" = s."upheld" + EXCLUDED."upheld", "opportunities" = s."opportunities" + EXCLUDED."opportunities", "pipelineValue" = s."pipelineValue" + EXCLUDED."pipelineValue", "won" = s."won" + EXCLUDED."won", "wonValue" = s."wonValue" + EXCLUDED."wonValue", "ratingSum" = s."ratingSum" + EXCLUDED."ratingSum", "ratingCount" = s."ratingCount" + EXCLUDED."ratingCount", "personaFitSum" = s."personaFitSum" + EXCLUDED."personaFitSum", "personaFitCount" = s."personaFitCount" + EXCLUDED."personaFitCount", "decisionPowerSum" = s."decisionPowerSum" + EXCLUDED."decisionPowerSum", "decisionPowerCount" = s."decisionPowerCount" + EXCLUDED."decisionPowerCount", "realNeedSum" = s."realNeedSum" + EXCLUDED."realNeedSum", "realNeedCount" = s."realNeedCount" + EXCLUDED."realNeedCount", "briefingSum" = s."briefingSum" + EXCLUDED."briefingSum", "briefingCount" = s."briefingCount" + EXCLUDED."briefingCount";
  RETURN NULL;
END $$;

CREATE TRIGGER "CampaignDayStat_totals_insert" AFTER INSERT ON "CampaignDayStat" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rdv_period_totals_insert();
CREATE TRIGGER "CampaignDayStat_totals_update" AFTER UPDATE ON "CampaignDayStat" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rdv_period_totals_update();
CREATE TRIGGER "CampaignDayStat_totals_delete" AFTER DELETE ON "CampaignDayStat" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rdv_period_totals_delete();

-- The totals from the rollup as it stands (also what the rebuild ends with).
CREATE FUNCTION rdv_rebuild_period_totals() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "CampaignPeriodStat";
  INSERT INTO "CampaignPeriodStat" AS s ("campaignId", "sdrId", "grain", "start", "dials", "conversations", "emails", "linkedinMessages", "booked", "held", "noShow", "cancelled", "accepted", "disputed", "upheld", "opportunities", "pipelineValue", "won", "wonValue", "ratingSum", "ratingCount", "personaFitSum", "personaFitCount", "decisionPowerSum", "decisionPowerCount", "realNeedSum", "realNeedCount", "briefingSum", "briefingCount")
  SELECT g."campaignId", k.sdr, k.grain, k.start, sum(g."dials"), sum(g."conversations"), sum(g."emails"), sum(g."linkedinMessages"), sum(g."booked"), sum(g."held"), sum(g."noShow"), sum(g."cancelled"), sum(g."accepted"), sum(g."disputed"), sum(g."upheld"), sum(g."opportunities"), sum(g."pipelineValue"), sum(g."won"), sum(g."wonValue"), sum(g."ratingSum"), sum(g."ratingCount"), sum(g."personaFitSum"), sum(g."personaFitCount"), sum(g."decisionPowerSum"), sum(g."decisionPowerCount"), sum(g."realNeedSum"), sum(g."realNeedCount"), sum(g."briefingSum"), sum(g."briefingCount")
    FROM (SELECT s."campaignId", s."sdrId", s."day", sum(s."dials") AS "dials", sum(s."conversations") AS "conversations", sum(s."emails") AS "emails", sum(s."linkedinMessages") AS "linkedinMessages", sum(s."booked") AS "booked", sum(s."held") AS "held", sum(s."noShow") AS "noShow", sum(s."cancelled") AS "cancelled", sum(s."accepted") AS "accepted", sum(s."disputed") AS "disputed", sum(s."upheld") AS "upheld", sum(s."opportunities") AS "opportunities", sum(s."pipelineValue") AS "pipelineValue", sum(s."won") AS "won", sum(s."wonValue") AS "wonValue", sum(s."ratingSum") AS "ratingSum", sum(s."ratingCount") AS "ratingCount", sum(s."personaFitSum") AS "personaFitSum", sum(s."personaFitCount") AS "personaFitCount", sum(s."decisionPowerSum") AS "decisionPowerSum", sum(s."decisionPowerCount") AS "decisionPowerCount", sum(s."realNeedSum") AS "realNeedSum", sum(s."realNeedCount") AS "realNeedCount", sum(s."briefingSum") AS "briefingSum", sum(s."briefingCount") AS "briefingCount" FROM "CampaignDayStat" s GROUP BY 1, 2, 3) AS g
    CROSS JOIN LATERAL (VALUES (g."sdrId", 'D', g."day"), (g."sdrId", 'M', date_trunc('month', g."day")::date),
                               ('', 'D', g."day"), ('', 'M', date_trunc('month', g."day")::date)) AS k (sdr, grain, start)
   GROUP BY 1, 2, 3, 4
  HAVING sum(g."dials") <> 0 OR sum(g."conversations") <> 0 OR sum(g."emails") <> 0 OR sum(g."linkedinMessages") <> 0 OR sum(g."booked") <> 0 OR sum(g."held") <> 0 OR sum(g."noShow") <> 0 OR sum(g."cancelled") <> 0 OR sum(g."accepted") <> 0 OR sum(g."disputed") <> 0 OR sum(g."upheld") <> 0 OR sum(g."opportunities") <> 0 OR sum(g."pipelineValue") <> 0 OR sum(g."won") <> 0 OR sum(g."wonValue") <> 0 OR sum(g."ratingSum") <> 0 OR sum(g."ratingCount") <> 0 OR sum(g."personaFitSum") <> 0 OR sum(g."personaFitCount") <> 0 OR sum(g."decisionPowerSum") <> 0 OR sum(g."decisionPowerCount") <> 0 OR sum(g."realNeedSum") <> 0 OR sum(g."realNeedCount") <> 0 OR sum(g."briefingSum") <> 0 OR sum(g."briefingCount") <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT ("campaignId", "sdrId", "grain", "start") DO UPDATE SET "dials" = s."dials" + EXCLUDED."dials", "conversations" = s."conversations" + EXCLUDED."conversations", "emails" = s."emails" + EXCLUDED."emails", "linkedinMessages" = s."linkedinMessages" + EXCLUDED."linkedinMessages", "booked" = s."booked" + EXCLUDED."booked", "held" = s."held" + EXCLUDED."held", "noShow" = s."noShow" + EXCLUDED."noShow", "cancelled" = s."cancelled" + EXCLUDED."cancelled", "accepted" = s."accepted" + EXCLUDED."accepted", "disputed" = s."disputed" + EXCLUDED."disputed", "upheld" = s."upheld" + EXCLUDED."upheld", "opportunities" = s."opportunities" + EXCLUDED."opportunities", "pipelineValue" = s."pipelineValue" + EXCLUDED."pipelineValue", "won" = s."won" + EXCLUDED."won", "wonValue" = s."wonValue" + EXCLUDED."wonValue", "ratingSum" = s."ratingSum" + EXCLUDED."ratingSum", "ratingCount" = s."ratingCount" + EXCLUDED."ratingCount", "personaFitSum" = s."personaFitSum" + EXCLUDED."personaFitSum", "personaFitCount" = s."personaFitCount" + EXCLUDED."personaFitCount", "decisionPowerSum" = s."decisionPowerSum" + EXCLUDED."decisionPowerSum", "decisionPowerCount" = s."decisionPowerCount" + EXCLUDED."decisionPowerCount", "realNeedSum" = s."realNeedSum" + EXCLUDED."realNeedSum", "realNeedCount" = s."realNeedCount" + EXCLUDED."realNeedCount", "briefingSum" = s."briefingSum" + EXCLUDED."briefingSum", "briefingCount" = s."briefingCount" + EXCLUDED."briefingCount";
END $$;

-- The rebuild: the rollup from the meetings and activity (as before), then its period totals once.
CREATE OR REPLACE FUNCTION rdv_rebuild_rollup() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "Meeting", "ActivityDay" IN SHARE MODE;
  LOCK TABLE "CampaignDayStat", "CampaignPeriodStat" IN EXCLUSIVE MODE;
  PERFORM set_config('rdv.rollup_rebuild', 'on', true);
  DELETE FROM "CampaignDayStat";
  INSERT INTO "CampaignDayStat" ("campaignId", "sdrId", "personaVersionId", "day", "booked")
  SELECT m."campaignId", m."sdrId", m."personaVersionId", rdv_local_day(m."createdAt", a."timeZone"), count(*)
  FROM "Meeting" m JOIN "Agency" a ON a."id" = m."agencyId" GROUP BY 1, 2, 3, 4;
  INSERT INTO "CampaignDayStat" AS s ("campaignId", "sdrId", "personaVersionId", "day",
    "held", "noShow", "cancelled", "accepted", "disputed", "upheld", "opportunities", "pipelineValue", "won", "wonValue",
    "ratingSum", "ratingCount", "personaFitSum", "personaFitCount", "decisionPowerSum", "decisionPowerCount",
    "realNeedSum", "realNeedCount", "briefingSum", "briefingCount")
  SELECT m."campaignId", m."sdrId", m."personaVersionId", rdv_local_day(m."scheduledAt", a."timeZone"),
    count(*) FILTER (WHERE m."status" = 'HELD'), count(*) FILTER (WHERE m."status" = 'NO_SHOW'),
    count(*) FILTER (WHERE m."status" = 'CANCELLED'),
    count(*) FILTER (WHERE m."status" = 'HELD' AND m."verdict" IN ('ACCEPTED', 'DISPUTE_REJECTED')),
    count(*) FILTER (WHERE m."verdict" IN ('DISPUTED', 'DISPUTE_UPHELD', 'DISPUTE_REJECTED')),
    count(*) FILTER (WHERE m."verdict" = 'DISPUTE_UPHELD'),
    count(*) FILTER (WHERE m."opportunityCreated"), COALESCE(sum(m."pipelineValue") FILTER (WHERE m."opportunityCreated"), 0),
    count(*) FILTER (WHERE m."won"), COALESCE(sum(m."pipelineValue") FILTER (WHERE m."won"), 0),
    COALESCE(sum(m."ratingOverall"), 0), count(m."ratingOverall"),
    COALESCE(sum(m."ratingPersonaFit"), 0), count(m."ratingPersonaFit"),
    COALESCE(sum(m."ratingDecisionPower"), 0), count(m."ratingDecisionPower"),
    COALESCE(sum(m."ratingRealNeed"), 0), count(m."ratingRealNeed"),
    COALESCE(sum(m."ratingBriefing"), 0), count(m."ratingBriefing")
  FROM "Meeting" m JOIN "Agency" a ON a."id" = m."agencyId" GROUP BY 1, 2, 3, 4
  ON CONFLICT ("campaignId", "sdrId", "personaVersionId", "day") DO UPDATE SET
    "held" = EXCLUDED."held", "noShow" = EXCLUDED."noShow", "cancelled" = EXCLUDED."cancelled", "accepted" = EXCLUDED."accepted",
    "disputed" = EXCLUDED."disputed", "upheld" = EXCLUDED."upheld", "opportunities" = EXCLUDED."opportunities",
    "pipelineValue" = EXCLUDED."pipelineValue", "won" = EXCLUDED."won", "wonValue" = EXCLUDED."wonValue",
    "ratingSum" = EXCLUDED."ratingSum", "ratingCount" = EXCLUDED."ratingCount",
    "personaFitSum" = EXCLUDED."personaFitSum", "personaFitCount" = EXCLUDED."personaFitCount",
    "decisionPowerSum" = EXCLUDED."decisionPowerSum", "decisionPowerCount" = EXCLUDED."decisionPowerCount",
    "realNeedSum" = EXCLUDED."realNeedSum", "realNeedCount" = EXCLUDED."realNeedCount",
    "briefingSum" = EXCLUDED."briefingSum", "briefingCount" = EXCLUDED."briefingCount";
  INSERT INTO "CampaignDayStat" ("campaignId", "sdrId", "personaVersionId", "day", "dials", "conversations", "emails", "linkedinMessages")
  SELECT "campaignId", "sdrId", '', "day", sum("dials"), sum("conversations"), sum("emails"), sum("linkedinMessages")
  FROM "ActivityDay" GROUP BY 1, 2, 3, 4;
  PERFORM set_config('rdv.rollup_rebuild', 'off', true);
  PERFORM rdv_rebuild_period_totals();
END $$;

-- The totals of the data already there.
SELECT rdv_rebuild_period_totals();
