-- Issue 9: saved views on a campaign's Meetings tab too (campaignId), one name per user and list: the unique index
-- treats the cross-campaign list (campaignId NULL) as one list (NULLS NOT DISTINCT, PostgreSQL 15).
ALTER TABLE "SavedView" ADD COLUMN "campaignId" TEXT;

DROP INDEX "SavedView_userId_name_key";

CREATE UNIQUE INDEX "SavedView_userId_campaignId_name_key" ON "SavedView"("userId", "campaignId", "name") NULLS NOT DISTINCT;

ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
