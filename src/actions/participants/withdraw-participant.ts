// A lead provider tells the DfE a participant has stopped training with them (PUT .../withdraw). The
// school hears about it by email, as its induction tutor would from the DfE.
import { z } from 'zod';
import type { ParticipantProfile } from '@prisma/client';
import { db, type Tx } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { Id } from '../zod.js';
import { applyTrainingStatus } from './lead-provider/apply-training-status.js';
import { FieldErrors } from './lead-provider/field-errors.js';
import { LenientText } from '../partnerships/lenient-input.js';
import { participantForAction, type ParticipantForAction } from './lead-provider/participant-for-action.js';
import { providerScope, type ProviderScope } from './lead-provider/provider-scope.js';
import { checkTrainingStatusChange } from './lead-provider/training-status-rules.js';

export const WithdrawParticipantInput = z.object({
  participantId: LenientText,
  courseIdentifier: LenientText,
  reason: LenientText,
  leadProviderId: Id.optional(),
});

export async function withdrawParticipant(ctx: ActorContext, raw: unknown): Promise<ParticipantProfile> {
  const input = WithdrawParticipantInput.parse(raw);
  const scope = await providerScope(ctx, 'participants.edit', input.leadProviderId);
  return db().$transaction(async (tx) => {
    const errors = new FieldErrors();
    const found: { profile?: ParticipantProfile } = {};
    const participant = await participantForAction(tx, scope, input, errors, found);
    // The reason is judged whenever the participant and course are known, even with no induction record for this
    // provider (app/services/withdraw_participant.rb: `validates :reason ..., if: participant_profile.present?`).
    if (found.profile) checkTrainingStatusChange(errors, participant?.record, 'withdrawn', input.reason);
    errors.throwIfAny();
    const updated = await applyTrainingStatus(tx, ctx, scope, participant!, 'withdrawn', input.reason!);
    await tellTheSchool(tx, scope, participant!, input.reason!);
    return updated;
  });
}

async function tellTheSchool(tx: Tx, scope: ProviderScope, { teacher, record }: ParticipantForAction, reason: string): Promise<void> {
  const programme = await tx.inductionProgramme.findUniqueOrThrow({
    where: { id: record.inductionProgrammeId },
    include: { schoolCohort: { include: { school: true } } },
  });
  const { school } = programme.schoolCohort;
  // The DfE tells the school's induction tutor only (app/services/withdraw_participant.rb); no tutor, no email.
  const to = school.inductionTutorEmail;
  if (!to) return;
  const leadProvider = await tx.leadProvider.findUniqueOrThrow({ where: { id: scope.leadProviderId } });
  await tx.emailOutbox.create({
    data: {
      to,
      template: 'provider-withdrew-participant',
      subject: `${leadProvider.name} has withdrawn ${teacher.fullName} from training`,
      body:
        `${leadProvider.name} has told us that ${teacher.fullName} at ${school.name} is no longer training with them ` +
        `(reason: ${reason.replace(/-/g, ' ')}).\n\nIf this is not right, contact ${leadProvider.name}.`,
    },
  });
}
