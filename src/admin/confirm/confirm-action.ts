// A record action with a real confirmation screen (AdminJS's own prompt is a bare "are you sure?"):
// GET shows `load`'s view, POST runs `submit` and returns to the record with its message.
import type { Action, ActionContext, ActionResponse } from 'adminjs';
import type { Permission } from '../../actions/authz.js';
import type { ActorContext } from '../../actions/actor.js';
import { asActionError } from '../../actions/errors.js';
import { actorFromAdmin } from '../actor.js';
import { Components } from '../components/index.js';
import { allowPermission } from '../rbac.js';
import type { ConfirmView } from './confirm-view.js';

export interface ConfirmActionOptions {
  permission: Permission;
  icon?: string;
  isVisible?: (context: ActionContext) => boolean;
  /** `title` is the record's title, for naming what the action applies to. */
  load(ctx: ActorContext, recordId: string, title?: string): Promise<ConfirmView>;
  /** The success message, or a message and a view of the outcome to stay on (instead of returning to the record). */
  submit(ctx: ActorContext, recordId: string, form: Record<string, string>): Promise<string | { message: string; outcome: ConfirmView }>;
}

export function confirmAction(options: ConfirmActionOptions): Partial<Action<ActionResponse>> {
  return {
    actionType: 'record',
    icon: options.icon,
    component: Components.ConfirmPage,
    isAccessible: allowPermission(options.permission),
    isVisible: options.isVisible,
    handler: async (request, _response, { record, resource, currentAdmin, h }) => {
      if (!record) throw new Error('Record not found');
      const ctx = actorFromAdmin(currentAdmin);
      const id = String(record.id());
      const recordJson = record.toJSON(currentAdmin);
      const title = String(record.title() ?? '');
      if (request.method !== 'post') return { record: recordJson, confirm: await options.load(ctx, id, title) };
      const form = Object.fromEntries(
        Object.entries(request.payload ?? {}).filter(([, v]) => typeof v === 'string'),
      ) as Record<string, string>;
      try {
        const result = await options.submit(ctx, id, form);
        if (typeof result !== 'string') return { record: recordJson, confirm: result.outcome, notice: { message: result.message, type: 'success' } };
        return {
          record: recordJson,
          redirectUrl: h.recordActionUrl({ resourceId: resource.id(), recordId: id, actionName: 'show' }),
          notice: { message: result, type: 'success' },
        };
      } catch (error) {
        const refusal = asActionError(error);
        if (!refusal) throw error;
        const messages = refusal.messages;
        return { record: recordJson, confirm: await options.load(ctx, id, title), errors: messages, notice: { message: messages.join(' '), type: 'error' } };
      }
    },
  };
}
