// Works out, without writing anything, what moving one participant out of their payment-frozen cohort
// would do: refuse (with every DfE reason that applies), nothing (already moved), or the exact changes.
// The move itself and its preview both use it, so what the preview shows is what the move does.
import type { Cohort, InductionRecord, ParticipantProfile, Schedule, School, SchoolCohort, Teacher } from '@prisma/client';
import type { Tx } from '../../../db/client.js';
import { notFound, type FieldError } from '../../errors.js';
import { frozenCohortEligibility } from './eligibility.js';
import { frozenCohortMessages as messages } from './messages.js';
import { DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT, paymentsFrozen } from './rules.js';
import { scheduleForNewCohort } from './schedule-for-new-cohort.js';
import { planSchoolCohortSetUp, type SchoolCohortSetUp } from '../cohort-change/school-cohort-set-up.js';
import { latestInductionRecordFirst } from '../../../rules/latest-induction-record.js';

export type CurrentInductionRecord = InductionRecord & {
  schedule: Schedule;
  inductionProgramme: { schoolCohort: SchoolCohort & { school: School } };
};

type Profile = ParticipantProfile & { teacher: Teacher; cohort: Cohort; schedule: Schedule };

export type MovePlan =
  | { kind: 'refused'; profile: Profile; errors: FieldError[] }
  | { kind: 'unchanged'; profile: Profile; message: string }
  | {
      kind: 'move';
      profile: Profile;
      inductionRecord: CurrentInductionRecord;
      targetCohort: Cohort;
      /** Null when the school is set up for the cohort by the move (schoolSetUp). */
      targetSchoolCohort: SchoolCohort | null;
      targetProgrammeId: string | null;
      /** The school has no default programme in the destination yet: the move sets one up first. */
      schoolSetUp: SchoolCohortSetUp | null;
      targetSchedule: Schedule;
      /** True for a frozen transfer with billable declarations: lead providers keep being paid in the new cohort. */
      cohortChangedAfterPaymentsFrozen: boolean;
      message: string;
    };

/** InductionRecord.latest (src/rules/latest-induction-record.ts). */
const latestInductionRecord = <T extends Parameters<typeof latestInductionRecordFirst>[0]>(records: T[]): T | undefined =>
  [...records].sort(latestInductionRecordFirst)[0];

export interface PlanOptions {
  force: boolean;
  now: Date;
  /** The cohort the caller expects the participant to leave (the CLI's --from); by default their own. */
  fromStartYear?: number;
}

export async function planMoveFromFrozenCohort(tx: Tx, participantProfileId: string, { force, now, fromStartYear }: PlanOptions): Promise<MovePlan> {
  const profile = await tx.participantProfile.findUnique({
    where: { id: participantProfileId },
    include: { teacher: true, cohort: true, schedule: true },
  });
  if (!profile) throw notFound('Participant');
  const refuse = (...errors: FieldError[]): MovePlan => ({ kind: 'refused', profile, errors });
  const sourceCohort = profile.cohort;
  const targetYear = DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT;

  const targetCohort = await tx.cohort.findUnique({ where: { startYear: targetYear } });
  if (!targetCohort) return refuse({ field: 'target_cohort', message: messages.targetCohortNotSetUp(targetYear) });
  if (fromStartYear !== undefined && fromStartYear !== sourceCohort.startYear && sourceCohort.id !== targetCohort.id) {
    return refuse({ field: 'induction_record', message: messages.noInductionRecord(fromStartYear) });
  }

  const inductionRecord = latestInductionRecord(
    await tx.inductionRecord.findMany({
      where: { participantProfileId, inductionStatus: { not: 'changed' }, inductionProgramme: { schoolCohort: { cohortId: sourceCohort.id } } },
      include: { schedule: true, inductionProgramme: { include: { schoolCohort: { include: { school: true } } } } },
    }),
  );
  if (!inductionRecord) return refuse({ field: 'induction_record', message: messages.noInductionRecord(sourceCohort.startYear) });
  if (inductionRecord.inductionProgramme.schoolCohort.cohortId === targetCohort.id) {
    return { kind: 'unchanged', profile, message: messages.alreadyInCohort(profile.teacher.fullName, targetYear) };
  }

  const errors: FieldError[] = [];
  if (profile.notes?.trim()) errors.push({ field: 'participant_profile', message: messages.notesBlockChange });

  const eligibility = await frozenCohortEligibility(tx, profile, sourceCohort, now);
  const becausePaymentsFrozen =
    paymentsFrozen(sourceCohort, now) &&
    (eligibility.unfinishedWithBillableDeclaration || (eligibility.unfinishedWithNoBillableDeclaration && force));
  if (!becausePaymentsFrozen) errors.push({ field: 'participant_profile', message: messages.notEligible });

  const school = inductionRecord.inductionProgramme.schoolCohort.school;
  const targetSchoolCohort = await tx.schoolCohort.findUnique({ where: { schoolId_cohortId: { schoolId: school.id, cohortId: targetCohort.id } } });
  let schoolSetUp: SchoolCohortSetUp | null = null;
  if (!targetSchoolCohort?.defaultInductionProgrammeId && becausePaymentsFrozen) {
    schoolSetUp = await planSchoolCohortSetUp(tx, { school, cohort: targetCohort, schoolCohort: targetSchoolCohort });
  } else if (!targetSchoolCohort) {
    errors.push({ field: 'target_school_cohort', message: messages.schoolCohortNotSetUp(targetYear, school.name) });
  } else if (!targetSchoolCohort.defaultInductionProgrammeId) {
    errors.push({ field: 'induction_programme', message: messages.defaultProgrammeNotSetUp(targetYear, school.name) });
  }

  const targetSchedule = await scheduleForNewCohort(tx, {
    cohortId: targetCohort.id,
    currentScheduleIdentifier: inductionRecord.schedule.scheduleIdentifier,
    extendedSchedule: becausePaymentsFrozen,
  });
  if (!targetSchedule) errors.push({ field: 'schedule', message: messages.scheduleMissing });

  if (errors.length > 0 || !targetSchedule) return refuse(...errors);
  return {
    kind: 'move',
    profile,
    inductionRecord,
    targetCohort,
    targetSchoolCohort: schoolSetUp ? null : targetSchoolCohort,
    targetProgrammeId: schoolSetUp ? null : (targetSchoolCohort?.defaultInductionProgrammeId ?? null),
    schoolSetUp,
    targetSchedule,
    cohortChangedAfterPaymentsFrozen: eligibility.unfinishedWithBillableDeclaration,
    message: messages.moved(profile.teacher.fullName, targetYear),
  };
}
