// A person's own saved filters on one list, by name. Nobody reads another's.
import { z } from 'zod';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { requirePermission } from '../authz.js';
import { viewerRole } from '../field-visibility.js';
import { Id } from '../zod.js';
import { isSavedFilterList, savedFilterQuery } from './saved-filter-lists.js';

export const FindSavedFiltersInput = z.object({ list: z.string().refine(isSavedFilterList, 'This list cannot keep saved filters') });

export interface SavedFilterView { id: string; name: string; query: Record<string, string> }

export async function findSavedFilters(ctx: ActorContext, raw: unknown): Promise<SavedFilterView[]> {
  const input = FindSavedFiltersInput.parse(raw);
  requirePermission(ctx, 'lists.save_filters');
  // Only people keep saved filters (a user the table does not hold has none).
  if (ctx.actor.kind !== 'user' || !Id.safeParse(ctx.actor.id).success) return [];
  const filters = await db().savedFilter.findMany({ where: { userId: ctx.actor.id, list: input.list }, orderBy: { name: 'asc' } });
  // A filter saved when the person's role saw more keeps only what they may see now.
  return filters.map((f) => ({ id: f.id, name: f.name, query: savedFilterQuery(viewerRole(ctx), f.list, f.query as Record<string, unknown>) }));
}
