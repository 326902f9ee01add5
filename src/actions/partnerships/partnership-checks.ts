// Checks shared by reporting a partnership and changing its delivery partner.
import { Prisma } from '@prisma/client';
import type { Tx } from '../../db/client.js';
import { isUuid } from './lenient-input.js';
import { PARTNERSHIP_MESSAGES as M } from './messages.js';


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
  if (!scope.leadProviderId || !scope.cohortId) return M.deliveryPartnerNoRelationship;
  // FOR SHARE: a supplier edit removing this relationship waits for the partnership to commit, then sees it.
  const relationship = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT id FROM provider_relationships
    WHERE "deliveryPartnerId" = ${deliveryPartnerId}::uuid AND "leadProviderId" = ${scope.leadProviderId}::uuid
      AND "cohortId" = ${scope.cohortId}::uuid AND "discardedAt" IS NULL
    FOR SHARE`);
  return relationship.length > 0 ? null : M.deliveryPartnerNoRelationship;
}
