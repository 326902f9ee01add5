// A lead provider moves one of its partnerships to another delivery partner
// (PUT /api/v3/partnerships/ecf/{id}; the DfE's app/services/partnerships/update.rb). The same delivery partner changes nothing.
import { z } from 'zod';
import { Prisma } from '@prisma/client';
import { db } from '../../db/client.js';
import { isUnchallenged } from '../../rules/unchallenged-partnership.js';
import type { ActorContext } from '../actor.js';
import { ActionError } from '../errors.js';
import { actingLeadProviderId } from './acting-lead-provider.js';
import { isUuid, LenientText } from './lenient-input.js';
import { PARTNERSHIP_MESSAGES as M } from './messages.js';
import { deliveryPartnerProblem } from './partnership-checks.js';
import type { PartnershipWithParties } from './partnership-emails.js';
import { reportPartnership } from './report-partnership.js';

export const ChangePartnershipDeliveryPartnerInput = z.object({
  partnershipId: LenientText,
  deliveryPartnerId: LenientText,
  /** Optional: an API actor's is its token's; a back-office user may give it to insist on the owner. */
  leadProviderId: LenientText,
});

const parties = { school: true, leadProvider: true, deliveryPartner: true, cohort: true } as const;

/**
 * Refusals: NOT_FOUND "Enter a '#/partnership'." (field `partnership`) when the id is not one of the lead
 * provider's own partnerships (relationship partnerships are not theirs to change); otherwise INVALID_INPUT
 * with one `delivery_partner_id` field error.
 */
export async function changePartnershipDeliveryPartner(ctx: ActorContext, raw: unknown): Promise<PartnershipWithParties> {
  const input = ChangePartnershipDeliveryPartnerInput.parse(raw);
  const leadProviderId = actingLeadProviderId(ctx, input.leadProviderId);
  return db().$transaction(async (tx) => {
    if (isUuid(input.partnershipId)) await tx.$queryRaw(Prisma.sql`SELECT 1 FROM partnerships WHERE id = ${input.partnershipId}::uuid FOR UPDATE`);
    const partnership = isUuid(input.partnershipId)
      ? await tx.partnership.findFirst({
          where: { id: input.partnershipId, relationship: false, ...(leadProviderId ? { leadProviderId } : {}) },
          include: parties,
        })
      : null;
    if (!partnership) throw new ActionError('NOT_FOUND', M.partnershipBlank, [{ field: 'partnership', message: M.partnershipBlank }]);

    const refuse = (message: string) => new ActionError('INVALID_INPUT', message, [{ field: 'delivery_partner_id', message }]);
    const problem = await deliveryPartnerProblem(tx, input.deliveryPartnerId, { leadProviderId: partnership.leadProviderId, cohortId: partnership.cohortId });
    if (problem) throw refuse(problem);
    if (!isUnchallenged(partnership)) throw refuse(M.partnershipChallenged);
    const relationshipWithThatPartner = await tx.partnership.count({
      where: {
        schoolId: partnership.schoolId,
        cohortId: partnership.cohortId,
        leadProviderId: partnership.leadProviderId,
        deliveryPartnerId: input.deliveryPartnerId,
        relationship: true,
        id: { not: partnership.id },
      },
    });
    if (relationshipWithThatPartner > 0) throw refuse(M.deliveryPartnerDuplicate);

    if (partnership.deliveryPartnerId === input.deliveryPartnerId) return partnership;
    const { partnership: changed } = await reportPartnership(
      tx,
      ctx,
      { schoolId: partnership.schoolId, cohort: partnership.cohort, leadProviderId: partnership.leadProviderId, deliveryPartnerId: input.deliveryPartnerId! },
      partnership,
    );
    return changed;
  });
}
