// Whether a participant in a payment-frozen cohort may continue training in the destination cohort
// (ParticipantProfile::ECF#unfinished_with_billable_declaration? / #unfinished_with_no_billable_declaration?).
import type { Cohort, ParticipantProfile } from '@prisma/client';
import type { Tx } from '../../../db/client.js';
import { BILLABLE_STATES, paymentsFrozen } from './rules.js';

export interface FrozenCohortEligibility {
  /** Paid (or payable) for part of their training but not for completing it: the normal reason to move. */
  unfinishedWithBillableDeclaration: boolean;
  /** Nothing billable at all: movable only when forced. */
  unfinishedWithNoBillableDeclaration: boolean;
}

type ProfileFacts = Pick<ParticipantProfile, 'id' | 'type' | 'inductionCompletionDate' | 'mentorCompletionDate'>;

export function completedTraining(profile: Omit<ProfileFacts, 'id'>): boolean {
  return (profile.type === 'ect' ? profile.inductionCompletionDate : profile.mentorCompletionDate) !== null;
}

/** `scheduleCohort` is the cohort of the participant's schedule (the profile's cohort). */
export async function frozenCohortEligibility(tx: Tx, profile: ProfileFacts, scheduleCohort: Cohort, now: Date): Promise<FrozenCohortEligibility> {
  if (completedTraining(profile) || !paymentsFrozen(scheduleCohort, now)) {
    return { unfinishedWithBillableDeclaration: false, unfinishedWithNoBillableDeclaration: false };
  }
  const billable = await tx.declaration.groupBy({
    by: ['declarationType'],
    where: { participantProfileId: profile.id, state: { in: [...BILLABLE_STATES] } },
  });
  const completedBillable = billable.some((d) => d.declarationType === 'completed');
  return {
    unfinishedWithBillableDeclaration: !completedBillable && billable.length > 0,
    unfinishedWithNoBillableDeclaration: billable.length === 0,
  };
}
