-- AlterTable
ALTER TABLE "BillingProfile" ADD COLUMN     "stripeTaxRateBps" INTEGER,
ADD COLUMN     "stripeTaxRateId" TEXT;
