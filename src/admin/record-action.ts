// A record action (a button on a record's page) that runs one of our actions after AdminJS's confirm prompt.
import type { Action, ActionContext, ActionResponse } from 'adminjs';
import type { Permission } from '../actions/authz.js';
import { actorFromAdmin } from './actor.js';
import { toValidationError, type Operation } from './handlers.js';
import { allowPermission } from './rbac.js';

export function recordAction(options: {
  permission: Permission;
  operation: Operation<unknown>;
  input: (recordId: string) => Record<string, unknown>;
  guard: string;
  success: string;
  icon?: string;
  isVisible?: (context: ActionContext) => boolean;
}): Partial<Action<ActionResponse>> {
  return {
    actionType: 'record',
    icon: options.icon,
    guard: options.guard,
    component: false,
    isAccessible: allowPermission(options.permission),
    isVisible: options.isVisible,
    handler: async (_request, _response, { record, resource, currentAdmin, h }) => {
      if (!record) throw new Error('Record not found');
      try {
        await options.operation(actorFromAdmin(currentAdmin), options.input(String(record.id())));
      } catch (error) {
        const refusal = toValidationError(error);
        if (!refusal) throw error;
        return { record: record.toJSON(currentAdmin), notice: { message: refusal.baseError?.message ?? 'Not done.', type: 'error' } };
      }
      const fresh = await resource.findOne(String(record.id()));
      return {
        record: fresh!.toJSON(currentAdmin),
        redirectUrl: h.recordActionUrl({ resourceId: resource.id(), recordId: String(record.id()), actionName: 'show' }),
        notice: { message: options.success, type: 'success' },
      };
    },
  };
}
