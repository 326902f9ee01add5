// The DfE's TrainingRecordState#record_state, as SQL over one induction record, so that the status
// filter, the count, the pages and the CSV all come from the database and always agree.
//
// recordStateJoins expects these aliases: ir (the induction record), pp (its participant profile),
// t (the teacher), ip (its induction programme), and the CTE from mentorshipsCte over a CTE named
// `latest` holding the induction records shown. It adds rs.record_state, a key of RECORD_STATE_STATUS.
//
// Where our schema differs from the DfE's (documented simplifications):
// - Validation: the DfE reads its validation data and request-for-details emails; we have
//   trnValidationState. `not_started` is `validation_not_started` (the DfE's three request_for_details_*
//   states show the same "Contacted for information"); `invalid` (no DQT match) is `tra_record_not_found`;
//   an ECT without a TRN is `tra_record_not_found`, as in the DfE. There is no `internal_error`.
// - Eligibility: the DfE shows `checks_not_complete` when a profile has no eligibility record yet.
//   Ours always has a status, so a profile whose TRN awaits a manual check (`manual_check_requested`)
//   without an eligibility reason stands for "checks not complete".
// - Funding (FIP only): of the DfE's funding states, only `no_induction_start` can be reached here:
//   every other non-fundable ECT state is caught by the eligibility step first, and every mentor
//   funding state counts as applicable.
// - `registered_for_fip_no_partner` cannot occur: a delivery partner only sees records whose
//   programme has its partnership, and a partnership always has a lead provider.
import { Prisma } from '@prisma/client';

/** Training states that, for an ECT, override everything else (the DfE's transitioning_or_not_currently_training?). */
const TRANSITIONING = Prisma.sql`('withdrawn_training', 'deferred_training', 'completed_training', 'joining', 'leaving', 'left')`;

const timestamp = (asOf: Date) => Prisma.sql`${asOf.toISOString()}::timestamp`;

/**
 * Whether each shown mentor has ever had a mentee, and has one now (the DfE's mentored? and mentoring?),
 * grouped once over the induction records that name them (indexed by mentorProfileId).
 */
export function mentorshipsCte(asOf: Date): Prisma.Sql {
  return Prisma.sql`mentorships AS (
    SELECT m."mentorProfileId" AS "profileId",
           bool_or(m."inductionStatus" = 'active' OR (m."inductionStatus" = 'leaving' AND m."endDate" > ${timestamp(asOf)})) AS current
    FROM induction_records m
    WHERE m."mentorProfileId" IN (SELECT "participantProfileId" FROM latest)
    GROUP BY m."mentorProfileId"
  )`;
}

