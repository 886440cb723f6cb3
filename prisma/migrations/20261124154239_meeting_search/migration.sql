-- Text search of the meetings list (ILIKE '%...%' on name, company, email) through trigram indexes.
-- pg_trgm is a trusted extension shipped with PostgreSQL (and with embedded-postgres).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Meeting_prospectName_trgm_idx" ON "Meeting" USING GIN ("prospectName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Meeting_prospectCompany_trgm_idx" ON "Meeting" USING GIN ("prospectCompany" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Meeting_prospectEmail_trgm_idx" ON "Meeting" USING GIN ("prospectEmail" gin_trgm_ops);
