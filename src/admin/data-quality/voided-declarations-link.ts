// "Voided declarations" on a statement: its voided line items, as the filtered line items list.
import { filteredListLink } from '../filtered-list-link.js';
import { FINANCE_READERS } from '../rbac.js';

export const voidedDeclarationsLink = filteredListLink({
  resourceId: 'StatementLineItem', readers: FINANCE_READERS, icon: 'XCircle',
  filters: (statementId) => ({ statement: statementId, state: 'voided' }),
});
