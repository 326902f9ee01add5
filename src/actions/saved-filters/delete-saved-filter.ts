// Deleting one of one's own saved filters. Another person's filter answers as one that does not exist.
import { z } from 'zod';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError, notFound } from '../errors.js';
import { Id } from '../zod.js';
import { auditEvents } from '../audit/events.js';

export const DeleteSavedFilterInput = z.object({ id: Id });

export async function deleteSavedFilter(ctx: ActorContext, raw: unknown): Promise<void> {
  const input = DeleteSavedFilterInput.parse(raw);
  requirePermission(ctx, 'lists.save_filters');
  if (ctx.actor.kind !== 'user') throw new ActionError('FORBIDDEN', 'Only a signed-in person keeps saved filters.');
  const userId = ctx.actor.id;
  await db().$transaction(async (tx) => {
    const filter = await tx.savedFilter.findFirst({ where: { id: input.id, userId } });
    if (!filter) throw notFound('Saved filter');
    await tx.savedFilter.delete({ where: { id: filter.id } });
    await recordAudit(tx, ctx, auditEvents.savedFilterDeleted({ subjectId: filter.id, before: { list: filter.list, name: filter.name, query: filter.query } }));
  });
}
