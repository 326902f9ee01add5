-- CreateTable
CREATE TABLE "sign_in_failures" (
    "id" UUID NOT NULL,
    "account" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_failures_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sign_in_failures_account_createdAt_idx" ON "sign_in_failures"("account", "createdAt");

-- CreateIndex
CREATE INDEX "sign_in_failures_ip_createdAt_idx" ON "sign_in_failures"("ip", "createdAt");
