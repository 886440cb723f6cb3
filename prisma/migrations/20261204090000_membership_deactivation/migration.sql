ALTER TABLE "Membership" ADD COLUMN "deactivatedAt" TIMESTAMP(3);
