-- CreateTable
CREATE TABLE "ResetRequest" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResetRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ResetRequest_email_createdAt_idx" ON "ResetRequest"("email", "createdAt");

-- CreateIndex
CREATE INDEX "ResetRequest_ip_createdAt_idx" ON "ResetRequest"("ip", "createdAt");
