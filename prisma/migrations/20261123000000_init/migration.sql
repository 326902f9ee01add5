-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "InductionProgrammeChoice" AS ENUM ('full_induction_programme', 'core_induction_programme', 'design_our_own', 'school_funded_fip', 'no_early_career_teachers', 'not_yet_known');

-- CreateEnum
CREATE TYPE "ChallengeReason" AS ENUM ('another_provider', 'not_confirmed', 'do_not_recognise', 'no_ects', 'mistake');

-- CreateEnum
CREATE TYPE "TrainingProgramme" AS ENUM ('full_induction_programme', 'core_induction_programme', 'design_our_own', 'school_funded_fip');

-- CreateEnum
CREATE TYPE "InductionStatus" AS ENUM ('active', 'withdrawn', 'changed', 'leaving', 'completed');

-- CreateEnum
CREATE TYPE "TrainingStatus" AS ENUM ('active', 'deferred', 'withdrawn');

-- CreateEnum
CREATE TYPE "ParticipantType" AS ENUM ('ect', 'mentor');

-- CreateEnum
CREATE TYPE "ProfileStatus" AS ENUM ('active', 'withdrawn');

-- CreateEnum
CREATE TYPE "ProfileDuplicity" AS ENUM ('single', 'primary', 'secondary');

-- CreateEnum
CREATE TYPE "TrnValidationState" AS ENUM ('not_started', 'valid', 'manual_check_requested', 'invalid');

-- CreateEnum
CREATE TYPE "EligibilityStatus" AS ENUM ('eligible', 'matched', 'manual_check', 'ineligible');

-- CreateEnum
CREATE TYPE "EligibilityReason" AS ENUM ('none', 'active_flags', 'previous_participation', 'previous_induction', 'no_qts', 'different_trn', 'duplicate_profile', 'exempt_from_induction', 'no_induction');

-- CreateEnum
CREATE TYPE "MentorCompletionReason" AS ENUM ('completed_declaration_received', 'completed_during_early_roll_out', 'started_not_completed');

-- CreateEnum
CREATE TYPE "AppropriateBodyType" AS ENUM ('local_authority', 'teaching_school_hub', 'national');

-- CreateEnum
CREATE TYPE "ClaimSource" AS ENUM ('school', 'appropriate_body');

-- CreateEnum
CREATE TYPE "ScheduleType" AS ENUM ('ecf', 'mentor');

-- CreateEnum
CREATE TYPE "DeclarationType" AS ENUM ('started', 'retained-1', 'retained-2', 'retained-3', 'retained-4', 'completed', 'extended-1', 'extended-2', 'extended-3');

-- CreateEnum
CREATE TYPE "DeclarationState" AS ENUM ('submitted', 'eligible', 'payable', 'paid', 'voided', 'ineligible', 'awaiting_clawback', 'clawed_back');

-- CreateEnum
CREATE TYPE "CourseIdentifier" AS ENUM ('ecf-induction', 'ecf-mentor');

-- CreateEnum
CREATE TYPE "StatementState" AS ENUM ('open', 'payable', 'paid');

-- CreateEnum
CREATE TYPE "LineItemState" AS ENUM ('eligible', 'payable', 'paid', 'voided', 'ineligible', 'awaiting_clawback', 'clawed_back');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'super_user', 'support', 'finance', 'policy');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('user', 'api', 'portal', 'system');

-- CreateEnum
CREATE TYPE "JobState" AS ENUM ('running', 'succeeded', 'failed');

