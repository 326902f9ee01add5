// Works out, without writing anything, what changing a participant's cohort would do, with every check of
// the DfE's Induction::AmendParticipantCohort in its order: refused (every reason that applies), nothing
// (already there) or the exact change. Used for the change itself, its dry run and the confirmation screen.
import type { Cohort, InductionRecord, ParticipantProfile, Schedule, School, SchoolCohort, Teacher } from '@prisma/client';
import type { Tx } from '../../../db/client.js';
import { notFound, type FieldError } from '../../errors.js';
import { frozenCohortEligibility } from '../frozen-cohort/eligibility.js';
import { BILLABLE_STATES, DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT, paymentsFrozen } from '../frozen-cohort/rules.js';
import { scheduleForNewCohort } from '../frozen-cohort/schedule-for-new-cohort.js';
import { cohortChangeMessages as messages } from './messages.js';
import { planSchoolCohortSetUp, type SchoolCohortSetUp } from './school-cohort-set-up.js';
import { latestInductionRecordFirst } from '../../../rules/latest-induction-record.js';

/** The first cohort of the programme (AmendParticipantCohort::ECF_FIRST_YEAR). */
export const ECF_FIRST_YEAR = 2020;
/** The lead provider whose participants may not move before its first training year. */
export const NIOT_NAME = 'National Institute of Teaching';

const CHANGEABLE_STATES = ['submitted', 'eligible'] as const;

type Profile = ParticipantProfile & { teacher: Teacher; cohort: Cohort; schedule: Schedule };
type Record = InductionRecord & {
  schedule: Schedule;
  inductionProgramme: { schoolCohort: SchoolCohort & { school: School; cohort: Cohort }; partnership: { leadProviderId: string } | null };
};

export type CohortChangePlan =
  | { kind: 'refused'; profile: Profile; sourceStartYear: number; errors: FieldError[] }
  | { kind: 'unchanged'; profile: Profile; sourceStartYear: number; message: string }
  | {
      kind: 'change';
      profile: Profile;
      sourceStartYear: number;
      inductionRecord: Record;
      targetCohort: Cohort;
      /** Null when the move sets the school up for the cohort first (schoolSetUp). */
      targetSchoolCohort: SchoolCohort | null;
      targetProgrammeId: string | null;
      schoolSetUp: SchoolCohortSetUp | null;
      targetSchedule: Schedule;
      cohortChangedAfterPaymentsFrozen: boolean;
      message: string;
    };

/** InductionRecord.latest (src/rules/latest-induction-record.ts). */
const latest = <T extends Parameters<typeof latestInductionRecordFirst>[0]>(records: T[]): T | undefined =>
  [...records].sort(latestInductionRecordFirst)[0];

async function hasDeclarations(tx: Tx, participantProfileId: string, states: readonly string[], cohortId?: string): Promise<boolean> {
  const found = await tx.declaration.findFirst({
    where: { participantProfileId, state: { in: [...states] as never }, ...(cohortId ? { cohortId } : {}) },
    select: { id: true },
  });
  return found !== null;
}

/** Niot.first_training_year: the first cohort the NIoT lead provider trains in (null when it does not exist). */
async function niotFirstTrainingYear(tx: Tx, leadProviderId: string | undefined): Promise<number | null> {
  if (!leadProviderId) return null;
  const niot = await tx.leadProvider.findUnique({ where: { name: NIOT_NAME }, select: { id: true, cohorts: { select: { cohort: { select: { startYear: true } } } } } });
  if (!niot || niot.id !== leadProviderId) return null;
  const years = niot.cohorts.map((c) => c.cohort.startYear);
  return years.length ? Math.min(...years) : null;
}

export interface CohortChangeOptions {
  now: Date;
}

