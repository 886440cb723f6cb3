-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('MEETING', 'RETAINER', 'CREDIT');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('PENDING', 'DRAFT', 'OPEN', 'PAID', 'PAYMENT_FAILED', 'VOID', 'UNCOLLECTIBLE');

-- CreateTable
CREATE TABLE "BillingProfile" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "clientCompanyId" TEXT NOT NULL,
    "billingDay" INTEGER NOT NULL DEFAULT 1,
    "billingEmail" TEXT,
    "addressLine1" TEXT NOT NULL DEFAULT '',
    "addressLine2" TEXT NOT NULL DEFAULT '',
    "postalCode" TEXT NOT NULL DEFAULT '',
    "city" TEXT NOT NULL DEFAULT '',
    "country" TEXT NOT NULL DEFAULT 'FR',
    "vatNumber" TEXT,
    "taxRateBps" INTEGER NOT NULL DEFAULT 2000,
    "locale" "Locale" NOT NULL DEFAULT 'fr',
    "stripeCustomerId" TEXT,
    "stripeSyncedHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BillingProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriceVersion" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "clientCompanyId" TEXT NOT NULL,
    "effectivePeriod" TEXT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "retainerAmount" INTEGER NOT NULL DEFAULT 0,
    "meetingPrice" INTEGER NOT NULL DEFAULT 0,
    "campaignPrices" JSONB NOT NULL DEFAULT '{}',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PriceVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerItem" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "clientCompanyId" TEXT NOT NULL,
    "campaignId" TEXT,
    "meetingId" TEXT,
    "kind" "LedgerKind" NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "invoiceId" TEXT,
    "stripeInvoiceItemId" TEXT,
    "voidedAt" TIMESTAMP(3),
    "creditOfId" TEXT,
    "voidReason" TEXT,
    "voidedById" TEXT,
    "stripeCreditNoteId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "clientCompanyId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'PENDING',
    "currency" TEXT NOT NULL,
    "subtotal" INTEGER NOT NULL DEFAULT 0,
    "tax" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "amountPaid" INTEGER NOT NULL DEFAULT 0,
    "amountRemaining" INTEGER NOT NULL DEFAULT 0,
    "creditedAmount" INTEGER NOT NULL DEFAULT 0,
    "stripeInvoiceId" TEXT,
    "number" TEXT,
    "hostedInvoiceUrl" TEXT,
    "invoicePdf" TEXT,
    "dueDate" TIMESTAMP(3),
    "issuedAt" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "issuedNotifiedAt" TIMESTAMP(3),
    "failedNotifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditNote" (
    "id" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "stripeId" TEXT NOT NULL,
    "number" TEXT,
    "amount" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "pdf" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CreditNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "objectId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BillingProfile_clientCompanyId_key" ON "BillingProfile"("clientCompanyId");

-- CreateIndex
CREATE INDEX "BillingProfile_agencyId_idx" ON "BillingProfile"("agencyId");

-- CreateIndex
CREATE INDEX "PriceVersion_agencyId_idx" ON "PriceVersion"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "PriceVersion_clientCompanyId_effectivePeriod_key" ON "PriceVersion"("clientCompanyId", "effectivePeriod");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerItem_creditOfId_key" ON "LedgerItem"("creditOfId");

-- CreateIndex
CREATE INDEX "LedgerItem_clientCompanyId_period_idx" ON "LedgerItem"("clientCompanyId", "period");

-- CreateIndex
CREATE INDEX "LedgerItem_clientCompanyId_invoiceId_idx" ON "LedgerItem"("clientCompanyId", "invoiceId");

-- CreateIndex
CREATE INDEX "LedgerItem_agencyId_period_idx" ON "LedgerItem"("agencyId", "period");

-- CreateIndex
CREATE INDEX "LedgerItem_agencyId_createdAt_idx" ON "LedgerItem"("agencyId", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerItem_invoiceId_idx" ON "LedgerItem"("invoiceId");

-- CreateIndex
CREATE INDEX "LedgerItem_meetingId_idx" ON "LedgerItem"("meetingId");

-- CreateIndex
CREATE INDEX "LedgerItem_campaignId_idx" ON "LedgerItem"("campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_stripeInvoiceId_key" ON "Invoice"("stripeInvoiceId");

-- CreateIndex
CREATE INDEX "Invoice_agencyId_status_idx" ON "Invoice"("agencyId", "status");

-- CreateIndex
CREATE INDEX "Invoice_agencyId_issuedAt_idx" ON "Invoice"("agencyId", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_clientCompanyId_period_key" ON "Invoice"("clientCompanyId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "CreditNote_stripeId_key" ON "CreditNote"("stripeId");

-- CreateIndex
CREATE INDEX "CreditNote_invoiceId_idx" ON "CreditNote"("invoiceId");

-- AddForeignKey
ALTER TABLE "BillingProfile" ADD CONSTRAINT "BillingProfile_clientCompanyId_fkey" FOREIGN KEY ("clientCompanyId") REFERENCES "ClientCompany"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriceVersion" ADD CONSTRAINT "PriceVersion_clientCompanyId_fkey" FOREIGN KEY ("clientCompanyId") REFERENCES "ClientCompany"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerItem" ADD CONSTRAINT "LedgerItem_clientCompanyId_fkey" FOREIGN KEY ("clientCompanyId") REFERENCES "ClientCompany"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerItem" ADD CONSTRAINT "LedgerItem_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerItem" ADD CONSTRAINT "LedgerItem_creditOfId_fkey" FOREIGN KEY ("creditOfId") REFERENCES "LedgerItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_clientCompanyId_fkey" FOREIGN KEY ("clientCompanyId") REFERENCES "ClientCompany"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "BillingProfile" ADD COLUMN     "stripeTaxRateBps" INTEGER,
ADD COLUMN     "stripeTaxRateId" TEXT;

-- Exactly one ledger item per billable meeting, one retainer per client and period (not expressible in Prisma's schema).
CREATE UNIQUE INDEX "LedgerItem_meeting_key" ON "LedgerItem"("meetingId") WHERE "kind" = 'MEETING';
CREATE UNIQUE INDEX "LedgerItem_retainer_key" ON "LedgerItem"("clientCompanyId", "period") WHERE "kind" = 'RETAINER';
-- Money is never half-typed: a meeting or retainer item is >= 0, a credit <= 0.
ALTER TABLE "LedgerItem" ADD CONSTRAINT "LedgerItem_amount_sign" CHECK (("kind" = 'CREDIT' AND "amount" <= 0) OR ("kind" <> 'CREDIT' AND "amount" >= 0));
ALTER TABLE "BillingProfile" ADD CONSTRAINT "BillingProfile_billingDay_range" CHECK ("billingDay" BETWEEN 1 AND 28);
