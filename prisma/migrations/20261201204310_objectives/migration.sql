-- CreateEnum
CREATE TYPE "Maturity" AS ENUM ('RAMPING', 'CONFIRMED', 'SENIOR');

-- CreateEnum
CREATE TYPE "ObjectiveKind" AS ENUM ('QUANTITATIVE', 'QUALITATIVE');

-- CreateEnum
CREATE TYPE "ObjectiveScope" AS ENUM ('TEAM', 'SDR');

-- CreateEnum
CREATE TYPE "PeriodKind" AS ENUM ('WEEK', 'MONTH', 'QUARTER', 'CAMPAIGN');

-- CreateEnum
CREATE TYPE "Stake" AS ENUM ('GROWTH', 'PROFITABILITY', 'MARKET_ENTRY', 'RETENTION');

-- CreateEnum
CREATE TYPE "Lever" AS ENUM ('TARGETING', 'MESSAGE', 'QUALIFICATION', 'FOLLOW_UP', 'WORKLOAD', 'CHANNEL_MIX');

-- CreateEnum
CREATE TYPE "GapStatus" AS ENUM ('OPEN', 'DONE');

-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "paceAtRiskPct" INTEGER NOT NULL DEFAULT 80,
ADD COLUMN     "paceOnTrackPct" INTEGER NOT NULL DEFAULT 95,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'Europe/Paris',
ADD COLUMN     "weightConfirmedPct" INTEGER NOT NULL DEFAULT 100,
ADD COLUMN     "weightRampingPct" INTEGER NOT NULL DEFAULT 50,
ADD COLUMN     "weightSeniorPct" INTEGER NOT NULL DEFAULT 120;

-- AlterTable
ALTER TABLE "CampaignAssignment" ADD COLUMN     "maturity" "Maturity" NOT NULL DEFAULT 'CONFIRMED',
ADD COLUMN     "rampUntil" DATE;

-- CreateTable
CREATE TABLE "CampaignDayOff" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignDayOff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityDay" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "sdrId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "dials" INTEGER NOT NULL DEFAULT 0,
    "conversations" INTEGER NOT NULL DEFAULT 0,
    "emails" INTEGER NOT NULL DEFAULT 0,
    "linkedinMessages" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActivityDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignDayStat" (
    "campaignId" TEXT NOT NULL,
    "sdrId" TEXT NOT NULL,
    "personaVersionId" TEXT NOT NULL DEFAULT '',
    "day" DATE NOT NULL,
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

    CONSTRAINT "CampaignDayStat_pkey" PRIMARY KEY ("campaignId","sdrId","personaVersionId","day")
);

