-- CreateEnum
CREATE TYPE "TrnCheckState" AS ENUM ('requested', 'open', 'trn_found', 'not_found');

-- CreateTable
CREATE TABLE "trn_check_requests" (
    "id" UUID NOT NULL,
    "participantProfileId" UUID NOT NULL,
    "state" "TrnCheckState" NOT NULL DEFAULT 'requested',
    "fullName" TEXT NOT NULL,
    "dateOfBirth" DATE,
    "nationalInsuranceNumber" TEXT,
    "trnGiven" TEXT,
    "reason" TEXT,
    "requestedBy" TEXT NOT NULL,
    "adapter" TEXT,
    "ticketId" TEXT,
    "trnFound" TEXT,
    "failureNote" TEXT,
    "answeredBy" TEXT,
    "sentAt" TIMESTAMP(3),
    "lastPolledAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "trn_check_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "trn_check_requests_state_createdAt_idx" ON "trn_check_requests"("state", "createdAt");

-- CreateIndex
CREATE INDEX "trn_check_requests_participantProfileId_idx" ON "trn_check_requests"("participantProfileId");

-- AddForeignKey
ALTER TABLE "trn_check_requests" ADD CONSTRAINT "trn_check_requests_participantProfileId_fkey" FOREIGN KEY ("participantProfileId") REFERENCES "participant_profiles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

