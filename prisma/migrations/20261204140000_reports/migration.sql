-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SENT');

-- CreateEnum
CREATE TYPE "ReportCadence" AS ENUM ('WEEKLY', 'MONTHLY');

-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "reportPdfAttached" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "snapshot" JSONB,
    "frozenAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "commentary" TEXT NOT NULL DEFAULT '',
    "highlights" TEXT NOT NULL DEFAULT '',
    "nextSteps" TEXT NOT NULL DEFAULT '',
    "sections" TEXT[],
    "highlightIds" TEXT[],
    "correctionNote" TEXT NOT NULL DEFAULT '',
    "supersedesId" TEXT,
    "scheduled" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportRecipient" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "emailId" TEXT,
    "openedAt" TIMESTAMP(3),
    "lastOpenedAt" TIMESTAMP(3),

    CONSTRAINT "ReportRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportComment" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportSchedule" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "cadence" "ReportCadence" NOT NULL,
    "weekday" INTEGER,
    "monthDay" INTEGER,
    "time" TEXT NOT NULL DEFAULT '08:00',
    "autoSend" BOOLEAN NOT NULL DEFAULT false,
    "includeEmpty" BOOLEAN NOT NULL DEFAULT false,
    "pausedAt" TIMESTAMP(3),
    "lastPeriodEnd" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Report_supersedesId_key" ON "Report"("supersedesId");

-- CreateIndex
CREATE INDEX "Report_campaignId_status_periodEnd_idx" ON "Report"("campaignId", "status", "periodEnd");

-- CreateIndex
CREATE INDEX "Report_agencyId_status_idx" ON "Report"("agencyId", "status");

-- CreateIndex
CREATE INDEX "Report_createdById_idx" ON "Report"("createdById");

-- CreateIndex
CREATE INDEX "ReportRecipient_userId_idx" ON "ReportRecipient"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportRecipient_reportId_userId_key" ON "ReportRecipient"("reportId", "userId");

-- CreateIndex
CREATE INDEX "ReportComment_reportId_createdAt_idx" ON "ReportComment"("reportId", "createdAt");

-- CreateIndex
CREATE INDEX "ReportComment_authorId_idx" ON "ReportComment"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportSchedule_campaignId_key" ON "ReportSchedule"("campaignId");

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportRecipient" ADD CONSTRAINT "ReportRecipient_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportRecipient" ADD CONSTRAINT "ReportRecipient_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportComment" ADD CONSTRAINT "ReportComment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportComment" ADD CONSTRAINT "ReportComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSchedule" ADD CONSTRAINT "ReportSchedule_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A sent report is immutable: its content, period and figures never change (issue 14). Only who opened it (on
-- ReportRecipient) and its comments (ReportComment) move afterwards; a correction is a new report.
CREATE FUNCTION report_sent_immutable() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- A cascade from the campaign or agency (trigger depth > 0) may remove it; a direct DELETE may not.
    IF OLD."status" = 'SENT' AND pg_trigger_depth() <= 1 THEN
      RAISE EXCEPTION 'report % was sent and cannot be deleted', OLD."id" USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."status" = 'SENT' AND (
    NEW."status", NEW."snapshot", NEW."frozenAt", NEW."sentAt", NEW."periodStart", NEW."periodEnd", NEW."campaignId",
    NEW."agencyId", NEW."commentary", NEW."highlights", NEW."nextSteps", NEW."sections", NEW."highlightIds",
    NEW."correctionNote", NEW."supersedesId"
  ) IS DISTINCT FROM (
    OLD."status", OLD."snapshot", OLD."frozenAt", OLD."sentAt", OLD."periodStart", OLD."periodEnd", OLD."campaignId",
    OLD."agencyId", OLD."commentary", OLD."highlights", OLD."nextSteps", OLD."sections", OLD."highlightIds",
    OLD."correctionNote", OLD."supersedesId"
  ) THEN
    RAISE EXCEPTION 'report % was sent and cannot change', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Report_sent_immutable"
  BEFORE UPDATE OR DELETE ON "Report"
  FOR EACH ROW EXECUTE FUNCTION report_sent_immutable();
