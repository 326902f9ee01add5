// Suppliers › delivery partner › Delete. The DfE discards a delivery partner and its relationships even while
// schools are in partnership with it; we refuse instead, naming those partnerships, so none is left pointing at
// a deleted supplier. Once none is live, the partner and its relationships are discarded (kept for history).
import { z } from 'zod';
import { Prisma, type DeliveryPartner } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';
import { Id } from '../zod.js';
import { describeLivePartnerships, livePartnershipsOf } from './live-partnerships.js';
import { lockDeliveryPartner } from './lock-delivery-partner.js';
import { auditEvents } from '../audit/events.js';

export const DiscardDeliveryPartnerInput = z.object({ id: Id, reason: z.string().trim().max(2000).nullish() });

export async function discardDeliveryPartner(ctx: ActorContext, raw: unknown): Promise<DeliveryPartner> {
  const { id, reason } = DiscardDeliveryPartnerInput.parse(raw);
  requirePermission(ctx, 'suppliers.edit');
  return db().$transaction(async (tx) => {
    const deliveryPartner = await lockDeliveryPartner(tx, id);
    await tx.$queryRaw(Prisma.sql`SELECT id FROM provider_relationships WHERE "deliveryPartnerId" = ${id}::uuid FOR UPDATE`);
    const live = await livePartnershipsOf(tx, id);
    if (live.length > 0) {
      const lines = describeLivePartnerships(live);
      throw new ActionError(
        'CONFLICT',
        `${deliveryPartner.name} cannot be deleted while schools are in partnership with it. ${lines.join('. ')}.`,
        lines.map((message) => ({ field: 'id', message: `Used by live partnerships: ${message}` })),
      );
    }
    const now = new Date();
    const { count } = await tx.providerRelationship.updateMany({ where: { deliveryPartnerId: id, discardedAt: null }, data: { discardedAt: now } });
    const discarded = await tx.deliveryPartner.update({ where: { id }, data: { discardedAt: now } });
    await recordAudit(tx, ctx, auditEvents.deliveryPartnerDiscarded({
      subjectId: id,
      before: { discardedAt: null },
      after: { discardedAt: now, relationshipsDiscarded: count },
      reason,
    }));
    return discarded;
  });
}
