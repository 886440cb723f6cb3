-- A sent report's PDF per language, rendered once from its frozen snapshot and kept (decision 0064).
CREATE TABLE "ReportPdf" (
    "reportId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportPdf_pkey" PRIMARY KEY ("reportId","locale")
);

ALTER TABLE "ReportPdf" ADD CONSTRAINT "ReportPdf_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Kept only for a sent report (a draft's PDF follows its live figures), and never changed once written.
CREATE FUNCTION report_pdf_frozen() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'the PDF of report % cannot change', OLD."reportId" USING ERRCODE = 'check_violation';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM "Report" WHERE "id" = NEW."reportId" AND "status" = 'SENT') THEN
    RAISE EXCEPTION 'report % is not sent: its PDF is not kept', NEW."reportId" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ReportPdf_frozen"
  BEFORE INSERT OR UPDATE ON "ReportPdf"
  FOR EACH ROW EXECUTE FUNCTION report_pdf_frozen();
