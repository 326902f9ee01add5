// Lists and searches drop every filter, sort and search property on a field the reader may not see before
// they run, so nothing can be guessed a character at a time (the rule: src/actions/lists/visible-list-query.ts).
import type { ActionContext, ActionRequest, Before } from 'adminjs';
import type { Prisma } from '@prisma/client';
import { withoutHiddenFields } from '../actions/lists/visible-list-query.js';
import { roleOf } from './rbac.js';

export function withoutHiddenFieldQueries(model: Prisma.ModelName): Before {
  return (request: ActionRequest, context: ActionContext) => {
    if (!request.query) return request;
    return { ...request, query: withoutHiddenFields(roleOf(context.currentAdmin), model, request.query) };
  };
}
