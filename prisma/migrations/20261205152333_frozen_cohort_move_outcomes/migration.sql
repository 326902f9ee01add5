-- CreateTable
CREATE TABLE "frozen_cohort_move_outcomes" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "participantProfileId" UUID NOT NULL,
    "outcome" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "frozen_cohort_move_outcomes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "frozen_cohort_move_outcomes_requestId_position_key" ON "frozen_cohort_move_outcomes"("requestId", "position");
