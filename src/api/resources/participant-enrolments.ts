// A participant's ecf_enrolments: one per profile the caller reaches, described by that profile and the
// caller's latest induction record for it. Written as JSON by the database, which hands the page over as
// one string: building and re-serialising the objects in Node cost more than the query.
import { Prisma } from '@prisma/client';
import type { ApiCaller } from '../http/caller.js';
import { latestVisibleRecordsSql } from './visible-records.js';

/** The API's times: ISO 8601 in UTC with milliseconds, as Date#toISOString writes them (columns hold UTC). */
export const isoTimeSql = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const isoDaySql = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD')`;
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** Whether the school has told the DfE the participant is arriving, leaving or gone (ecf-domain 8.3). */
const participantStatusSql = Prisma.sql`CASE
    WHEN ir."endDate" IS NOT NULL THEN CASE WHEN ir."endDate" > ${NOW} THEN 'leaving' ELSE 'left' END
    WHEN ir."startDate" > ${NOW} THEN 'joining'
    WHEN ir."inductionStatus" IN ('active', 'completed') THEN 'active'
    WHEN ir."inductionStatus" = 'leaving' THEN 'leaving'
    ELSE 'withdrawn'
  END`;

/** The provider's reason and date for the current withdrawal or deferral; withdrawal reasons stored under their pre-2025 name show the current one. */
const statedSql = (status: 'withdrawn' | 'deferred') => Prisma.sql`CASE WHEN ir."trainingStatus" = ${status}::"TrainingStatus" AND st.reason IS NOT NULL
    THEN json_build_object(
      'reason', ${status === 'withdrawn' ? Prisma.sql`CASE st.reason WHEN 'school-left-fip' THEN 'switched-to-school-led' ELSE st.reason END` : Prisma.sql`st.reason`},
      'date', ${isoTimeSql(Prisma.sql`st."createdAt"`)})
  END`;

/** ("teacherId", "profileCreatedAt", "profileId", enrolment json) for each of these profiles the caller reaches. */
export const enrolmentsSql = (caller: ApiCaller, profileIds: Prisma.Sql) => Prisma.sql`
    SELECT p."teacherId", p."createdAt" AS "profileCreatedAt", p.id AS "profileId", json_build_object(
      'training_record_id', p.id,
      'email', coalesce(ir."preferredEmail", t.email),
      'mentor_id', mp."teacherId",
      'school_urn', s.urn,
      'participant_type', p.type,
      'cohort', c."startYear"::text,
      'training_status', ir."trainingStatus",
      'participant_status', ${participantStatusSql},
      'teacher_reference_number_validated', p."trnValidationState" = 'valid',
      'eligible_for_funding', CASE p."eligibilityStatus" WHEN 'eligible' THEN true WHEN 'ineligible' THEN false END,
      'pupil_premium_uplift', p."pupilPremiumUplift",
      'sparsity_uplift', p."sparsityUplift",
      'schedule_identifier', sch."scheduleIdentifier",
      'delivery_partner_id', ir."deliveryPartnerId",
      'withdrawal', ${statedSql('withdrawn')},
      'deferral', ${statedSql('deferred')},
      'created_at', ${isoTimeSql(Prisma.sql`p."createdAt"`)},
      'induction_end_date', ${isoDaySql(Prisma.sql`p."inductionCompletionDate"`)},
      'mentor_funding_end_date', ${isoDaySql(Prisma.sql`p."mentorCompletionDate"`)},
      'cohort_changed_after_payments_frozen', p."cohortChangedAfterPaymentsFrozen",
      'mentor_ineligible_for_funding_reason', CASE WHEN p.type = 'mentor' THEN p."mentorCompletionReason" END
    ) AS enrolment
    FROM (${latestVisibleRecordsSql(caller, profileIds)}) ir
    JOIN participant_profiles p ON p.id = ir."participantProfileId"
    JOIN teachers t ON t.id = p."teacherId"
    JOIN schedules sch ON sch.id = ir."scheduleId"
    JOIN school_cohorts sc ON sc.id = ir."schoolCohortId"
    JOIN schools s ON s.id = sc."schoolId"
    JOIN cohorts c ON c.id = sc."cohortId"
    LEFT JOIN participant_profiles mp ON mp.id = ir."mentorProfileId" AND p.type = 'ect'
    LEFT JOIN LATERAL (
      SELECT st.reason, st."createdAt" FROM participant_profile_states st
      WHERE st."participantProfileId" = p.id AND st."cpdLeadProviderId" = ${caller.cpdLeadProviderId}::uuid AND st.state = ir."trainingStatus"
      ORDER BY st."createdAt" DESC LIMIT 1
    ) st ON ir."trainingStatus" <> 'active'`;
