// A record action that opens another resource's list filtered to this record (e.g. a statement's voided
// line items, an organisation's users): a link, so it writes nothing and needs no confirmation.
import type { Action, ActionResponse } from 'adminjs';
import type { Readers } from './rbac.js';
import { allowReaders } from './rbac.js';

export function filteredListLink(options: {
  resourceId: string;
  readers: Readers;
  icon?: string;
  filters: (recordId: string) => Record<string, string>;
}): Partial<Action<ActionResponse>> {
  return {
    actionType: 'record',
    icon: options.icon,
    component: false,
    isAccessible: allowReaders(options.readers),
    handler: async (_request, _response, { record, currentAdmin, h }) => {
      if (!record) throw new Error('Record not found');
      const list = h.resourceActionUrl({ resourceId: options.resourceId, actionName: 'list' });
      const query = new URLSearchParams(Object.entries(options.filters(String(record.id()))).map(([k, v]) => [`filters.${k}`, v]));
      return { record: record.toJSON(currentAdmin), redirectUrl: `${list}?${query}` };
    },
  };
}