export async function planCohortChange(tx: Tx, participantProfileId: string, targetYear: number, { now }: CohortChangeOptions): Promise<CohortChangePlan> {
  const profile = await tx.participantProfile.findUnique({ where: { id: participantProfileId }, include: { teacher: true, cohort: true, schedule: true } });
  if (!profile) throw notFound('Participant');

  const records = await tx.inductionRecord.findMany({
    where: { participantProfileId },
    include: { schedule: true, inductionProgramme: { include: { schoolCohort: { include: { school: true, cohort: true } }, partnership: { select: { leadProviderId: true } } } } },
  });
  // As the DfE's page does: the source is the cohort of the latest induction record, whatever its status.
  const sourceStartYear = latest(records)?.inductionProgramme.schoolCohort.cohort.startYear ?? profile.cohort.startYear;
  const refuse = (errors: FieldError[]): CohortChangePlan => ({ kind: 'refused', profile, sourceStartYear, errors });

  // Checks before "already there".
  const errors: FieldError[] = [];
  const lastYear = now.getUTCFullYear();
  const inRange = (year: number) => year >= ECF_FIRST_YEAR && year <= lastYear;
  if (!inRange(sourceStartYear)) errors.push({ field: 'source_cohort_start_year', message: messages.invalidYear(ECF_FIRST_YEAR, lastYear) });
  if (!inRange(targetYear)) errors.push({ field: 'target_cohort_start_year', message: messages.invalidYear(ECF_FIRST_YEAR, lastYear) });
  const targetCohort = await tx.cohort.findUnique({ where: { startYear: targetYear } });
  if (!targetCohort) errors.push({ field: 'target_cohort', message: messages.targetCohortNotSetUp(targetYear) });
  const sourceCohort = await tx.cohort.findUnique({ where: { startYear: sourceStartYear } });
  const inductionRecord = latest(records.filter((r) => r.inductionStatus !== 'changed' && r.inductionProgramme.schoolCohort.cohort.startYear === sourceStartYear));
  if (!inductionRecord) errors.push({ field: 'induction_record', message: messages.noInductionRecord(sourceStartYear) });
  if (errors.length || !targetCohort || !inductionRecord) return refuse(errors);

  const alreadyThere = inductionRecord.inductionProgramme.schoolCohort.cohortId === targetCohort.id;
  if (alreadyThere) return { kind: 'unchanged', profile, sourceStartYear, message: messages.alreadyInCohort(profile.teacher.fullName, targetYear) };

  // A frozen transfer: out of a payment-frozen cohort into the cohort the DfE sends those participants to.
  const fromFrozen = sourceCohort !== null && paymentsFrozen(sourceCohort, now) && targetYear === DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT;
  // Back again: someone moved out of a frozen cohort returns to it.
  const backToFrozen = profile.cohortChangedAfterPaymentsFrozen && paymentsFrozen(targetCohort, now);
  const eligibility = fromFrozen
    ? await frozenCohortEligibility(tx, profile, profile.cohort, now)
    : { unfinishedWithBillableDeclaration: false, unfinishedWithNoBillableDeclaration: false };
  // The DfE's page always forces: someone with nothing billable may leave a frozen cohort too.
  const becausePaymentsFrozen = fromFrozen && (eligibility.unfinishedWithBillableDeclaration || eligibility.unfinishedWithNoBillableDeclaration);

  if (profile.notes?.trim()) errors.push({ field: 'participant_profile', message: messages.notesBlockChange });
  if (fromFrozen && !becausePaymentsFrozen) errors.push({ field: 'participant_profile', message: messages.notEligible });
  if (backToFrozen && sourceCohort) {
    const billableHere = await hasDeclarations(tx, profile.id, BILLABLE_STATES, sourceCohort.id);
    const changeableHere = billableHere || (await hasDeclarations(tx, profile.id, CHANGEABLE_STATES, sourceCohort.id));
    const billableThere = await hasDeclarations(tx, profile.id, BILLABLE_STATES, targetCohort.id);
    if (changeableHere || !billableThere) {
      if (billableHere) errors.push({ field: 'participant_profile', message: messages.billableInCurrentCohort });
      if (!billableThere) errors.push({ field: 'participant_profile', message: messages.noBillableInDestination });
      errors.push({ field: 'participant_profile', message: messages.notEligibleBack });
    }
  }
  if (!fromFrozen && !backToFrozen && (await hasDeclarations(tx, profile.id, [...BILLABLE_STATES, ...CHANGEABLE_STATES]))) {
    errors.push({ field: 'participant_declarations', message: messages.billableOrSubmitted });
  }
  const niotFrom = await niotFirstTrainingYear(tx, inductionRecord.inductionProgramme.partnership?.leadProviderId);
  if (niotFrom !== null && targetYear < niotFrom) errors.push({ field: 'induction_record', message: messages.niotParticipant });
  if (profile.type === 'mentor' && profile.mentorCompletionDate && targetYear === 2025) {
    errors.push({ field: 'participant_profile', message: messages.completedMentorTo2025 });
  }

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

  if (errors.length || !targetSchedule) return refuse(errors);
  return {
    kind: 'change',
    profile,
    sourceStartYear,
    inductionRecord,
    targetCohort,
    targetSchoolCohort: schoolSetUp ? null : targetSchoolCohort,
    targetProgrammeId: schoolSetUp ? null : (targetSchoolCohort?.defaultInductionProgrammeId ?? null),
    schoolSetUp,
    targetSchedule,
    cohortChangedAfterPaymentsFrozen: fromFrozen && eligibility.unfinishedWithBillableDeclaration,
    message: messages.moved(profile.teacher.fullName, targetYear),
  };
}
