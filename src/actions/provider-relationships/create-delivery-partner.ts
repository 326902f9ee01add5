// Suppliers › Add a new delivery partner: its name and the lead providers and cohorts it works with.
import { z } from 'zod';
import type { DeliveryPartner } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { applyRelationshipMatrix, RelationshipPairs } from './apply-relationship-matrix.js';
import { DeliveryPartnerName } from './lock-delivery-partner.js';
import { auditEvents } from '../audit/events.js';

export const CreateDeliveryPartnerInput = z.object({
  name: DeliveryPartnerName,
  pairs: RelationshipPairs.default([]),
});

export async function createDeliveryPartner(ctx: ActorContext, raw: unknown): Promise<DeliveryPartner> {
  const { name, pairs } = CreateDeliveryPartnerInput.parse(raw);
  requirePermission(ctx, 'suppliers.edit');
  return db().$transaction(async (tx) => {
    const deliveryPartner = await tx.deliveryPartner.create({ data: { name } });
    await recordAudit(tx, ctx, auditEvents.deliveryPartnerCreated({ subjectId: deliveryPartner.id, after: { name } }));
    await applyRelationshipMatrix(tx, ctx, deliveryPartner, pairs);
    return deliveryPartner;
  });
}
