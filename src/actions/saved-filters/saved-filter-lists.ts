// Which lists a filter can be saved on and what a saved filter may hold. A list is a back-office resource's
// list (its model's name: the query keys are the list page's own, `filters.<field>`, `sortBy`, `direction`)
// or the audit log page (AUDIT_LOG_LIST: its own few keys). Nothing else is kept: no paging, and never a
// filter or sort on a field the person may not see (../lists/visible-list-query.ts), so a saved filter can
// never be used to guess a hidden value.
import type { Role } from '@prisma/client';
import { FIELD_RULES } from '../field-visibility.js';
import { withoutHiddenFields } from '../lists/visible-list-query.js';

export const AUDIT_LOG_LIST = 'auditLog';

/** The audit log page's filters (src/reports/audit-log/audit-log-query.ts reads the same names). */
export const AUDIT_LOG_FILTER_KEYS = ['who', 'what', 'record', 'from', 'to'] as const;

const MAX_KEYS = 40;
const MAX_VALUE = 500;

export const isSavedFilterList = (list: string): boolean => list === AUDIT_LOG_LIST || Object.hasOwn(FIELD_RULES, list);

const listKey = (key: string) => (key.startsWith('filters.') && key.length > 'filters.'.length) || key === 'sortBy' || key === 'direction';

/** What of `query` a saved filter on `list` keeps for `role`: the list's own keys with text values, hidden fields dropped. */
export function savedFilterQuery(role: Role | undefined, list: string, query: Record<string, unknown>): Record<string, string> {
  const texts = Object.entries(query)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '' && entry[1].length <= MAX_VALUE)
    .map(([key, value]): [string, string] => [key, value.trim()]);
  if (list === AUDIT_LOG_LIST) {
    return Object.fromEntries(texts.filter(([key]) => (AUDIT_LOG_FILTER_KEYS as readonly string[]).includes(key)));
  }
  const own = Object.fromEntries(texts.filter(([key, value]) => listKey(key) && (key !== 'direction' || value === 'asc' || value === 'desc')).slice(0, MAX_KEYS));
  return withoutHiddenFields(role, list, own);
}
