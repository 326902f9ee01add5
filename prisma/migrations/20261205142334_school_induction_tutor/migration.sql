-- AlterTable
ALTER TABLE "schools" ADD COLUMN "inductionTutorName" TEXT,
ADD COLUMN "inductionTutorEmail" TEXT;

-- CreateTable
CREATE TABLE "partnership_notification_emails" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sentTo" TEXT NOT NULL,
    "emailType" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partnership_notification_emails_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "partnership_notification_emails_tokenHash_key" ON "partnership_notification_emails"("tokenHash");

-- CreateIndex
CREATE INDEX "partnership_notification_emails_partnershipId_idx" ON "partnership_notification_emails"("partnershipId");

-- AddForeignKey
ALTER TABLE "partnership_notification_emails" ADD CONSTRAINT "partnership_notification_emails_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "partnerships"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
