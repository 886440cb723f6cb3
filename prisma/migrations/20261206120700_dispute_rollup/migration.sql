-- Disputes from aggregates instead of the dispute items and meetings (issue 12, docs/decisions/0062):
-- * "CampaignDayDispute": how many dispute items (one per criterion a client disputed) each campaign has per agency day
--   (the meeting's scheduled day, as "CampaignDayStat" and "CampaignDayRating"), criterion and meeting verdict. The
--   Overview's "disputes by criterion" reads one index range of it, whatever the number of meetings.
-- * "CampaignDisputeCount": each campaign's open disputes (meetings whose verdict is DISPUTED). The portfolio reads one
--   row per campaign instead of counting the meetings.
-- Kept exact in the writer's transaction: statement-level triggers with transition tables on "MeetingDisputeItem"
-- (insert, delete) and "Meeting" (insert, update of the campaign, time or verdict, delete). A meeting's deletion
-- cascades to its items AFTER the meeting row is gone, so the items' delete trigger cannot see it: a row-level
-- BEFORE DELETE trigger on "Meeting" takes the meeting's items out while they are still there, and the items' own
-- delete trigger only counts the items whose meeting still exists. Rebuilt by rdv_rebuild_rollup() with the rest.
CREATE TABLE "CampaignDayDispute" (
    "campaignId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "criterionId" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "CampaignDayDispute_pkey" PRIMARY KEY ("campaignId","day","criterionId","verdict")
);

CREATE TABLE "CampaignDisputeCount" (
    "campaignId" TEXT NOT NULL,
    "open" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "CampaignDisputeCount_pkey" PRIMARY KEY ("campaignId")
);

-- Items added: counted under their meeting's campaign, day and verdict as they are now.
CREATE FUNCTION rdv_dispute_item_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CampaignDayDispute" AS s ("campaignId", "day", "criterionId", "verdict", "n")
  SELECT m."campaignId", rdv_local_day(m."scheduledAt", a."timeZone"), i."criterionId", m."verdict"::text, count(*)
    FROM new_items i JOIN "Meeting" m ON m."id" = i."meetingId" LEFT JOIN "Agency" a ON a."id" = m."agencyId"
   GROUP BY 1, 2, 3, 4
  ON CONFLICT ("campaignId", "day", "criterionId", "verdict") DO UPDATE SET "n" = s."n" + EXCLUDED."n";
  RETURN NULL;
END $$;

-- Items removed while their meeting stays (a meeting's deletion is handled by rdv_meeting_dispute_before_delete).
CREATE FUNCTION rdv_dispute_item_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CampaignDayDispute" AS s ("campaignId", "day", "criterionId", "verdict", "n")
  SELECT m."campaignId", rdv_local_day(m."scheduledAt", a."timeZone"), i."criterionId", m."verdict"::text, -count(*)
    FROM old_items i JOIN "Meeting" m ON m."id" = i."meetingId" LEFT JOIN "Agency" a ON a."id" = m."agencyId"
   GROUP BY 1, 2, 3, 4
  ON CONFLICT ("campaignId", "day", "criterionId", "verdict") DO UPDATE SET "n" = s."n" + EXCLUDED."n";
  RETURN NULL;
END $$;

-- An item's criterion or meeting never changes in the app; if one did, move its count.
CREATE FUNCTION rdv_dispute_item_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CampaignDayDispute" AS s ("campaignId", "day", "criterionId", "verdict", "n")
  SELECT c."campaignId", c."day", c."criterionId", c."verdict", sum(c.sign)
    FROM (
      SELECT m."campaignId", rdv_local_day(m."scheduledAt", a."timeZone") AS "day", i."criterionId", m."verdict"::text AS "verdict", 1 AS sign
        FROM new_items i JOIN "Meeting" m ON m."id" = i."meetingId" LEFT JOIN "Agency" a ON a."id" = m."agencyId"
      UNION ALL
      SELECT m."campaignId", rdv_local_day(m."scheduledAt", a."timeZone"), i."criterionId", m."verdict"::text, -1
        FROM old_items i JOIN "Meeting" m ON m."id" = i."meetingId" LEFT JOIN "Agency" a ON a."id" = m."agencyId"
    ) c
   GROUP BY 1, 2, 3, 4
  HAVING sum(c.sign) <> 0
  ON CONFLICT ("campaignId", "day", "criterionId", "verdict") DO UPDATE SET "n" = s."n" + EXCLUDED."n";
  RETURN NULL;
END $$;

CREATE TRIGGER "MeetingDisputeItem_rollup_insert" AFTER INSERT ON "MeetingDisputeItem" REFERENCING NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION rdv_dispute_item_insert();
CREATE TRIGGER "MeetingDisputeItem_rollup_delete" AFTER DELETE ON "MeetingDisputeItem" REFERENCING OLD TABLE AS old_items FOR EACH STATEMENT EXECUTE FUNCTION rdv_dispute_item_delete();
CREATE TRIGGER "MeetingDisputeItem_rollup_update" AFTER UPDATE ON "MeetingDisputeItem" REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION rdv_dispute_item_update();

-- Meetings added: a meeting may be written already disputed (imports of history, the demo); no items yet.
CREATE FUNCTION rdv_meeting_dispute_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CampaignDisputeCount" AS s ("campaignId", "open")
  SELECT r."campaignId", count(*) FROM new_rows r WHERE r."verdict" = 'DISPUTED' GROUP BY 1
  ON CONFLICT ("campaignId") DO UPDATE SET "open" = s."open" + EXCLUDED."open";
  RETURN NULL;
END $$;

-- Meetings changed: the open count follows the verdict; the items of a meeting whose campaign, time or verdict
-- changed move from the old (campaign, day, verdict) to the new one.
CREATE FUNCTION rdv_meeting_dispute_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CampaignDisputeCount" AS s ("campaignId", "open")
  SELECT c."campaignId", sum(c.sign)
    FROM (SELECT r."campaignId", 1 AS sign FROM new_rows r WHERE r."verdict" = 'DISPUTED'
          UNION ALL SELECT r."campaignId", -1 FROM old_rows r WHERE r."verdict" = 'DISPUTED') c
   GROUP BY 1
  HAVING sum(c.sign) <> 0
  ON CONFLICT ("campaignId") DO UPDATE SET "open" = s."open" + EXCLUDED."open";

  INSERT INTO "CampaignDayDispute" AS s ("campaignId", "day", "criterionId", "verdict", "n")
  SELECT c."campaignId", c."day", c."criterionId", c."verdict", sum(c.sign)
    FROM (
      SELECT n."campaignId", rdv_local_day(n."scheduledAt", a."timeZone") AS "day", i."criterionId", n."verdict"::text AS "verdict", 1 AS sign
        FROM old_rows o JOIN new_rows n ON n."id" = o."id" JOIN "MeetingDisputeItem" i ON i."meetingId" = n."id" LEFT JOIN "Agency" a ON a."id" = n."agencyId"
       WHERE (o."campaignId", o."scheduledAt", o."verdict", o."agencyId") IS DISTINCT FROM (n."campaignId", n."scheduledAt", n."verdict", n."agencyId")
      UNION ALL
      SELECT o."campaignId", rdv_local_day(o."scheduledAt", a."timeZone"), i."criterionId", o."verdict"::text, -1
        FROM old_rows o JOIN new_rows n ON n."id" = o."id" JOIN "MeetingDisputeItem" i ON i."meetingId" = o."id" LEFT JOIN "Agency" a ON a."id" = o."agencyId"
       WHERE (o."campaignId", o."scheduledAt", o."verdict", o."agencyId") IS DISTINCT FROM (n."campaignId", n."scheduledAt", n."verdict", n."agencyId")
    ) c
   GROUP BY 1, 2, 3, 4
  HAVING sum(c.sign) <> 0
  ON CONFLICT ("campaignId", "day", "criterionId", "verdict") DO UPDATE SET "n" = s."n" + EXCLUDED."n";
  RETURN NULL;
END $$;

-- Meetings removed: the open count (statement level)...
CREATE FUNCTION rdv_meeting_dispute_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CampaignDisputeCount" AS s ("campaignId", "open")
  SELECT r."campaignId", -count(*) FROM old_rows r WHERE r."verdict" = 'DISPUTED' GROUP BY 1
  ON CONFLICT ("campaignId") DO UPDATE SET "open" = s."open" + EXCLUDED."open";
  RETURN NULL;
END $$;

-- ...and their items, taken out before the cascade deletes them. Only a disputed meeting has items (a dispute writes
-- them with the DISPUTED verdict; a verdict never goes back to PENDING or ACCEPTED), so other deletions skip the call.
CREATE FUNCTION rdv_meeting_dispute_before_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CampaignDayDispute" AS s ("campaignId", "day", "criterionId", "verdict", "n")
  SELECT OLD."campaignId", rdv_local_day(OLD."scheduledAt", (SELECT a."timeZone" FROM "Agency" a WHERE a."id" = OLD."agencyId")), i."criterionId", OLD."verdict"::text, -count(*)
    FROM "MeetingDisputeItem" i WHERE i."meetingId" = OLD."id"
   GROUP BY 1, 2, 3, 4
  ON CONFLICT ("campaignId", "day", "criterionId", "verdict") DO UPDATE SET "n" = s."n" + EXCLUDED."n";
  RETURN OLD;
END $$;

CREATE TRIGGER "Meeting_dispute_insert" AFTER INSERT ON "Meeting" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rdv_meeting_dispute_insert();
CREATE TRIGGER "Meeting_dispute_update" AFTER UPDATE ON "Meeting" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rdv_meeting_dispute_update();
CREATE TRIGGER "Meeting_dispute_delete" AFTER DELETE ON "Meeting" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rdv_meeting_dispute_delete();
CREATE TRIGGER "Meeting_dispute_before_delete" BEFORE DELETE ON "Meeting" FOR EACH ROW
  WHEN (OLD."verdict" NOT IN ('PENDING', 'ACCEPTED')) EXECUTE FUNCTION rdv_meeting_dispute_before_delete();

CREATE FUNCTION rdv_rebuild_dispute_rollup() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "Meeting" IN SHARE MODE;
  LOCK TABLE "MeetingDisputeItem" IN SHARE MODE;
  DELETE FROM "CampaignDayDispute";
  INSERT INTO "CampaignDayDispute" ("campaignId", "day", "criterionId", "verdict", "n")
  SELECT m."campaignId", rdv_local_day(m."scheduledAt", a."timeZone"), i."criterionId", m."verdict"::text, count(*)
    FROM "MeetingDisputeItem" i JOIN "Meeting" m ON m."id" = i."meetingId" LEFT JOIN "Agency" a ON a."id" = m."agencyId"
   GROUP BY 1, 2, 3, 4;
  DELETE FROM "CampaignDisputeCount";
  INSERT INTO "CampaignDisputeCount" ("campaignId", "open")
  SELECT m."campaignId", count(*) FROM "Meeting" m WHERE m."verdict" = 'DISPUTED' GROUP BY 1;
END $$;

-- rdv_rebuild_rollup() as 20261205130000_rollup_rebuild_all left it (the counters with their period totals, then the
-- ratings), and now the disputes.
CREATE OR REPLACE FUNCTION rdv_rebuild_rollup() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rdv_rebuild_rollup_counters();
  PERFORM rdv_rebuild_rating_rollup();
  PERFORM rdv_rebuild_dispute_rollup();
END $$;

SELECT rdv_rebuild_dispute_rollup();
