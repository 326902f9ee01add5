// "Saved filters" on every back-office list: the signed-in person's own named filters for the list (GET),
// saving the list's current filters and sort under a name (POST op=save), and deleting one (POST op=delete).
// The drawer (components/list-saved-filters.tsx) applies one by opening the list with its query. Every rule
// (own filters only, unique names, never a hidden field) lives in src/actions/saved-filters.
import type { Action, ActionHandler, ActionResponse, IsFunction } from 'adminjs';
import { asActionError } from '../../actions/errors.js';
import { deleteSavedFilter } from '../../actions/saved-filters/delete-saved-filter.js';
import { findSavedFilters } from '../../actions/saved-filters/find-saved-filters.js';
import { saveFilter } from '../../actions/saved-filters/save-filter.js';
import { actorFromAdmin } from '../actor.js';
import { Components } from '../components/index.js';

type Params = Record<string, unknown>;

const handler: ActionHandler<ActionResponse> = async (request, _response, context) => {
  const list = context.resource.id();
  const ctx = actorFromAdmin(context.currentAdmin, (request as { ip?: string }).ip);
  let notice: { message: string; type: 'success' | 'error' } | undefined;
  if (request.method === 'post') {
    const payload = (request.payload ?? {}) as Params;
    try {
      if (payload.op === 'delete') {
        await deleteSavedFilter(ctx, { id: payload.id });
        notice = { message: 'Saved filter deleted.', type: 'success' };
      } else {
        const query = typeof payload.query === 'string' ? Object.fromEntries(new URLSearchParams(payload.query)) : {};
        const saved = await saveFilter(ctx, { list, name: payload.name, query });
        notice = { message: `Filter "${saved.name}" saved.`, type: 'success' };
      }
    } catch (error) {
      const refusal = asActionError(error);
      if (!refusal) throw error;
      notice = { message: refusal.messages.join(' '), type: 'error' };
    }
  }
  return { savedFilters: await findSavedFilters(ctx, { list }), ...(notice ? { result: notice } : {}) };
};

/** The list's saved filters action, for everyone who may read the list. */
export function savedFiltersAction(isAccessible: IsFunction): Partial<Action<ActionResponse>> {
  return {
    actionType: 'resource',
    icon: 'Bookmark',
    showInDrawer: true,
    component: Components.ListSavedFilters,
    isAccessible,
    handler,
  };
}
