// The rules for a change of training status (defer, resume, withdraw), in the DfE's order and words, for
// lead providers through the API and for support staff in the back office alike.
import type { InductionRecord, TrainingStatus } from '@prisma/client';
import type { FieldErrors } from './field-errors.js';
import { MESSAGES } from './messages.js';
import { withdrawalReasons } from '../../../rules/programme-type-names.js';

export const DEFERRAL_REASONS = ['bereavement', 'long-term-sickness', 'parental-leave', 'career-break', 'other'] as const;

const reasonsFor = (to: TrainingStatus): readonly string[] | undefined =>
  to === 'deferred' ? DEFERRAL_REASONS : to === 'withdrawn' ? withdrawalReasons() : undefined;

/** Adds each reason the change cannot be made; `record` is absent when the participant was not found. */
export function checkTrainingStatusChange(errors: FieldErrors, record: InductionRecord | undefined, to: TrainingStatus, reason: string | undefined): void {
  const reasons = reasonsFor(to);
  if (reasons) {
    // The DfE validates presence and inclusion separately, so a blank reason is both missing and not a valid
    // one (app/services/defer_participant.rb, withdraw_participant.rb: `presence:` then `inclusion:`).
    if (!reason) errors.add('reason', MESSAGES.missingReason);
    if (!reason || !reasons.includes(reason)) errors.add('reason', MESSAGES.invalidReason);
  }
  if (to === 'active' && record?.trainingStatus === 'active') errors.add('participant_profile', MESSAGES.alreadyActive);
  if (to === 'deferred' && record?.trainingStatus === 'deferred') errors.add('participant_profile', MESSAGES.alreadyDeferred);
  if (to !== 'active' && record?.trainingStatus === 'withdrawn') errors.add('participant_profile', MESSAGES.alreadyWithdrawn);
}
