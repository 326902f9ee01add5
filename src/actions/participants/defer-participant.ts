// A lead provider tells the DfE a participant is taking a break from training (PUT .../defer).
import { z } from 'zod';
import type { ParticipantProfile } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { Id } from '../zod.js';
import { applyTrainingStatus } from './lead-provider/apply-training-status.js';
import { FieldErrors } from './lead-provider/field-errors.js';
import { LenientText } from '../partnerships/lenient-input.js';
import { MESSAGES } from './lead-provider/messages.js';
import { participantForAction } from './lead-provider/participant-for-action.js';
import { providerScope } from './lead-provider/provider-scope.js';

export const DEFERRAL_REASONS = ['bereavement', 'long-term-sickness', 'parental-leave', 'career-break', 'other'] as const;

export const DeferParticipantInput = z.object({
  participantId: LenientText,
  courseIdentifier: LenientText,
  reason: LenientText,
  /** Back office only: the provider acted for. API callers are their own provider. */
  leadProviderId: Id.optional(),
});

export async function deferParticipant(ctx: ActorContext, raw: unknown): Promise<ParticipantProfile> {
  const input = DeferParticipantInput.parse(raw);
  const scope = await providerScope(ctx, 'participants.edit', input.leadProviderId);
  return db().$transaction(async (tx) => {
    const errors = new FieldErrors();
    const participant = await participantForAction(tx, scope, input, errors);
    if (!input.reason) errors.add('reason', MESSAGES.missingReason);
    else if (!(DEFERRAL_REASONS as readonly string[]).includes(input.reason)) errors.add('reason', MESSAGES.invalidReason);
    if (participant?.record.trainingStatus === 'deferred') errors.add('participant_profile', MESSAGES.alreadyDeferred);
    if (participant?.record.trainingStatus === 'withdrawn') errors.add('participant_profile', MESSAGES.alreadyWithdrawn);
    errors.throwIfAny();
    return applyTrainingStatus(tx, ctx, scope, participant!, 'deferred', input.reason!);
  });
}
