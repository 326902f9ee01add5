import { z } from 'zod';
import type { LeadProvider } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { changedFields, recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { notFound } from '../errors.js';
import { Flag, Id } from '../zod.js';
import { auditEvents } from '../audit/events.js';

export const UpdateLeadProviderInput = z.object({
  id: Id,
  name: z.string().trim().min(1, 'Enter a name').optional(),
  vatChargeable: Flag.optional(),
  reason: z.string().trim().max(2000).nullish(),
});

export async function updateLeadProvider(ctx: ActorContext, raw: unknown): Promise<LeadProvider> {
  const { id, reason, ...changes } = UpdateLeadProviderInput.parse(raw);
  requirePermission(ctx, 'suppliers.edit');
  return db().$transaction(async (tx) => {
    const leadProvider = await tx.leadProvider.findUnique({ where: { id } });
    if (!leadProvider) throw notFound('Lead provider');
    const updated = await tx.leadProvider.update({ where: { id }, data: changes });
    await recordAudit(tx, ctx, auditEvents.leadProviderUpdated({ subjectId: id, reason, ...changedFields(leadProvider, updated) }));
    return updated;
  });
}
