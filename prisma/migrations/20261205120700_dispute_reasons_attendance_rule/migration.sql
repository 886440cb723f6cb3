

ALTER TYPE "NotificationKind" ADD VALUE 'ATTENDANCE_PRESUMPTION';
ALTER TYPE "NotificationKind" ADD VALUE 'MEETING_FLAGGED';

-- AlterTable
ALTER TABLE "DefinitionVersion" ADD COLUMN     "attendanceRuleHours" INTEGER DEFAULT 48,
ADD COLUMN     "windowsInBusinessDays" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "disputeEvidence" TEXT,
ADD COLUMN     "disputeReason" TEXT,
ADD COLUMN     "disputeReasonText" TEXT,
ADD COLUMN     "presumeReminderAt" TIMESTAMP(3),
ADD COLUMN     "presumedHeldAt" TIMESTAMP(3),
ADD COLUMN     "replacementPromised" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "replacesMeetingId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_replacesMeetingId_key" ON "Meeting"("replacesMeetingId");

-- CreateIndex
CREATE INDEX "Meeting_campaignId_replacementPromised_idx" ON "Meeting"("campaignId", "replacementPromised");

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_replacesMeetingId_fkey" FOREIGN KEY ("replacesMeetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Versions the client already approved (or is deciding on) never agreed to an attendance presumption: they keep none.
UPDATE "DefinitionVersion" SET "attendanceRuleHours" = NULL WHERE "status" <> 'DRAFT';
