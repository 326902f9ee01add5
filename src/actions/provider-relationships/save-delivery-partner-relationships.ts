// Saves the lead provider × cohort matrix of a delivery partner (Suppliers › delivery partner).
import { z } from 'zod';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { requirePermission } from '../authz.js';
import { Id } from '../zod.js';
import { applyRelationshipMatrix, RelationshipPairs, type MatrixChange } from './apply-relationship-matrix.js';
import { lockDeliveryPartner } from './lock-delivery-partner.js';

export const SaveDeliveryPartnerRelationshipsInput = z.object({
  deliveryPartnerId: Id,
  /** Every ticked cell; an empty list removes them all. */
  pairs: RelationshipPairs,
});

/** Refusals: CONFLICT naming the schools whose live partnerships use a removed pair; INVALID_INPUT for uncontracted pairs. */
export async function saveDeliveryPartnerRelationships(ctx: ActorContext, raw: unknown): Promise<MatrixChange> {
  const { deliveryPartnerId, pairs } = SaveDeliveryPartnerRelationshipsInput.parse(raw);
  requirePermission(ctx, 'suppliers.edit');
  return db().$transaction(async (tx) => applyRelationshipMatrix(tx, ctx, await lockDeliveryPartner(tx, deliveryPartnerId), pairs));
}
