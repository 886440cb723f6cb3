-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('SCHEDULED', 'HELD', 'NO_SHOW', 'CANCELLED');

-- CreateEnum
CREATE TYPE "MeetingVerdict" AS ENUM ('PENDING', 'ACCEPTED', 'DISPUTED', 'DISPUTE_UPHELD', 'DISPUTE_REJECTED');

-- CreateEnum
CREATE TYPE "MeetingChannel" AS ENUM ('VIDEO', 'PHONE', 'ON_SITE');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('MAPPING', 'QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "clientCompanyId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "sdrId" TEXT NOT NULL,
    "createdById" TEXT,
    "personaVersionId" TEXT NOT NULL,
    "definitionVersionId" TEXT NOT NULL,
    "externalId" TEXT,
    "prospectName" TEXT NOT NULL,
    "prospectTitle" TEXT NOT NULL DEFAULT '',
    "prospectEmail" TEXT NOT NULL,
    "prospectPhone" TEXT,
    "prospectCompany" TEXT NOT NULL,
    "prospectDomain" TEXT,
    "prospectCompanySize" TEXT,
    "prospectIndustry" TEXT,
    "prospectCountry" TEXT,
    "prospectLinkedinUrl" TEXT,
    "scheduledAt" TIMESTAMP(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "channel" "MeetingChannel" NOT NULL,
    "location" TEXT,
    "clientAttendeeId" TEXT,
    "discoveryNeed" TEXT NOT NULL DEFAULT '',
    "discoveryContext" TEXT NOT NULL DEFAULT '',
    "discoveryBudget" TEXT NOT NULL DEFAULT '',
    "discoveryTimeline" TEXT NOT NULL DEFAULT '',
    "status" "MeetingStatus" NOT NULL DEFAULT 'SCHEDULED',
    "statusChangedAt" TIMESTAMP(3),
    "reviewDueAt" TIMESTAMP(3),
    "attendanceReminderAt" TIMESTAMP(3),
    "possibleDuplicate" BOOLEAN NOT NULL DEFAULT false,
    "unmetRequiredConfirmed" BOOLEAN NOT NULL DEFAULT false,
    "ratingOverall" INTEGER,
    "ratingPersonaFit" INTEGER,
    "ratingDecisionPower" INTEGER,
    "ratingRealNeed" INTEGER,
    "ratingBriefing" INTEGER,
    "ratedById" TEXT,
    "ratedAt" TIMESTAMP(3),
    "verdict" "MeetingVerdict" NOT NULL DEFAULT 'PENDING',
    "verdictById" TEXT,
    "verdictAt" TIMESTAMP(3),
    "autoAccepted" BOOLEAN NOT NULL DEFAULT false,
    "resolutionReasoning" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "opportunityCreated" BOOLEAN,
    "pipelineValue" INTEGER,
    "won" BOOLEAN,
    "outcomeUpdatedAt" TIMESTAMP(3),
    "internalNotes" TEXT NOT NULL DEFAULT '',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingCriterionCheck" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "met" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "evidenceUrl" TEXT,

    CONSTRAINT "MeetingCriterionCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingDisputeItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingDisputeItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingEvent" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "actorId" TEXT,
    "type" TEXT NOT NULL,
    "from" TEXT,
    "to" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingComment" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "createdById" TEXT,
    "fileName" TEXT NOT NULL,
    "file" BYTEA,
    "columns" TEXT[],
    "mapping" JSONB NOT NULL DEFAULT '{}',
    "status" "ImportStatus" NOT NULL DEFAULT 'MAPPING',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "skippedCount" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "failure" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Meeting_campaignId_scheduledAt_id_idx" ON "Meeting"("campaignId", "scheduledAt", "id");

-- CreateIndex
CREATE INDEX "Meeting_campaignId_status_scheduledAt_idx" ON "Meeting"("campaignId", "status", "scheduledAt");

-- CreateIndex
CREATE INDEX "Meeting_campaignId_verdict_scheduledAt_idx" ON "Meeting"("campaignId", "verdict", "scheduledAt");

-- CreateIndex
CREATE INDEX "Meeting_campaignId_sdrId_scheduledAt_idx" ON "Meeting"("campaignId", "sdrId", "scheduledAt");

-- CreateIndex
CREATE INDEX "Meeting_campaignId_personaVersionId_scheduledAt_idx" ON "Meeting"("campaignId", "personaVersionId", "scheduledAt");

-- CreateIndex
CREATE INDEX "Meeting_campaignId_prospectEmail_scheduledAt_idx" ON "Meeting"("campaignId", "prospectEmail", "scheduledAt");

-- CreateIndex
CREATE INDEX "Meeting_agencyId_scheduledAt_id_idx" ON "Meeting"("agencyId", "scheduledAt", "id");

-- CreateIndex
CREATE INDEX "Meeting_clientCompanyId_scheduledAt_idx" ON "Meeting"("clientCompanyId", "scheduledAt");

-- CreateIndex
CREATE INDEX "Meeting_sdrId_scheduledAt_idx" ON "Meeting"("sdrId", "scheduledAt");

-- CreateIndex
CREATE INDEX "Meeting_personaVersionId_idx" ON "Meeting"("personaVersionId");

-- CreateIndex
CREATE INDEX "Meeting_definitionVersionId_idx" ON "Meeting"("definitionVersionId");

-- CreateIndex
CREATE INDEX "Meeting_clientAttendeeId_idx" ON "Meeting"("clientAttendeeId");

-- CreateIndex
CREATE INDEX "Meeting_createdById_idx" ON "Meeting"("createdById");

-- CreateIndex
CREATE INDEX "Meeting_status_verdict_reviewDueAt_idx" ON "Meeting"("status", "verdict", "reviewDueAt");

-- CreateIndex
CREATE INDEX "Meeting_status_scheduledAt_idx" ON "Meeting"("status", "scheduledAt");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_campaignId_externalId_key" ON "Meeting"("campaignId", "externalId");

-- CreateIndex
CREATE INDEX "MeetingCriterionCheck_criterionId_idx" ON "MeetingCriterionCheck"("criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingCriterionCheck_meetingId_criterionId_key" ON "MeetingCriterionCheck"("meetingId", "criterionId");

-- CreateIndex
CREATE INDEX "MeetingDisputeItem_criterionId_idx" ON "MeetingDisputeItem"("criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingDisputeItem_meetingId_criterionId_key" ON "MeetingDisputeItem"("meetingId", "criterionId");

-- CreateIndex
CREATE INDEX "MeetingEvent_meetingId_createdAt_idx" ON "MeetingEvent"("meetingId", "createdAt");

-- CreateIndex
CREATE INDEX "MeetingEvent_actorId_idx" ON "MeetingEvent"("actorId");

-- CreateIndex
CREATE INDEX "MeetingComment_meetingId_createdAt_idx" ON "MeetingComment"("meetingId", "createdAt");

-- CreateIndex
CREATE INDEX "MeetingComment_authorId_idx" ON "MeetingComment"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_userId_key" ON "CalendarFeed"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "ImportJob_campaignId_createdAt_idx" ON "ImportJob"("campaignId", "createdAt");

-- CreateIndex
CREATE INDEX "ImportJob_agencyId_idx" ON "ImportJob"("agencyId");

-- CreateIndex
CREATE INDEX "ImportJob_createdById_idx" ON "ImportJob"("createdById");

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_clientCompanyId_fkey" FOREIGN KEY ("clientCompanyId") REFERENCES "ClientCompany"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_sdrId_fkey" FOREIGN KEY ("sdrId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_clientAttendeeId_fkey" FOREIGN KEY ("clientAttendeeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_personaVersionId_fkey" FOREIGN KEY ("personaVersionId") REFERENCES "PersonaVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_definitionVersionId_fkey" FOREIGN KEY ("definitionVersionId") REFERENCES "DefinitionVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingCriterionCheck" ADD CONSTRAINT "MeetingCriterionCheck_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingCriterionCheck" ADD CONSTRAINT "MeetingCriterionCheck_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "DefinitionCriterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingDisputeItem" ADD CONSTRAINT "MeetingDisputeItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingDisputeItem" ADD CONSTRAINT "MeetingDisputeItem_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "DefinitionCriterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingEvent" ADD CONSTRAINT "MeetingEvent_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingEvent" ADD CONSTRAINT "MeetingEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingComment" ADD CONSTRAINT "MeetingComment_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingComment" ADD CONSTRAINT "MeetingComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
