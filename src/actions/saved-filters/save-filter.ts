// "Save this filter": a person keeps a list's current filters and sort under a name of their own, to apply
// again later. Names are unique per person and list; only what the person may see is kept (./saved-filter-lists.ts).
import { z } from 'zod';
import type { SavedFilter } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';
import { viewerRole } from '../field-visibility.js';
import { AUDIT_LOG_LIST, isSavedFilterList, savedFilterQuery } from './saved-filter-lists.js';
import { auditEvents } from '../audit/events.js';

export const MAX_SAVED_FILTERS_PER_LIST = 50;

export const SaveFilterInput = z.object({
  list: z.string().refine(isSavedFilterList, 'This list cannot keep saved filters'),
  name: z.string({ error: 'Enter a name for the filter' }).trim().min(1, 'Enter a name for the filter').max(80, 'The name must be 80 characters or fewer'),
  query: z.record(z.string(), z.unknown()),
});

export async function saveFilter(ctx: ActorContext, raw: unknown): Promise<SavedFilter> {
  const input = SaveFilterInput.parse(raw);
  requirePermission(ctx, 'lists.save_filters');
  if (input.list === AUDIT_LOG_LIST) requirePermission(ctx, 'audit.read');
  if (ctx.actor.kind !== 'user') throw new ActionError('FORBIDDEN', 'Only a signed-in person keeps saved filters.');
  const userId = ctx.actor.id;
  const query = savedFilterQuery(viewerRole(ctx), input.list, input.query);
  if (!Object.keys(query).length) throw new ActionError('INVALID_INPUT', 'Filter or sort the list first: there is nothing to save.');
  return db().$transaction(async (tx) => {
    const taken = await tx.savedFilter.findFirst({ where: { userId, list: input.list, name: { equals: input.name, mode: 'insensitive' } }, select: { id: true } });
    if (taken) throw new ActionError('CONFLICT', `You already have a filter called "${input.name}" on this list. Choose another name, or delete that one first.`);
    if (await tx.savedFilter.count({ where: { userId, list: input.list } }) >= MAX_SAVED_FILTERS_PER_LIST) {
      throw new ActionError('INVALID_STATE', `You can keep up to ${MAX_SAVED_FILTERS_PER_LIST} filters on a list. Delete one you no longer use first.`);
    }
    const saved = await tx.savedFilter.create({ data: { userId, list: input.list, name: input.name, query } });
    await recordAudit(tx, ctx, auditEvents.savedFilterSaved({ subjectId: saved.id, after: { list: saved.list, name: saved.name, query } }));
    return saved;
  });
}
