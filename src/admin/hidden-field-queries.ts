// A list filtered or sorted by a field the reader may not see would tell them its value a piece at a time
// (does any teacher's NI number start "QQ12"? which email's sign-in link starts "Ab"?). Such filters
// and sorts (and a search on such a field) are dropped before the list or search runs (src/actions/field-visibility.ts decides what is hidden).
import type { ActionContext, ActionRequest, Before } from 'adminjs';
import type { Prisma } from '@prisma/client';
import { hiddenFields } from '../actions/field-visibility.js';
import { roleOf } from './rbac.js';

/** The field a query key filters on: `filters.dateOfBirth~~from` and `filters.teacher.x` name their first part. */
const filteredField = (key: string) => key.slice('filters.'.length).split(/~~|\./)[0];

export function withoutHiddenFieldQueries(model: Prisma.ModelName): Before {
  return (request: ActionRequest, context: ActionContext) => {
    const hidden = new Set(hiddenFields(roleOf(context.currentAdmin), model));
    if (!hidden.size || !request.query) return request;
    const query = Object.fromEntries(Object.entries(request.query).filter(([key, value]) =>
      key.startsWith('filters.') ? !hidden.has(filteredField(key))
        : key === 'sortBy' || key === 'searchProperty' ? !hidden.has(String(value).split('.')[0])
          : true));
    return { ...request, query };
  };
}
