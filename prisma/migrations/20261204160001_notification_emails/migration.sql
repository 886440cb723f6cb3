-- Notifications (issue 16): notification emails carry List-Unsubscribe headers to the provider.
-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN     "headers" JSONB;
