// Suppliers › delivery partner › Edit: rename it and/or save its lead provider × cohort matrix.
import { z } from 'zod';
import type { DeliveryPartner } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { changedFields, recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { Id } from '../zod.js';
import { applyRelationshipMatrix, RelationshipPairs } from './apply-relationship-matrix.js';
import { DeliveryPartnerName, lockDeliveryPartner } from './lock-delivery-partner.js';
import { auditEvents } from '../audit/events.js';

export const UpdateDeliveryPartnerInput = z.object({
  id: Id,
  name: DeliveryPartnerName.optional(),
  /** Absent: relationships untouched. Present: they become exactly these. */
  pairs: RelationshipPairs.optional(),
});

export async function updateDeliveryPartner(ctx: ActorContext, raw: unknown): Promise<DeliveryPartner> {
  const { id, name, pairs } = UpdateDeliveryPartnerInput.parse(raw);
  requirePermission(ctx, 'suppliers.edit');
  return db().$transaction(async (tx) => {
    let deliveryPartner = await lockDeliveryPartner(tx, id);
    if (name !== undefined && name !== deliveryPartner.name) {
      const updated = await tx.deliveryPartner.update({ where: { id }, data: { name } });
      await recordAudit(tx, ctx, auditEvents.deliveryPartnerUpdated({ subjectId: id, ...changedFields(deliveryPartner, { name: updated.name }) }));
      deliveryPartner = updated;
    }
    if (pairs !== undefined) await applyRelationshipMatrix(tx, ctx, deliveryPartner, pairs);
    return deliveryPartner;
  });
}
