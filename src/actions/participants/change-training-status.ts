// Support changes a participant's training status (active, deferred or withdrawn, with the DfE's reasons) for
// the provider they train with now: the same rules and records as the provider's own defer, resume and
// withdraw, with the member of staff's reason in the audit.
import { z } from 'zod';
import type { ParticipantProfile } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';
import { Id, Reason } from '../zod.js';
import { LenientText } from '../partnerships/lenient-input.js';
import { applyTrainingStatus } from './lead-provider/apply-training-status.js';
import { FieldErrors } from './lead-provider/field-errors.js';
import { participantForAction } from './lead-provider/participant-for-action.js';
import { PROFILE_COURSES } from './lead-provider/resolve-participant.js';
import { checkTrainingStatusChange } from './lead-provider/training-status-rules.js';
import { latestInductionRecordOf, lockedProfile } from './support/current-training.js';

export const ChangeTrainingStatusInput = z.object({
  participantProfileId: Id,
  trainingStatus: z.enum(['active', 'deferred', 'withdrawn']),
  /** The DfE's reason code for a deferral or withdrawal (e.g. `career-break`, `moved-school`). */
  statusReason: LenientText,
  reason: Reason,
});

export const NOT_WITH_A_PROVIDER = 'This participant is not training with a lead provider, so their training status cannot be changed.';

export async function changeTrainingStatus(ctx: ActorContext, raw: unknown): Promise<ParticipantProfile> {
  const input = ChangeTrainingStatusInput.parse(raw);
  requirePermission(ctx, 'participants.edit');
  return db().$transaction(async (tx) => {
    const profile = await lockedProfile(tx, input.participantProfileId);
    const partnership = (await latestInductionRecordOf(tx, profile.id))?.inductionProgramme.partnership;
    if (!partnership) throw new ActionError('INVALID_STATE', NOT_WITH_A_PROVIDER);
    const leadProvider = await tx.leadProvider.findUniqueOrThrow({ where: { id: partnership.leadProviderId } });
    const scope = { leadProviderId: leadProvider.id, cpdLeadProviderId: leadProvider.cpdLeadProviderId };

    const errors = new FieldErrors();
    const participant = await participantForAction(tx, scope, { participantId: profile.teacherId, courseIdentifier: PROFILE_COURSES[profile.type] }, errors);
    checkTrainingStatusChange(errors, participant?.record, input.trainingStatus, input.trainingStatus === 'active' ? undefined : input.statusReason);
    errors.throwIfAny();
    const statusReason = input.trainingStatus === 'active' ? null : input.statusReason!;
    return applyTrainingStatus(tx, ctx, scope, participant!, input.trainingStatus, statusReason, input.reason);
  });
}
