// Checks shared by reporting a partnership and changing its delivery partner.
import type { Prisma } from '@prisma/client';
import type { Tx } from '../../db/client.js';
import { isUuid } from './lenient-input.js';
import { PARTNERSHIP_MESSAGES as M } from './messages.js';

/** A partnership the school has not challenged (the DfE's Partnership.unchallenged). */
export const unchallenged = { challengedAt: null, challengeReason: null } satisfies Prisma.PartnershipWhereInput;

/** Blank, unknown (or discarded), or without a live provider relationship with the lead provider for the cohort. */
export async function deliveryPartnerProblem(
  tx: Tx,
  deliveryPartnerId: string | undefined,
  scope: { leadProviderId: string | undefined; cohortId: string | undefined },
): Promise<string | null> {
  if (!deliveryPartnerId) return M.deliveryPartnerBlank;
  const deliveryPartner = isUuid(deliveryPartnerId)
    ? await tx.deliveryPartner.findFirst({ where: { id: deliveryPartnerId, discardedAt: null } })
    : null;
  if (!deliveryPartner) return M.deliveryPartnerInvalid;
  const relationship =
    scope.leadProviderId && scope.cohortId
      ? await tx.providerRelationship.findFirst({
          where: { deliveryPartnerId, leadProviderId: scope.leadProviderId, cohortId: scope.cohortId, discardedAt: null },
        })
      : null;
  return relationship ? null : M.deliveryPartnerNoRelationship;
}