-- CreateTable
CREATE TABLE "cohorts" (
    "id" UUID NOT NULL,
    "startYear" INTEGER NOT NULL,
    "registrationStartDate" DATE NOT NULL,
    "academicYearStartDate" DATE NOT NULL,
    "automaticAssignmentPeriodEndDate" DATE NOT NULL,
    "paymentsFrozenAt" DATE,
    "mentorFunding" BOOLEAN NOT NULL DEFAULT false,
    "detailedEvidenceTypes" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "cohorts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cpd_lead_providers" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "cpd_lead_providers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lead_providers" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "cpdLeadProviderId" UUID NOT NULL,
    "vatChargeable" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lead_providers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lead_provider_cohorts" (
    "id" UUID NOT NULL,
    "leadProviderId" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lead_provider_cohorts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_partners" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "discardedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "delivery_partners_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "provider_relationships" (
    "id" UUID NOT NULL,
    "leadProviderId" UUID NOT NULL,
    "deliveryPartnerId" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "discardedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "provider_relationships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "schools" (
    "id" UUID NOT NULL,
    "urn" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ukprn" TEXT,
    "schoolTypeCode" INTEGER,
    "schoolTypeName" TEXT,
    "schoolStatusCode" INTEGER NOT NULL DEFAULT 1,
    "schoolStatusName" TEXT NOT NULL DEFAULT 'Open',
    "localAuthorityCode" TEXT,
    "localAuthorityName" TEXT,
    "administrativeDistrictCode" TEXT,
    "administrativeDistrictName" TEXT,
    "postcode" TEXT,
    "primaryContactEmail" TEXT,
    "secondaryContactEmail" TEXT,
    "section41Approved" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "schools_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pupil_premiums" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "startYear" INTEGER NOT NULL,
    "pupilPremiumIncentive" BOOLEAN NOT NULL DEFAULT false,
    "sparsityIncentive" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "pupil_premiums_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "school_cohorts" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "inductionProgrammeChoice" "InductionProgrammeChoice" NOT NULL DEFAULT 'not_yet_known',
    "defaultInductionProgrammeId" UUID,
    "appropriateBodyId" UUID,
    "optOutOfUpdates" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "school_cohorts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partnerships" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "leadProviderId" UUID NOT NULL,
    "deliveryPartnerId" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "relationship" BOOLEAN NOT NULL DEFAULT false,
    "pending" BOOLEAN NOT NULL DEFAULT false,
    "challengeDeadline" TIMESTAMP(3),
    "challengedAt" TIMESTAMP(3),
    "challengeReason" "ChallengeReason",
    "reportId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "partnerships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "induction_programmes" (
    "id" UUID NOT NULL,
    "schoolCohortId" UUID NOT NULL,
    "trainingProgramme" "TrainingProgramme" NOT NULL,
    "partnershipId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "induction_programmes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "induction_records" (
    "id" UUID NOT NULL,
    "inductionProgrammeId" UUID NOT NULL,
    "participantProfileId" UUID NOT NULL,
    "scheduleId" UUID NOT NULL,
    "startDate" TIMESTAMP(3) NOT NULL,
    "endDate" TIMESTAMP(3),
    "inductionStatus" "InductionStatus" NOT NULL DEFAULT 'active',
    "trainingStatus" "TrainingStatus" NOT NULL DEFAULT 'active',
    "schoolTransfer" BOOLEAN NOT NULL DEFAULT false,
    "mentorProfileId" UUID,
    "appropriateBodyId" UUID,
    "preferredEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "induction_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "teachers" (
    "id" UUID NOT NULL,
    "fullName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "trn" TEXT,
    "dateOfBirth" DATE,
    "nationalInsuranceNumber" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "teachers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "participant_profiles" (
    "id" UUID NOT NULL,
    "type" "ParticipantType" NOT NULL,
    "teacherId" UUID NOT NULL,
    "schoolCohortId" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "scheduleId" UUID NOT NULL,
    "mentorProfileId" UUID,
    "status" "ProfileStatus" NOT NULL DEFAULT 'active',
    "trainingStatus" "TrainingStatus" NOT NULL DEFAULT 'active',
    "profileDuplicity" "ProfileDuplicity" NOT NULL DEFAULT 'single',
    "pupilPremiumUplift" BOOLEAN NOT NULL DEFAULT false,
    "sparsityUplift" BOOLEAN NOT NULL DEFAULT false,
    "inductionStartDate" DATE,
    "inductionCompletionDate" DATE,
    "mentorCompletionDate" DATE,
    "mentorCompletionReason" "MentorCompletionReason",
    "notes" TEXT,
    "cohortChangedAfterPaymentsFrozen" BOOLEAN NOT NULL DEFAULT false,
    "trnValidationState" "TrnValidationState" NOT NULL DEFAULT 'not_started',
    "eligibilityStatus" "EligibilityStatus" NOT NULL DEFAULT 'eligible',
    "eligibilityReason" "EligibilityReason" NOT NULL DEFAULT 'none',
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "participant_profiles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "participant_profile_states" (
    "id" UUID NOT NULL,
    "participantProfileId" UUID NOT NULL,
    "state" "TrainingStatus" NOT NULL,
    "reason" TEXT,
    "cpdLeadProviderId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "participant_profile_states_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appropriate_bodies" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "bodyType" "AppropriateBodyType" NOT NULL,
    "disableFromYear" INTEGER,
    "selectableBySchools" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "appropriate_bodies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appropriate_body_claims" (
    "id" UUID NOT NULL,
    "participantProfileId" UUID NOT NULL,
    "appropriateBodyId" UUID NOT NULL,
    "source" "ClaimSource" NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appropriate_body_claims_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "schedules" (
    "id" UUID NOT NULL,
    "scheduleIdentifier" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "ScheduleType" NOT NULL DEFAULT 'ecf',
    "cohortId" UUID NOT NULL,
    "identifierAlias" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestones" (
    "id" UUID NOT NULL,
    "scheduleId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "declarationType" "DeclarationType" NOT NULL,
    "startDate" DATE NOT NULL,
    "milestoneDate" DATE,
    "paymentDate" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "milestones_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "declarations" (
    "id" UUID NOT NULL,
    "type" "ParticipantType" NOT NULL,
    "participantProfileId" UUID NOT NULL,
    "teacherId" UUID NOT NULL,
    "cpdLeadProviderId" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "deliveryPartnerId" UUID,
    "mentorTeacherId" UUID,
    "declarationType" "DeclarationType" NOT NULL,
    "declarationDate" TIMESTAMP(3) NOT NULL,
    "courseIdentifier" "CourseIdentifier" NOT NULL,
    "evidenceHeld" TEXT,
    "state" "DeclarationState" NOT NULL DEFAULT 'submitted',
    "supersededById" UUID,
    "pupilPremiumUplift" BOOLEAN NOT NULL DEFAULT false,
    "sparsityUplift" BOOLEAN NOT NULL DEFAULT false,
    "voidedAt" TIMESTAMP(3),
    "voidedByUserId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "declarations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "declaration_state_changes" (
    "id" UUID NOT NULL,
    "declarationId" UUID NOT NULL,
    "state" "DeclarationState" NOT NULL,
    "stateReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "declaration_state_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statements" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "cpdLeadProviderId" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "deadlineDate" DATE NOT NULL,
    "paymentDate" DATE NOT NULL,
    "outputFee" BOOLEAN NOT NULL DEFAULT true,
    "state" "StatementState" NOT NULL DEFAULT 'open',
    "contractVersion" TEXT NOT NULL DEFAULT '0.0.1',
    "mentorContractVersion" TEXT NOT NULL DEFAULT '0.0.1',
    "reconcileAmount" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "markedAsPaidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "statements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement_line_items" (
    "id" UUID NOT NULL,
    "statementId" UUID NOT NULL,
    "declarationId" UUID NOT NULL,
    "state" "LineItemState" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "statement_line_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement_snapshots" (
    "id" UUID NOT NULL,
    "statementId" UUID NOT NULL,
    "total" DECIMAL(14,5) NOT NULL,
    "result" JSONB NOT NULL,
    "calculatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "statement_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_off_contracts" (
    "id" UUID NOT NULL,
    "leadProviderId" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "version" TEXT NOT NULL DEFAULT '0.0.1',
    "recruitmentTarget" INTEGER NOT NULL,
    "revisedTarget" INTEGER,
    "setUpFee" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "monthlyServiceFee" DECIMAL(12,2),
    "upliftTarget" DECIMAL(6,4),
    "upliftAmount" DECIMAL(12,2),
    "raw" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "call_off_contracts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "participant_bands" (
    "id" UUID NOT NULL,
    "callOffContractId" UUID NOT NULL,
    "min" INTEGER,
    "max" INTEGER,
    "perParticipant" DECIMAL(12,2) NOT NULL,
    "outputPaymentPercentage" INTEGER NOT NULL DEFAULT 60,
    "serviceFeePercentage" INTEGER NOT NULL DEFAULT 40,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "participant_bands_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mentor_call_off_contracts" (
    "id" UUID NOT NULL,
    "leadProviderId" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "version" TEXT NOT NULL DEFAULT '0.0.1',
    "recruitmentTarget" INTEGER NOT NULL,
    "paymentPerParticipant" DECIMAL(12,2) NOT NULL DEFAULT 1000,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "mentor_call_off_contracts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "finance_adjustments" (
    "id" UUID NOT NULL,
    "statementId" UUID NOT NULL,
    "paymentType" TEXT NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "finance_adjustments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT,
    "disabledAt" TIMESTAMP(3),
    "lastSignedInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portal_users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "portal_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portal_roles" (
    "id" UUID NOT NULL,
    "portalUserId" UUID NOT NULL,
    "deliveryPartnerId" UUID,
    "appropriateBodyId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portal_roles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "magic_link_tokens" (
    "id" UUID NOT NULL,
    "portalUserId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "magic_link_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "cpdLeadProviderId" UUID NOT NULL,
    "hashedToken" TEXT NOT NULL,
    "description" TEXT,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" UUID NOT NULL,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_runs" (
    "id" UUID NOT NULL,
    "job" TEXT NOT NULL,
    "args" JSONB NOT NULL DEFAULT '{}',
    "state" "JobState" NOT NULL DEFAULT 'running',
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "rowsTotal" INTEGER,
    "output" JSONB,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_outbox" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "sid" VARCHAR NOT NULL,
    "sess" JSONB NOT NULL,
    "expire" TIMESTAMP(6) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("sid")
);

-- CreateIndex
CREATE UNIQUE INDEX "cohorts_startYear_key" ON "cohorts"("startYear");

-- CreateIndex
CREATE UNIQUE INDEX "cpd_lead_providers_name_key" ON "cpd_lead_providers"("name");

-- CreateIndex
CREATE UNIQUE INDEX "lead_providers_name_key" ON "lead_providers"("name");

-- CreateIndex
CREATE UNIQUE INDEX "lead_providers_cpdLeadProviderId_key" ON "lead_providers"("cpdLeadProviderId");

-- CreateIndex
CREATE UNIQUE INDEX "lead_provider_cohorts_leadProviderId_cohortId_key" ON "lead_provider_cohorts"("leadProviderId", "cohortId");

-- CreateIndex
CREATE INDEX "delivery_partners_name_idx" ON "delivery_partners"("name");

-- CreateIndex
CREATE UNIQUE INDEX "provider_relationships_leadProviderId_deliveryPartnerId_coh_key" ON "provider_relationships"("leadProviderId", "deliveryPartnerId", "cohortId");

-- CreateIndex
CREATE UNIQUE INDEX "schools_urn_key" ON "schools"("urn");

-- CreateIndex
CREATE INDEX "schools_name_idx" ON "schools"("name");

-- CreateIndex
CREATE INDEX "pupil_premiums_startYear_idx" ON "pupil_premiums"("startYear");

-- CreateIndex
CREATE UNIQUE INDEX "pupil_premiums_schoolId_startYear_key" ON "pupil_premiums"("schoolId", "startYear");

-- CreateIndex
CREATE UNIQUE INDEX "school_cohorts_defaultInductionProgrammeId_key" ON "school_cohorts"("defaultInductionProgrammeId");

-- CreateIndex
CREATE INDEX "school_cohorts_cohortId_idx" ON "school_cohorts"("cohortId");

-- CreateIndex
CREATE UNIQUE INDEX "school_cohorts_schoolId_cohortId_key" ON "school_cohorts"("schoolId", "cohortId");

-- CreateIndex
CREATE INDEX "partnerships_leadProviderId_cohortId_idx" ON "partnerships"("leadProviderId", "cohortId");

-- CreateIndex
CREATE INDEX "partnerships_deliveryPartnerId_idx" ON "partnerships"("deliveryPartnerId");

-- CreateIndex
CREATE INDEX "partnerships_updatedAt_idx" ON "partnerships"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "partnerships_schoolId_leadProviderId_cohortId_deliveryPartn_key" ON "partnerships"("schoolId", "leadProviderId", "cohortId", "deliveryPartnerId");

-- CreateIndex
CREATE INDEX "induction_programmes_schoolCohortId_idx" ON "induction_programmes"("schoolCohortId");

-- CreateIndex
CREATE INDEX "induction_programmes_partnershipId_idx" ON "induction_programmes"("partnershipId");

-- CreateIndex
CREATE INDEX "induction_records_participantProfileId_endDate_idx" ON "induction_records"("participantProfileId", "endDate");

-- CreateIndex
CREATE INDEX "induction_records_inductionProgrammeId_idx" ON "induction_records"("inductionProgrammeId");

-- CreateIndex
CREATE INDEX "induction_records_updatedAt_idx" ON "induction_records"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "teachers_email_key" ON "teachers"("email");

-- CreateIndex
CREATE INDEX "teachers_trn_idx" ON "teachers"("trn");

-- CreateIndex
CREATE INDEX "teachers_fullName_idx" ON "teachers"("fullName");

-- CreateIndex
CREATE INDEX "participant_profiles_teacherId_idx" ON "participant_profiles"("teacherId");

-- CreateIndex
CREATE INDEX "participant_profiles_cohortId_idx" ON "participant_profiles"("cohortId");

-- CreateIndex
CREATE INDEX "participant_profiles_schoolCohortId_idx" ON "participant_profiles"("schoolCohortId");

-- CreateIndex
CREATE INDEX "participant_profiles_updatedAt_idx" ON "participant_profiles"("updatedAt");

-- CreateIndex
CREATE INDEX "participant_profile_states_participantProfileId_createdAt_idx" ON "participant_profile_states"("participantProfileId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "appropriate_bodies_name_bodyType_key" ON "appropriate_bodies"("name", "bodyType");

-- CreateIndex
CREATE INDEX "appropriate_body_claims_participantProfileId_idx" ON "appropriate_body_claims"("participantProfileId");

-- CreateIndex
CREATE UNIQUE INDEX "schedules_scheduleIdentifier_cohortId_key" ON "schedules"("scheduleIdentifier", "cohortId");

-- CreateIndex
CREATE INDEX "milestones_scheduleId_declarationType_idx" ON "milestones"("scheduleId", "declarationType");

-- CreateIndex
CREATE INDEX "declarations_participantProfileId_idx" ON "declarations"("participantProfileId");

-- CreateIndex
CREATE INDEX "declarations_cpdLeadProviderId_cohortId_state_idx" ON "declarations"("cpdLeadProviderId", "cohortId", "state");

-- CreateIndex
CREATE INDEX "declarations_teacherId_courseIdentifier_declarationType_idx" ON "declarations"("teacherId", "courseIdentifier", "declarationType");

-- CreateIndex
CREATE INDEX "declarations_updatedAt_idx" ON "declarations"("updatedAt");

-- CreateIndex
CREATE INDEX "declaration_state_changes_declarationId_createdAt_idx" ON "declaration_state_changes"("declarationId", "createdAt");

-- CreateIndex
CREATE INDEX "statements_cpdLeadProviderId_cohortId_deadlineDate_idx" ON "statements"("cpdLeadProviderId", "cohortId", "deadlineDate");

-- CreateIndex
CREATE UNIQUE INDEX "statements_name_cpdLeadProviderId_cohortId_key" ON "statements"("name", "cpdLeadProviderId", "cohortId");

-- CreateIndex
CREATE INDEX "statement_line_items_statementId_state_idx" ON "statement_line_items"("statementId", "state");

-- CreateIndex
CREATE INDEX "statement_line_items_declarationId_idx" ON "statement_line_items"("declarationId");

-- CreateIndex
CREATE INDEX "statement_snapshots_statementId_calculatedAt_idx" ON "statement_snapshots"("statementId", "calculatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "call_off_contracts_leadProviderId_cohortId_version_key" ON "call_off_contracts"("leadProviderId", "cohortId", "version");

-- CreateIndex
CREATE INDEX "participant_bands_callOffContractId_idx" ON "participant_bands"("callOffContractId");

-- CreateIndex
CREATE UNIQUE INDEX "mentor_call_off_contracts_leadProviderId_cohortId_version_key" ON "mentor_call_off_contracts"("leadProviderId", "cohortId", "version");

-- CreateIndex
CREATE INDEX "finance_adjustments_statementId_idx" ON "finance_adjustments"("statementId");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "portal_users_email_key" ON "portal_users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "portal_roles_portalUserId_deliveryPartnerId_appropriateBody_key" ON "portal_roles"("portalUserId", "deliveryPartnerId", "appropriateBodyId");

-- CreateIndex
CREATE UNIQUE INDEX "magic_link_tokens_tokenHash_key" ON "magic_link_tokens"("tokenHash");

-- CreateIndex
CREATE INDEX "magic_link_tokens_expiresAt_idx" ON "magic_link_tokens"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_hashedToken_key" ON "api_tokens"("hashedToken");

-- CreateIndex
CREATE INDEX "audit_events_subjectType_subjectId_createdAt_idx" ON "audit_events"("subjectType", "subjectId", "createdAt");

-- CreateIndex
CREATE INDEX "audit_events_createdAt_idx" ON "audit_events"("createdAt");

-- CreateIndex
CREATE INDEX "job_runs_job_startedAt_idx" ON "job_runs"("job", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "settings_key_key" ON "settings"("key");

-- CreateIndex
CREATE INDEX "email_outbox_sentAt_idx" ON "email_outbox"("sentAt");

-- CreateIndex
CREATE INDEX "session_expire_idx" ON "session"("expire");

-- AddForeignKey
ALTER TABLE "lead_providers" ADD CONSTRAINT "lead_providers_cpdLeadProviderId_fkey" FOREIGN KEY ("cpdLeadProviderId") REFERENCES "cpd_lead_providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_provider_cohorts" ADD CONSTRAINT "lead_provider_cohorts_leadProviderId_fkey" FOREIGN KEY ("leadProviderId") REFERENCES "lead_providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_provider_cohorts" ADD CONSTRAINT "lead_provider_cohorts_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_relationships" ADD CONSTRAINT "provider_relationships_leadProviderId_fkey" FOREIGN KEY ("leadProviderId") REFERENCES "lead_providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_relationships" ADD CONSTRAINT "provider_relationships_deliveryPartnerId_fkey" FOREIGN KEY ("deliveryPartnerId") REFERENCES "delivery_partners"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_relationships" ADD CONSTRAINT "provider_relationships_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pupil_premiums" ADD CONSTRAINT "pupil_premiums_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "school_cohorts" ADD CONSTRAINT "school_cohorts_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "school_cohorts" ADD CONSTRAINT "school_cohorts_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "school_cohorts" ADD CONSTRAINT "school_cohorts_defaultInductionProgrammeId_fkey" FOREIGN KEY ("defaultInductionProgrammeId") REFERENCES "induction_programmes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "school_cohorts" ADD CONSTRAINT "school_cohorts_appropriateBodyId_fkey" FOREIGN KEY ("appropriateBodyId") REFERENCES "appropriate_bodies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_leadProviderId_fkey" FOREIGN KEY ("leadProviderId") REFERENCES "lead_providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_deliveryPartnerId_fkey" FOREIGN KEY ("deliveryPartnerId") REFERENCES "delivery_partners"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "induction_programmes" ADD CONSTRAINT "induction_programmes_schoolCohortId_fkey" FOREIGN KEY ("schoolCohortId") REFERENCES "school_cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "induction_programmes" ADD CONSTRAINT "induction_programmes_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "partnerships"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "induction_records" ADD CONSTRAINT "induction_records_inductionProgrammeId_fkey" FOREIGN KEY ("inductionProgrammeId") REFERENCES "induction_programmes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "induction_records" ADD CONSTRAINT "induction_records_participantProfileId_fkey" FOREIGN KEY ("participantProfileId") REFERENCES "participant_profiles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "induction_records" ADD CONSTRAINT "induction_records_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "schedules"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "induction_records" ADD CONSTRAINT "induction_records_mentorProfileId_fkey" FOREIGN KEY ("mentorProfileId") REFERENCES "participant_profiles"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "induction_records" ADD CONSTRAINT "induction_records_appropriateBodyId_fkey" FOREIGN KEY ("appropriateBodyId") REFERENCES "appropriate_bodies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant_profiles" ADD CONSTRAINT "participant_profiles_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "teachers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant_profiles" ADD CONSTRAINT "participant_profiles_schoolCohortId_fkey" FOREIGN KEY ("schoolCohortId") REFERENCES "school_cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant_profiles" ADD CONSTRAINT "participant_profiles_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant_profiles" ADD CONSTRAINT "participant_profiles_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "schedules"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant_profiles" ADD CONSTRAINT "participant_profiles_mentorProfileId_fkey" FOREIGN KEY ("mentorProfileId") REFERENCES "participant_profiles"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant_profile_states" ADD CONSTRAINT "participant_profile_states_participantProfileId_fkey" FOREIGN KEY ("participantProfileId") REFERENCES "participant_profiles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant_profile_states" ADD CONSTRAINT "participant_profile_states_cpdLeadProviderId_fkey" FOREIGN KEY ("cpdLeadProviderId") REFERENCES "cpd_lead_providers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appropriate_body_claims" ADD CONSTRAINT "appropriate_body_claims_participantProfileId_fkey" FOREIGN KEY ("participantProfileId") REFERENCES "participant_profiles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appropriate_body_claims" ADD CONSTRAINT "appropriate_body_claims_appropriateBodyId_fkey" FOREIGN KEY ("appropriateBodyId") REFERENCES "appropriate_bodies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "schedules"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_participantProfileId_fkey" FOREIGN KEY ("participantProfileId") REFERENCES "participant_profiles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "teachers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_mentorTeacherId_fkey" FOREIGN KEY ("mentorTeacherId") REFERENCES "teachers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_cpdLeadProviderId_fkey" FOREIGN KEY ("cpdLeadProviderId") REFERENCES "cpd_lead_providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_deliveryPartnerId_fkey" FOREIGN KEY ("deliveryPartnerId") REFERENCES "delivery_partners"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "declarations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_voidedByUserId_fkey" FOREIGN KEY ("voidedByUserId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declaration_state_changes" ADD CONSTRAINT "declaration_state_changes_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "declarations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statements" ADD CONSTRAINT "statements_cpdLeadProviderId_fkey" FOREIGN KEY ("cpdLeadProviderId") REFERENCES "cpd_lead_providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statements" ADD CONSTRAINT "statements_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_line_items" ADD CONSTRAINT "statement_line_items_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "statements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_line_items" ADD CONSTRAINT "statement_line_items_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "declarations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_snapshots" ADD CONSTRAINT "statement_snapshots_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "statements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_off_contracts" ADD CONSTRAINT "call_off_contracts_leadProviderId_fkey" FOREIGN KEY ("leadProviderId") REFERENCES "lead_providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_off_contracts" ADD CONSTRAINT "call_off_contracts_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant_bands" ADD CONSTRAINT "participant_bands_callOffContractId_fkey" FOREIGN KEY ("callOffContractId") REFERENCES "call_off_contracts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentor_call_off_contracts" ADD CONSTRAINT "mentor_call_off_contracts_leadProviderId_fkey" FOREIGN KEY ("leadProviderId") REFERENCES "lead_providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentor_call_off_contracts" ADD CONSTRAINT "mentor_call_off_contracts_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finance_adjustments" ADD CONSTRAINT "finance_adjustments_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "statements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portal_roles" ADD CONSTRAINT "portal_roles_portalUserId_fkey" FOREIGN KEY ("portalUserId") REFERENCES "portal_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portal_roles" ADD CONSTRAINT "portal_roles_deliveryPartnerId_fkey" FOREIGN KEY ("deliveryPartnerId") REFERENCES "delivery_partners"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portal_roles" ADD CONSTRAINT "portal_roles_appropriateBodyId_fkey" FOREIGN KEY ("appropriateBodyId") REFERENCES "appropriate_bodies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "magic_link_tokens" ADD CONSTRAINT "magic_link_tokens_portalUserId_fkey" FOREIGN KEY ("portalUserId") REFERENCES "portal_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_cpdLeadProviderId_fkey" FOREIGN KEY ("cpdLeadProviderId") REFERENCES "cpd_lead_providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

