-- The Overview's ratings per criterion and score from an aggregate instead of the meetings (docs/decisions/0054):
-- how many rated meetings got each score (1-5) on each criterion, per campaign and agency day (the meeting's scheduled
-- day, as in "CampaignDayStat"), kept exact by statement-level triggers on "Meeting" (transition tables: one grouped
-- upsert per statement), rebuilt with the rest of the rollup by rdv_rebuild_rollup().
CREATE TABLE "CampaignDayRating" (
    "campaignId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "criterion" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "CampaignDayRating_pkey" PRIMARY KEY ("campaignId","day","criterion","score")
);

-- One meeting's ratings as (criterion, score) rows; only rated meetings count (as the Overview always read them).
CREATE FUNCTION rdv_rating_rows(m "Meeting") RETURNS TABLE (criterion text, score integer) LANGUAGE sql IMMUTABLE AS $$
  SELECT r.criterion, r.score FROM (VALUES ('overall', m."ratingOverall"), ('personaFit', m."ratingPersonaFit"), ('decisionPower', m."ratingDecisionPower"),
    ('realNeed', m."ratingRealNeed"), ('briefing', m."ratingBriefing")) AS r(criterion, score)
  WHERE m."ratedAt" IS NOT NULL AND r.score IS NOT NULL
$$;

CREATE FUNCTION rdv_meeting_rating_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CampaignDayRating" AS s ("campaignId", "day", "criterion", "score", "n")
  SELECT r."campaignId", rdv_local_day(r."scheduledAt", a."timeZone"), x.criterion, x.score, count(*)
    FROM new_rows r LEFT JOIN "Agency" a ON a."id" = r."agencyId" CROSS JOIN LATERAL rdv_rating_rows(r) x
   GROUP BY 1, 2, 3, 4
  ON CONFLICT ("campaignId", "day", "criterion", "score") DO UPDATE SET "n" = s."n" + EXCLUDED."n";
  RETURN NULL;
END $$;

CREATE FUNCTION rdv_meeting_rating_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CampaignDayRating" AS s ("campaignId", "day", "criterion", "score", "n")
  SELECT c."campaignId", c."day", c.criterion, c.score, sum(c.sign)
    FROM (
      SELECT r."campaignId", rdv_local_day(r."scheduledAt", a."timeZone") AS "day", x.criterion, x.score, 1 AS sign
        FROM new_rows r LEFT JOIN "Agency" a ON a."id" = r."agencyId" CROSS JOIN LATERAL rdv_rating_rows(r) x
      UNION ALL
      SELECT r."campaignId", rdv_local_day(r."scheduledAt", a."timeZone"), x.criterion, x.score, -1
        FROM old_rows r LEFT JOIN "Agency" a ON a."id" = r."agencyId" CROSS JOIN LATERAL rdv_rating_rows(r) x
    ) c
   GROUP BY 1, 2, 3, 4
  HAVING sum(c.sign) <> 0
  ON CONFLICT ("campaignId", "day", "criterion", "score") DO UPDATE SET "n" = s."n" + EXCLUDED."n";
  RETURN NULL;
END $$;

CREATE FUNCTION rdv_meeting_rating_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CampaignDayRating" AS s ("campaignId", "day", "criterion", "score", "n")
  SELECT r."campaignId", rdv_local_day(r."scheduledAt", a."timeZone"), x.criterion, x.score, -count(*)
    FROM old_rows r LEFT JOIN "Agency" a ON a."id" = r."agencyId" CROSS JOIN LATERAL rdv_rating_rows(r) x
   GROUP BY 1, 2, 3, 4
  ON CONFLICT ("campaignId", "day", "criterion", "score") DO UPDATE SET "n" = s."n" + EXCLUDED."n";
  RETURN NULL;
END $$;

CREATE TRIGGER "Meeting_rating_insert" AFTER INSERT ON "Meeting" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rdv_meeting_rating_insert();
CREATE TRIGGER "Meeting_rating_update" AFTER UPDATE ON "Meeting" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rdv_meeting_rating_update();
CREATE TRIGGER "Meeting_rating_delete" AFTER DELETE ON "Meeting" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rdv_meeting_rating_delete();

CREATE FUNCTION rdv_rebuild_rating_rollup() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "Meeting" IN SHARE MODE;
  DELETE FROM "CampaignDayRating";
  INSERT INTO "CampaignDayRating" ("campaignId", "day", "criterion", "score", "n")
  SELECT m."campaignId", rdv_local_day(m."scheduledAt", a."timeZone"), x.criterion, x.score, count(*)
    FROM "Meeting" m JOIN "Agency" a ON a."id" = m."agencyId" CROSS JOIN LATERAL rdv_rating_rows(m) x
   GROUP BY 1, 2, 3, 4;
END $$;

-- rdv_rebuild_rollup() (scripts, the bench, a change of the agency's time zone) rebuilds both.
ALTER FUNCTION rdv_rebuild_rollup() RENAME TO rdv_rebuild_rollup_counters;
CREATE FUNCTION rdv_rebuild_rollup() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rdv_rebuild_rollup_counters();
  PERFORM rdv_rebuild_rating_rollup();
END $$;

SELECT rdv_rebuild_rating_rollup();