-- CreateTable
CREATE TABLE "Objective" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "kind" "ObjectiveKind" NOT NULL DEFAULT 'QUANTITATIVE',
    "metric" TEXT,
    "target" DOUBLE PRECISION,
    "scope" "ObjectiveScope" NOT NULL DEFAULT 'TEAM',
    "sdrId" TEXT,
    "scopeKey" TEXT NOT NULL DEFAULT 'TEAM',
    "periodKind" "PeriodKind" NOT NULL,
    "recurring" BOOLEAN NOT NULL DEFAULT false,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "stake" "Stake" NOT NULL,
    "why" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Objective_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObjectivePeriod" (
    "id" TEXT NOT NULL,
    "objectiveId" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "target" DOUBLE PRECISION,
    "actual" DOUBLE PRECISION,
    "status" TEXT,
    "closedAt" TIMESTAMP(3),
    "offTrackAlertAt" TIMESTAMP(3),

    CONSTRAINT "ObjectivePeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObjectiveTargetChange" (
    "id" TEXT NOT NULL,
    "objectiveId" TEXT NOT NULL,
    "from" DOUBLE PRECISION NOT NULL,
    "to" DOUBLE PRECISION NOT NULL,
    "reason" TEXT NOT NULL,
    "changedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ObjectiveTargetChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GapAnalysis" (
    "id" TEXT NOT NULL,
    "objectiveId" TEXT NOT NULL,
    "lever" "Lever" NOT NULL,
    "diagnosis" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "ownerId" TEXT,
    "dueDate" DATE NOT NULL,
    "status" "GapStatus" NOT NULL DEFAULT 'OPEN',
    "doneAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GapAnalysis_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CampaignDayOff_campaignId_day_key" ON "CampaignDayOff"("campaignId", "day");

-- CreateIndex
CREATE INDEX "ActivityDay_sdrId_day_idx" ON "ActivityDay"("sdrId", "day");

-- CreateIndex
CREATE INDEX "ActivityDay_agencyId_idx" ON "ActivityDay"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityDay_campaignId_sdrId_day_key" ON "ActivityDay"("campaignId", "sdrId", "day");

-- CreateIndex
CREATE INDEX "CampaignDayStat_campaignId_day_idx" ON "CampaignDayStat"("campaignId", "day");

-- CreateIndex
CREATE INDEX "CampaignDayStat_sdrId_day_idx" ON "CampaignDayStat"("sdrId", "day");

-- CreateIndex
CREATE INDEX "Objective_campaignId_archivedAt_idx" ON "Objective"("campaignId", "archivedAt");

-- CreateIndex
CREATE INDEX "Objective_agencyId_idx" ON "Objective"("agencyId");

-- CreateIndex
CREATE INDEX "Objective_sdrId_idx" ON "Objective"("sdrId");

-- CreateIndex
CREATE UNIQUE INDEX "ObjectivePeriod_objectiveId_periodStart_key" ON "ObjectivePeriod"("objectiveId", "periodStart");

-- CreateIndex
CREATE INDEX "ObjectiveTargetChange_objectiveId_createdAt_idx" ON "ObjectiveTargetChange"("objectiveId", "createdAt");

-- CreateIndex
CREATE INDEX "ObjectiveTargetChange_changedById_idx" ON "ObjectiveTargetChange"("changedById");

-- CreateIndex
CREATE INDEX "GapAnalysis_objectiveId_createdAt_idx" ON "GapAnalysis"("objectiveId", "createdAt");

-- CreateIndex
CREATE INDEX "GapAnalysis_ownerId_status_idx" ON "GapAnalysis"("ownerId", "status");

-- AddForeignKey
ALTER TABLE "CampaignDayOff" ADD CONSTRAINT "CampaignDayOff_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityDay" ADD CONSTRAINT "ActivityDay_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityDay" ADD CONSTRAINT "ActivityDay_sdrId_fkey" FOREIGN KEY ("sdrId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objective" ADD CONSTRAINT "Objective_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objective" ADD CONSTRAINT "Objective_sdrId_fkey" FOREIGN KEY ("sdrId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObjectivePeriod" ADD CONSTRAINT "ObjectivePeriod_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObjectiveTargetChange" ADD CONSTRAINT "ObjectiveTargetChange_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObjectiveTargetChange" ADD CONSTRAINT "ObjectiveTargetChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GapAnalysis" ADD CONSTRAINT "GapAnalysis_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GapAnalysis" ADD CONSTRAINT "GapAnalysis_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------------------
-- The rollup (docs/decisions/0006-rollup.md): "CampaignDayStat" is kept exact by row triggers on "Meeting" and
-- "ActivityDay", in the same transaction as every write (Prisma, the sweep's raw UPDATEs, the import's INSERT ... SELECT).
-- An UPDATE subtracts the old row's contribution and adds the new one's. Days are counted in the agency's time zone:
-- "booked" on the day the meeting was logged (createdAt), every later stage on the meeting's scheduled day.

CREATE FUNCTION rdv_local_day(ts timestamp, tz text) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT ((ts AT TIME ZONE 'UTC') AT TIME ZONE COALESCE(tz, 'Europe/Paris'))::date
$$;

CREATE FUNCTION rdv_meeting_contribute(m "Meeting", sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tz text;
  v_held int := (m."status" = 'HELD')::int;
  v_noshow int := (m."status" = 'NO_SHOW')::int;
  v_cancelled int := (m."status" = 'CANCELLED')::int;
  v_accepted int := (m."status" = 'HELD' AND m."verdict" IN ('ACCEPTED', 'DISPUTE_REJECTED'))::int;
  v_disputed int := (m."verdict" IN ('DISPUTED', 'DISPUTE_UPHELD', 'DISPUTE_REJECTED'))::int;
  v_upheld int := (m."verdict" = 'DISPUTE_UPHELD')::int;
  v_opp int := COALESCE(m."opportunityCreated", false)::int;
  v_won int := COALESCE(m."won", false)::int;
  v_value bigint := COALESCE(m."pipelineValue", 0);
BEGIN
  SELECT "timeZone" INTO tz FROM "Agency" WHERE "id" = m."agencyId";
  INSERT INTO "CampaignDayStat" ("campaignId", "sdrId", "personaVersionId", "day", "booked")
  VALUES (m."campaignId", m."sdrId", m."personaVersionId", rdv_local_day(m."createdAt", tz), sign)
  ON CONFLICT ("campaignId", "sdrId", "personaVersionId", "day") DO UPDATE SET "booked" = "CampaignDayStat"."booked" + EXCLUDED."booked";
  IF v_held + v_noshow + v_cancelled + v_disputed + v_opp + v_won = 0 AND m."ratingOverall" IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO "CampaignDayStat" AS s ("campaignId", "sdrId", "personaVersionId", "day",
    "held", "noShow", "cancelled", "accepted", "disputed", "upheld", "opportunities", "pipelineValue", "won", "wonValue",
    "ratingSum", "ratingCount", "personaFitSum", "personaFitCount", "decisionPowerSum", "decisionPowerCount",
    "realNeedSum", "realNeedCount", "briefingSum", "briefingCount")
  VALUES (m."campaignId", m."sdrId", m."personaVersionId", rdv_local_day(m."scheduledAt", tz),
    sign * v_held, sign * v_noshow, sign * v_cancelled, sign * v_accepted, sign * v_disputed, sign * v_upheld,
    sign * v_opp, sign * v_opp * v_value, sign * v_won, sign * v_won * v_value,
    sign * COALESCE(m."ratingOverall", 0), sign * (m."ratingOverall" IS NOT NULL)::int,
    sign * COALESCE(m."ratingPersonaFit", 0), sign * (m."ratingPersonaFit" IS NOT NULL)::int,
    sign * COALESCE(m."ratingDecisionPower", 0), sign * (m."ratingDecisionPower" IS NOT NULL)::int,
    sign * COALESCE(m."ratingRealNeed", 0), sign * (m."ratingRealNeed" IS NOT NULL)::int,
    sign * COALESCE(m."ratingBriefing", 0), sign * (m."ratingBriefing" IS NOT NULL)::int)
  ON CONFLICT ("campaignId", "sdrId", "personaVersionId", "day") DO UPDATE SET
    "held" = s."held" + EXCLUDED."held", "noShow" = s."noShow" + EXCLUDED."noShow",
    "cancelled" = s."cancelled" + EXCLUDED."cancelled", "accepted" = s."accepted" + EXCLUDED."accepted",
    "disputed" = s."disputed" + EXCLUDED."disputed", "upheld" = s."upheld" + EXCLUDED."upheld",
    "opportunities" = s."opportunities" + EXCLUDED."opportunities", "pipelineValue" = s."pipelineValue" + EXCLUDED."pipelineValue",
    "won" = s."won" + EXCLUDED."won", "wonValue" = s."wonValue" + EXCLUDED."wonValue",
    "ratingSum" = s."ratingSum" + EXCLUDED."ratingSum", "ratingCount" = s."ratingCount" + EXCLUDED."ratingCount",
    "personaFitSum" = s."personaFitSum" + EXCLUDED."personaFitSum", "personaFitCount" = s."personaFitCount" + EXCLUDED."personaFitCount",
    "decisionPowerSum" = s."decisionPowerSum" + EXCLUDED."decisionPowerSum", "decisionPowerCount" = s."decisionPowerCount" + EXCLUDED."decisionPowerCount",
    "realNeedSum" = s."realNeedSum" + EXCLUDED."realNeedSum", "realNeedCount" = s."realNeedCount" + EXCLUDED."realNeedCount",
    "briefingSum" = s."briefingSum" + EXCLUDED."briefingSum", "briefingCount" = s."briefingCount" + EXCLUDED."briefingCount";
END $$;

CREATE FUNCTION rdv_meeting_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."campaignId", OLD."sdrId", OLD."personaVersionId", OLD."agencyId", OLD."createdAt", OLD."scheduledAt",
      OLD."status", OLD."verdict", OLD."opportunityCreated", OLD."pipelineValue", OLD."won", OLD."ratingOverall",
      OLD."ratingPersonaFit", OLD."ratingDecisionPower", OLD."ratingRealNeed", OLD."ratingBriefing")
    IS NOT DISTINCT FROM (NEW."campaignId", NEW."sdrId", NEW."personaVersionId", NEW."agencyId", NEW."createdAt", NEW."scheduledAt",
      NEW."status", NEW."verdict", NEW."opportunityCreated", NEW."pipelineValue", NEW."won", NEW."ratingOverall",
      NEW."ratingPersonaFit", NEW."ratingDecisionPower", NEW."ratingRealNeed", NEW."ratingBriefing") THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM rdv_meeting_contribute(OLD, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM rdv_meeting_contribute(NEW, 1); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Meeting_rollup" AFTER INSERT OR UPDATE OR DELETE ON "Meeting"
  FOR EACH ROW EXECUTE FUNCTION rdv_meeting_rollup();

CREATE FUNCTION rdv_activity_contribute(a "ActivityDay", sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CampaignDayStat" AS s ("campaignId", "sdrId", "personaVersionId", "day", "dials", "conversations", "emails", "linkedinMessages")
  VALUES (a."campaignId", a."sdrId", '', a."day", sign * a."dials", sign * a."conversations", sign * a."emails", sign * a."linkedinMessages")
  ON CONFLICT ("campaignId", "sdrId", "personaVersionId", "day") DO UPDATE SET
    "dials" = s."dials" + EXCLUDED."dials", "conversations" = s."conversations" + EXCLUDED."conversations",
    "emails" = s."emails" + EXCLUDED."emails", "linkedinMessages" = s."linkedinMessages" + EXCLUDED."linkedinMessages";
END $$;

CREATE FUNCTION rdv_activity_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM rdv_activity_contribute(OLD, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM rdv_activity_contribute(NEW, 1); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ActivityDay_rollup" AFTER INSERT OR UPDATE OR DELETE ON "ActivityDay"
  FOR EACH ROW EXECUTE FUNCTION rdv_activity_rollup();

-- Recomputes the whole rollup from the rows (npm run rollup:rebuild; also after changing an agency's time zone).
-- SHARE locks keep writers out while it runs, so nothing is counted twice or missed.
CREATE FUNCTION rdv_rebuild_rollup() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "Meeting", "ActivityDay" IN SHARE MODE;
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
END $$;
