// "Voided declarations" on a statement: its voided line items, as the filtered line items list.
import { filteredListLink } from '../filtered-list-link.js';

export const voidedDeclarationsLink = filteredListLink({
  resourceId: 'StatementLineItem', readers: 'finance.read', icon: 'XCircle',
  filters: (statementId) => ({ statement: statementId, state: 'voided' }),
});
