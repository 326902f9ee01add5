import { Prisma, type DeliveryPartner } from '@prisma/client';
import { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { notFound } from '../errors.js';

/** A delivery partner's name as the DfE keeps it: required, inner whitespace squashed. */
export const DeliveryPartnerName = z
  .string({ error: 'Enter a name' })
  .transform((v) => v.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'Enter a name').max(255, 'Name must be 255 characters or fewer'));

/** Loads a delivery partner that has not been deleted, locking it so edits to it happen one at a time. */
export async function lockDeliveryPartner(tx: Tx, id: string): Promise<DeliveryPartner> {
  await tx.$queryRaw(Prisma.sql`SELECT id FROM delivery_partners WHERE id = ${id}::uuid FOR UPDATE`);
  const deliveryPartner = await tx.deliveryPartner.findFirst({ where: { id, discardedAt: null } });
  if (!deliveryPartner) throw notFound('Delivery partner');
  return deliveryPartner;
}
