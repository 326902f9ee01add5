-- AlterTable
ALTER TABLE "appropriate_body_claims" ADD COLUMN     "trainingProgramme" "TrainingProgramme";

