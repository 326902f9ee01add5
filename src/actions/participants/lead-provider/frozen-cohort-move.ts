// When a change of schedule is really a move out of (or back into) a cohort whose payments are frozen,
// the DfE skips the declaration checks and flips cohortChangedAfterPaymentsFrozen (the DfE's Induction::AmendParticipantCohort).
import type { Cohort, ParticipantProfile } from '@prisma/client';
import type { Tx } from '../../../db/client.js';
import { frozenCohortEligibility } from '../frozen-cohort/eligibility.js';
import { BILLABLE_STATES, DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT, paymentsFrozen } from '../frozen-cohort/rules.js';

export async function isFrozenCohortMove(tx: Tx, profile: ParticipantProfile, current: Cohort, target: Cohort, now = new Date()): Promise<boolean> {
  if (profile.type !== 'ect') return false;
  if (target.startYear === DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT) {
    const scheduleCohort = (await tx.schedule.findUniqueOrThrow({ where: { id: profile.scheduleId }, include: { cohort: true } })).cohort;
    if ((await frozenCohortEligibility(tx, profile, scheduleCohort, now)).unfinishedWithBillableDeclaration) return true;
  }
  return isMoveBackToFrozenCohort(tx, profile, current, target, now);
}

/** Back to the frozen cohort it came from, when nothing is claimed in the current one and something was paid there. */
async function isMoveBackToFrozenCohort(tx: Tx, profile: ParticipantProfile, current: Cohort, target: Cohort, now: Date): Promise<boolean> {
  if (!profile.cohortChangedAfterPaymentsFrozen || !paymentsFrozen(target, now)) return false;
  const claimedInCurrent = await tx.declaration.count({
    where: { participantProfileId: profile.id, cohortId: current.id, state: { in: [...BILLABLE_STATES, 'submitted'] } },
  });
  if (claimedInCurrent > 0) return false;
  return (await tx.declaration.count({ where: { participantProfileId: profile.id, cohortId: target.id, state: { in: [...BILLABLE_STATES] } } })) > 0;
}
