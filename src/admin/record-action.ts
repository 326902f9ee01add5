// A record action (a button on a record's page) that runs one of our actions after a check-your-answers
// step: what it applies to, what happens, and a confirm button (src/admin/confirm/confirm-action.ts).
import type { Action, ActionContext, ActionResponse } from 'adminjs';
import type { Permission } from '../actions/authz.js';
import { confirmAction } from './confirm/confirm-action.js';
import type { Operation } from './handlers.js';

export function recordAction(options: {
  permission: Permission;
  operation: Operation<unknown>;
  input: (recordId: string) => Record<string, unknown>;
  /** The button on the check step, which is also its heading, e.g. "Disable user". */
  confirmLabel: string;
  /** What happens when confirmed, one sentence each. */
  consequences: string[];
  success: string;
  icon?: string;
  isVisible?: (context: ActionContext) => boolean;
}): Partial<Action<ActionResponse>> {
  return confirmAction({
    permission: options.permission,
    icon: options.icon,
    isVisible: options.isVisible,
    async load(_ctx, _recordId, title) {
      return {
        heading: options.confirmLabel, rows: title ? [['Record', title]] : [], blockers: [], fields: [],
        submitLabel: options.confirmLabel, consequences: options.consequences,
      };
    },
    async submit(ctx, recordId) {
      await options.operation(ctx, options.input(recordId));
      return options.success;
    },
  });
}
