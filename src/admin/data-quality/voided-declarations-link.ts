// "Voided declarations" on a statement: its voided line items, as the filtered line items list.
import type { Action, ActionResponse } from 'adminjs';
import { allowRoles, FINANCE_READERS } from '../rbac.js';

export const voidedDeclarationsLink: Partial<Action<ActionResponse>> = {
  actionType: 'record',
  icon: 'XCircle',
  component: false,
  isAccessible: allowRoles(FINANCE_READERS),
  handler: async (_request, _response, { record, currentAdmin, h }) => {
    if (!record) throw new Error('Record not found');
    const list = h.resourceActionUrl({ resourceId: 'StatementLineItem', actionName: 'list' });
    const query = new URLSearchParams({ 'filters.statement': String(record.id()), 'filters.state': 'voided' });
    return { record: record.toJSON(currentAdmin), redirectUrl: `${list}?${query}` };
  },
};
