// A lead provider tells the DfE a participant is taking a break from training (PUT .../defer).
import { z } from 'zod';
import type { ParticipantProfile } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { Id } from '../zod.js';
import { applyTrainingStatus } from './lead-provider/apply-training-status.js';
import { FieldErrors } from './lead-provider/field-errors.js';
import { LenientText } from '../partnerships/lenient-input.js';
import { participantForAction } from './lead-provider/participant-for-action.js';
import { providerScope } from './lead-provider/provider-scope.js';
import { checkTrainingStatusChange } from './lead-provider/training-status-rules.js';

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
    checkTrainingStatusChange(errors, participant?.record, 'deferred', input.reason);
    errors.throwIfAny();
    return applyTrainingStatus(tx, ctx, scope, participant!, 'deferred', input.reason!);
  });
}
