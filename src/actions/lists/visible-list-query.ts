// A list filtered or sorted by a field the reader may not see would tell them its value a piece at a time
// (does any teacher's NI number start "QQ12"? which email's sign-in link starts "Ab"?). One rule drops such
// filters and sorts (and a search on such a field) from a list's query: the lists and searches apply it
// before they run (src/admin/hidden-field-queries.ts), and a saved filter is stored without them
// (./../saved-filters/save-filter.ts). ../field-visibility.ts decides what is hidden.
import type { Role } from '@prisma/client';
import { hiddenFields } from '../field-visibility.js';

/** The field a query key filters on: `filters.dateOfBirth~~from` and `filters.teacher.x` name their first part. */
const filteredField = (key: string) => key.slice('filters.'.length).split(/~~|\./)[0];

/** The query without any filter, sort or search property on a field of `model` that `role` may not see. */
export function withoutHiddenFields<T>(role: Role | undefined, model: string, query: Record<string, T>): Record<string, T> {
  const hidden = new Set(hiddenFields(role, model));
  if (!hidden.size) return query;
  return Object.fromEntries(Object.entries(query).filter(([key, value]) =>
    key.startsWith('filters.') ? !hidden.has(filteredField(key))
      : key === 'sortBy' || key === 'searchProperty' ? !hidden.has(String(value).split('.')[0])
        : true));
}
