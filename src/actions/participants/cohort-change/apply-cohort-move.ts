// Carrying out a planned move of a participant to another cohort, as the frozen-cohort move and the general
// change of cohort both do: the school set up for the cohort first when it is not, the current induction
// record changed to the destination programme and schedule, and the profile moved with it.
import type { InductionRecord } from '@prisma/client';
import type { Tx } from '../../../db/client.js';
import { changeInductionRecord } from '../../../rules/change-induction-record.js';
import { setUpSchoolCohort, type SchoolCohortSetUp } from './school-cohort-set-up.js';

export interface PlannedCohortMove {
  profile: { id: string };
  inductionRecord: InductionRecord;
  /** Null when the school is already set up: then targetSchoolCohort and targetProgrammeId are given. */
  schoolSetUp: SchoolCohortSetUp | null;
  targetSchoolCohort: { id: string } | null;
  targetProgrammeId: string | null;
  targetSchedule: { id: string };
  cohortChangedAfterPaymentsFrozen: boolean;
}

export async function applyCohortMove(tx: Tx, plan: PlannedCohortMove, cohortId: string, now: Date) {
  const target = plan.schoolSetUp
    ? await setUpSchoolCohort(tx, plan.schoolSetUp)
    : { schoolCohortId: plan.targetSchoolCohort!.id, inductionProgrammeId: plan.targetProgrammeId! };
  const { id: inductionRecordId } = await changeInductionRecord(
    tx,
    plan.inductionRecord,
    { inductionProgrammeId: target.inductionProgrammeId, scheduleId: plan.targetSchedule.id },
    now,
  );
  await tx.participantProfile.update({
    where: { id: plan.profile.id },
    data: {
      schoolCohortId: target.schoolCohortId,
      scheduleId: plan.targetSchedule.id,
      cohortId,
      cohortChangedAfterPaymentsFrozen: plan.cohortChangedAfterPaymentsFrozen,
    },
  });
  return { ...target, inductionRecordId };
}
