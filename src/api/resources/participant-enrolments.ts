// A participant's ecf_enrolments: one per profile the caller reaches, described by that profile and the
// caller's latest induction record for it.
import { Prisma } from '@prisma/client';
import { queryPrepared } from '../../db/prepared-statements.js';
import type { ApiCaller } from '../http/caller.js';
import { fromSqlJson, fromSqlJsonOrNull, isoDayOrNull, isoTime } from '../http/format.js';
import { latestVisibleRecordsSql } from './visible-records.js';

/** A row as json_agg writes it: times and dates are strings (see fromSqlJson). */
interface Row {
  teacherId: string;
  profileId: string;
  type: 'ect' | 'mentor';
  profileCreatedAt: string;
  pupilPremiumUplift: boolean;
  sparsityUplift: boolean;
  eligibilityStatus: string;
  trnValidationState: string;
  inductionCompletionDate: string | null;
  mentorCompletionDate: string | null;
  mentorCompletionReason: string | null;
  cohortChangedAfterPaymentsFrozen: boolean;
  teacherEmail: string;
  preferredEmail: string | null;
  trainingStatus: 'active' | 'deferred' | 'withdrawn';
  inductionStatus: string;
  startDate: string;
  endDate: string | null;
  deliveryPartnerId: string;
  scheduleIdentifier: string;
  urn: string;
  startYear: number;
  mentorTeacherId: string | null;
  stateReason: string | null;
  stateAt: string | null;
}

export interface EnrolmentRow {
  teacherId: string;
  enrolment: ReturnType<typeof toEnrolment>;
}

/** Whether the school has told the DfE the participant is arriving, leaving or gone (ecf-domain 8.3). */
function participantStatus(row: Row, now: Date): string {
  if (row.endDate) return fromSqlJson(row.endDate) > now ? 'leaving' : 'left';
  if (fromSqlJson(row.startDate) > now) return 'joining';
  if (row.inductionStatus === 'active' || row.inductionStatus === 'completed') return 'active';
  return row.inductionStatus === 'leaving' ? 'leaving' : 'withdrawn';
}

/** Withdrawal reasons stored under their pre-2025 name are shown with the current one. */
const withdrawalReason = (reason: string | null) => (reason === 'school-left-fip' ? 'switched-to-school-led' : reason);

function toEnrolment(row: Row, now: Date) {
  const stated = (status: string, reason: string | null) =>
    row.trainingStatus === status && row.stateAt && reason ? { reason, date: isoTime(fromSqlJson(row.stateAt)) } : null;
  return {
    training_record_id: row.profileId,
    email: row.preferredEmail ?? row.teacherEmail,
    mentor_id: row.mentorTeacherId,
    school_urn: row.urn,
    participant_type: row.type,
    cohort: String(row.startYear),
    training_status: row.trainingStatus,
    participant_status: participantStatus(row, now),
    teacher_reference_number_validated: row.trnValidationState === 'valid',
    eligible_for_funding: row.eligibilityStatus === 'eligible' ? true : row.eligibilityStatus === 'ineligible' ? false : null,
    pupil_premium_uplift: row.pupilPremiumUplift,
    sparsity_uplift: row.sparsityUplift,
    schedule_identifier: row.scheduleIdentifier,
    delivery_partner_id: row.deliveryPartnerId,
    withdrawal: stated('withdrawn', withdrawalReason(row.stateReason)),
    deferral: stated('deferred', row.stateReason),
    created_at: isoTime(fromSqlJson(row.profileCreatedAt)),
    induction_end_date: isoDayOrNull(fromSqlJsonOrNull(row.inductionCompletionDate)),
    mentor_funding_end_date: isoDayOrNull(fromSqlJsonOrNull(row.mentorCompletionDate)),
    cohort_changed_after_payments_frozen: row.cohortChangedAfterPaymentsFrozen,
    mentor_ineligible_for_funding_reason: row.type === 'mentor' ? row.mentorCompletionReason : null,
  };
}

const enrolmentRowsSql = (caller: ApiCaller, profileIds: Prisma.Sql) => Prisma.sql`
    SELECT p."teacherId", p.id AS "profileId", p.type::text AS type, p."createdAt" AS "profileCreatedAt",
      p."pupilPremiumUplift", p."sparsityUplift", p."eligibilityStatus"::text AS "eligibilityStatus",
      p."trnValidationState"::text AS "trnValidationState", p."inductionCompletionDate", p."mentorCompletionDate",
      p."mentorCompletionReason"::text AS "mentorCompletionReason", p."cohortChangedAfterPaymentsFrozen",
      t.email AS "teacherEmail", ir."preferredEmail", ir."trainingStatus"::text AS "trainingStatus",
      ir."inductionStatus"::text AS "inductionStatus", ir."startDate", ir."endDate", ir."deliveryPartnerId",
      sch."scheduleIdentifier", s.urn, c."startYear", mp."teacherId" AS "mentorTeacherId",
      st.reason AS "stateReason", st."createdAt" AS "stateAt"
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

export async function enrolmentsOf(caller: ApiCaller, profileIds: Prisma.Sql): Promise<EnrolmentRow[]> {
  const [{ rows }] = await queryPrepared<{ rows: Row[] | null }>(Prisma.sql`
    SELECT json_agg(r ORDER BY r."profileCreatedAt", r."profileId") AS rows FROM (${enrolmentRowsSql(caller, profileIds)}) r`);
  const now = new Date();
  return (rows ?? []).map((row) => ({ teacherId: row.teacherId, enrolment: toEnrolment(row, now) }));
}
