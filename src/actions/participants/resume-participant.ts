// A lead provider tells the DfE a deferred (or withdrawn) participant is training again (PUT .../resume).
// Withdrawn participants may be resumed: the DfE's "Cannot resume a withdrawn participant" is never raised.
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

export const ResumeParticipantInput = z.object({
  participantId: LenientText,
  courseIdentifier: LenientText,
  leadProviderId: Id.optional(),
});

export async function resumeParticipant(ctx: ActorContext, raw: unknown): Promise<ParticipantProfile> {
  const input = ResumeParticipantInput.parse(raw);
  const scope = await providerScope(ctx, 'participants.edit', input.leadProviderId);
  return db().$transaction(async (tx) => {
    const errors = new FieldErrors();
    const participant = await participantForAction(tx, scope, input, errors);
    checkTrainingStatusChange(errors, participant?.record, 'active', undefined);
    errors.throwIfAny();
    return applyTrainingStatus(tx, ctx, scope, participant!, 'active', null);
  });
}
