// A super user moves a participant to another lead provider or delivery partner at the same school: the
// current induction record closes and a copy starts now on a programme through the school's partnership with
// them, or a relationship partnership made for the participant. Declarations stay with the provider that made them.
import { z } from 'zod';
import type { ParticipantProfile } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';
import { Id, Reason } from '../zod.js';
import { changeInductionRecord } from '../../rules/change-induction-record.js';
import { deliveryPartnerProblem } from '../partnerships/partnership-checks.js';
import { latestInductionRecordOf, lockedProfile } from './support/current-training.js';
import { providerProgrammeAt } from './support/provider-programme.js';
import { auditEvents } from '../audit/events.js';

export const ChangeParticipantProviderInput = z.object({
  participantProfileId: Id,
  leadProviderId: Id,
  deliveryPartnerId: Id,
  reason: Reason,
});

export const PROVIDER_MESSAGES = {
  noRecord: 'This participant has no induction record to change.',
  ended: 'This participant has left their school: transfer them first.',
  same: 'The participant already trains with this lead provider and delivery partner.',
} as const;

export async function changeParticipantProvider(ctx: ActorContext, raw: unknown): Promise<ParticipantProfile> {
  const input = ChangeParticipantProviderInput.parse(raw);
  requirePermission(ctx, 'participants.change_provider');
  return db().$transaction(async (tx) => {
    const profile = await lockedProfile(tx, input.participantProfileId);
    const now = new Date();
    const current = await latestInductionRecordOf(tx, profile.id);
    if (!current) throw new ActionError('INVALID_STATE', PROVIDER_MESSAGES.noRecord);
    if (current.endDate && current.endDate <= now) throw new ActionError('INVALID_STATE', PROVIDER_MESSAGES.ended);
    const { schoolCohort, partnership: before } = current.inductionProgramme;

    const problem = await deliveryPartnerProblem(tx, input.deliveryPartnerId, { leadProviderId: input.leadProviderId, cohortId: schoolCohort.cohortId });
    if (problem) throw new ActionError('INVALID_INPUT', problem, [{ field: 'deliveryPartnerId', message: problem }]);
    if (before?.leadProviderId === input.leadProviderId && before.deliveryPartnerId === input.deliveryPartnerId) {
      throw new ActionError('INVALID_INPUT', PROVIDER_MESSAGES.same, [{ field: 'leadProviderId', message: PROVIDER_MESSAGES.same }]);
    }

    const target = await providerProgrammeAt(tx, schoolCohort, { leadProviderId: input.leadProviderId, deliveryPartnerId: input.deliveryPartnerId }, now);
    await changeInductionRecord(tx, current, { inductionProgrammeId: target.programme.id }, now);
    await recordAudit(tx, ctx, auditEvents.participantProviderChanged({
      subjectId: profile.id,
      before: { leadProviderId: before?.leadProviderId ?? null, deliveryPartnerId: before?.deliveryPartnerId ?? null, partnershipId: before?.id ?? null },
      after: {
        leadProviderId: input.leadProviderId,
        deliveryPartnerId: input.deliveryPartnerId,
        partnershipId: target.partnership.id,
        relationshipPartnership: target.partnership.relationship,
      },
      reason: input.reason,
    }));
    return profile;
  });
}
