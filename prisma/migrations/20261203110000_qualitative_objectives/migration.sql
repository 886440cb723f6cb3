-- CreateEnum
CREATE TYPE "QualRitual" AS ENUM ('CALL_REVIEW', 'HOT_DEBRIEF', 'ONE_TO_ONE', 'PEER_FEEDBACK', 'TEAM_SESSION');

-- CreateEnum
CREATE TYPE "QualCadence" AS ENUM ('WEEKLY', 'BIWEEKLY', 'MONTHLY');

-- CreateEnum
CREATE TYPE "QualAssessmentKind" AS ENUM ('MANAGER', 'SELF', 'PEER');

-- AlterTable
ALTER TABLE "Objective" ADD COLUMN     "behaviours" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "cadence" "QualCadence",
ADD COLUMN     "need" TEXT,
ADD COLUMN     "ritual" "QualRitual",
ADD COLUMN     "ritualOwnerId" TEXT,
ADD COLUMN     "supportsMetric" TEXT,
ADD COLUMN     "templateId" TEXT,
ADD COLUMN     "title" TEXT,
ADD COLUMN     "verb" TEXT;

-- CreateTable
CREATE TABLE "QualTemplate" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT,
    "locale" "Locale" NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "need" TEXT NOT NULL,
    "verb" TEXT NOT NULL,
    "behaviours" TEXT[],
    "ritual" "QualRitual" NOT NULL,
    "cadence" "QualCadence" NOT NULL,
    "grid" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QualTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObjectiveGridVersion" (
    "id" TEXT NOT NULL,
    "objectiveId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "grid" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ObjectiveGridVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualAssessment" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "objectiveId" TEXT NOT NULL,
    "gridVersionId" TEXT NOT NULL,
    "sdrId" TEXT,
    "authorId" TEXT,
    "kind" "QualAssessmentKind" NOT NULL DEFAULT 'MANAGER',
    "ritual" "QualRitual" NOT NULL,
    "day" DATE NOT NULL,
    "levels" JSONB NOT NULL,
    "recordingUrl" TEXT,
    "recordingAt" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "comment" TEXT NOT NULL DEFAULT '',
    "nextStep" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QualAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualEvidence" (
    "assessmentId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,

    CONSTRAINT "QualEvidence_pkey" PRIMARY KEY ("assessmentId","meetingId")
);

-- CreateTable
CREATE TABLE "QualAssessmentRevision" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "editedById" TEXT,
    "editedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QualAssessmentRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalibrationMapping" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "objectiveId" TEXT NOT NULL,
    "agencyCriterion" TEXT NOT NULL,
    "clientCriterion" TEXT NOT NULL,

    CONSTRAINT "CalibrationMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "QualTemplate_agencyId_locale_key_key" ON "QualTemplate"("agencyId", "locale", "key");

-- CreateIndex
CREATE UNIQUE INDEX "ObjectiveGridVersion_objectiveId_version_key" ON "ObjectiveGridVersion"("objectiveId", "version");

-- CreateIndex
CREATE INDEX "QualAssessment_campaignId_day_idx" ON "QualAssessment"("campaignId", "day");

-- CreateIndex
CREATE INDEX "QualAssessment_objectiveId_sdrId_day_idx" ON "QualAssessment"("objectiveId", "sdrId", "day");

-- CreateIndex
CREATE INDEX "QualAssessment_sdrId_day_idx" ON "QualAssessment"("sdrId", "day");

-- CreateIndex
CREATE INDEX "QualAssessment_gridVersionId_idx" ON "QualAssessment"("gridVersionId");

-- CreateIndex
CREATE INDEX "QualEvidence_meetingId_idx" ON "QualEvidence"("meetingId");

-- CreateIndex
CREATE INDEX "QualAssessmentRevision_assessmentId_editedAt_idx" ON "QualAssessmentRevision"("assessmentId", "editedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CalibrationMapping_campaignId_objectiveId_agencyCriterion_key" ON "CalibrationMapping"("campaignId", "objectiveId", "agencyCriterion");

-- AddForeignKey
ALTER TABLE "Objective" ADD CONSTRAINT "Objective_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "QualTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObjectiveGridVersion" ADD CONSTRAINT "ObjectiveGridVersion_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualAssessment" ADD CONSTRAINT "QualAssessment_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualAssessment" ADD CONSTRAINT "QualAssessment_gridVersionId_fkey" FOREIGN KEY ("gridVersionId") REFERENCES "ObjectiveGridVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualEvidence" ADD CONSTRAINT "QualEvidence_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "QualAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualEvidence" ADD CONSTRAINT "QualEvidence_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualAssessmentRevision" ADD CONSTRAINT "QualAssessmentRevision_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "QualAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalibrationMapping" ADD CONSTRAINT "CalibrationMapping_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