export function recordStateJoins(asOf: Date): Prisma.Sql {
  const now = timestamp(asOf);
  const today = Prisma.sql`${asOf.toISOString().slice(0, 10)}::date`;
  return Prisma.sql`
    LEFT JOIN mentorships mp ON mp."profileId" = pp.id
    CROSS JOIN LATERAL (SELECT
      pp.type = 'mentor' AS mentor,
      pp."eligibilityStatus"::text AS eligibility,
      pp."eligibilityReason"::text AS reason,
      ip."trainingProgramme" = 'full_induction_programme' AS on_fip,
      coalesce(pp."inductionStartDate" < ${today}, false) AS induction_started,
      coalesce(t.trn, '') <> '' AS has_trn,
      (ir."inductionStatus" = 'leaving' AND ir."endDate" < ${now}) AS left_school
    ) f
    CROSS JOIN LATERAL (SELECT CASE
      WHEN ir."inductionStatus" = 'changed' THEN 'no_longer_involved'
      WHEN ir."inductionStatus" = 'leaving' AND ir."endDate" > ${now} THEN 'leaving'
      WHEN f.left_school THEN 'left'
      WHEN ir."inductionStatus" = 'active' AND ir."schoolTransfer" AND ir."startDate" > ${now} THEN 'joining'
      WHEN ir."inductionStatus" = 'withdrawn' THEN 'withdrawn_programme'
      WHEN ir."trainingStatus" = 'withdrawn' THEN 'withdrawn_training'
      WHEN ir."trainingStatus" = 'deferred' THEN 'deferred_training'
      WHEN ir."inductionStatus" = 'completed' THEN 'completed_training'
      WHEN ip."trainingProgramme" = 'full_induction_programme' THEN
        CASE WHEN f.induction_started THEN 'active_fip_training' ELSE 'registered_for_fip_training' END
      WHEN ip."trainingProgramme" = 'core_induction_programme' THEN
        CASE WHEN f.induction_started THEN 'active_cip_training' ELSE 'registered_for_cip_training' END
      WHEN ip."trainingProgramme" = 'design_our_own' THEN
        CASE WHEN f.induction_started THEN 'active_diy_training' ELSE 'registered_for_diy_training' END
      ELSE 'not_registered_for_training'
    END AS training_state) ts
    CROSS JOIN LATERAL (SELECT CASE
      WHEN f.eligibility = 'manual_check' AND f.reason = 'different_trn' THEN 'different_trn'
      WHEN pp."trnValidationState" = 'not_started' THEN 'validation_not_started'
      WHEN pp."trnValidationState" = 'invalid' THEN 'tra_record_not_found'
      WHEN NOT f.mentor AND NOT f.has_trn THEN 'tra_record_not_found'
      ELSE 'valid'
    END AS validation_state) vs
    CROSS JOIN LATERAL (SELECT CASE
      WHEN pp."trnValidationState" = 'manual_check_requested' AND f.reason = 'none' THEN 'checks_not_complete'
      WHEN f.eligibility = 'manual_check' AND f.reason = 'active_flags' THEN 'active_flags'
      WHEN f.eligibility = 'ineligible' AND f.reason = 'active_flags' THEN 'not_allowed'
      WHEN f.mentor AND mp."profileId" IS NOT NULL THEN 'eligible_for_mentor_training'
      WHEN f.mentor THEN 'not_yet_mentoring'
      WHEN f.eligibility = 'ineligible' AND f.reason = 'duplicate_profile' THEN 'duplicate_profile'
      WHEN f.eligibility = 'manual_check' AND f.reason = 'no_qts' THEN 'not_qualified'
      WHEN f.eligibility = 'ineligible' AND f.reason = 'exempt_from_induction' THEN 'exempt_from_induction'
      WHEN f.eligibility = 'ineligible' AND f.reason = 'previous_induction' THEN 'previous_induction'
      ELSE 'eligible_for_induction_training'
    END AS eligibility_state) es
    CROSS JOIN LATERAL (SELECT
      CASE WHEN NOT f.mentor AND f.eligibility = 'manual_check' AND f.reason = 'no_induction' THEN 'no_induction_start' END AS funding_state,
      CASE
        WHEN NOT f.left_school AND coalesce(mp.current, false) THEN CASE WHEN f.reason = 'previous_participation' THEN 'active_mentoring_ero' ELSE 'active_mentoring' END
        WHEN f.reason = 'previous_participation' THEN 'not_yet_mentoring_ero'
        WHEN f.left_school THEN 'left'
        ELSE 'not_yet_mentoring'
      END AS mentoring_state
    ) ms
    CROSS JOIN LATERAL (SELECT CASE
      WHEN ir."inductionStatus" = 'withdrawn' THEN ts.training_state
      WHEN NOT f.mentor AND ts.training_state IN ${TRANSITIONING} THEN ts.training_state
      WHEN vs.validation_state <> 'valid' THEN vs.validation_state
      WHEN es.eligibility_state NOT IN ('eligible_for_mentor_training', 'eligible_for_induction_training') THEN es.eligibility_state
      WHEN f.on_fip AND ms.funding_state IS NOT NULL THEN ms.funding_state
      WHEN f.mentor THEN ms.mentoring_state
      ELSE ts.training_state
    END AS record_state) rs`;
}
