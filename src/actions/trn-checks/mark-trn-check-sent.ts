// A check's ticket has been raised: the request waits for its answer there. Only the job calls this.
import { z } from 'zod';
import type { TrnCheckRequest } from '@prisma/client';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError, notFound } from '../errors.js';
import { Id } from '../zod.js';
import { db } from '../../db/client.js';
import { auditEvents } from '../audit/events.js';

export const MarkTrnCheckSentInput = z.object({
  trnCheckRequestId: Id,
  adapter: z.enum(['back_office', 'zendesk']),
  ticketId: z.string().min(1),
});

export async function markTrnCheckSent(ctx: ActorContext, raw: unknown): Promise<TrnCheckRequest> {
  const input = MarkTrnCheckSentInput.parse(raw);
  requirePermission(ctx, 'participants.edit');
  return db().$transaction(async (tx) => {
    const request = await tx.trnCheckRequest.findUnique({ where: { id: input.trnCheckRequestId } });
    if (!request) throw notFound('TRN check');
    if (request.state !== 'requested') throw new ActionError('INVALID_STATE', 'This TRN check has already been sent or answered.');
    const sent = await tx.trnCheckRequest.update({
      where: { id: request.id, state: 'requested' },
      data: { state: 'open', adapter: input.adapter, ticketId: input.ticketId, sentAt: new Date() },
    });
    await recordAudit(tx, ctx, auditEvents.trnCheckSent({
      subjectId: request.id,
      before: { state: request.state }, after: { state: sent.state, adapter: sent.adapter, ticketId: sent.ticketId },
    }));
    return sent;
  });
}
