// A bulk action on a list (tick rows, then the action's button above the list): the shared glue for every
// one of them. GET answers the selected records and what would happen to each (the preview); POST with
// `op=confirm` runs the single action row by row (./run-bulk.ts) and answers each row's result.
// Who sees the button is the single action's permission, from the one table (src/actions/authz.ts).
import type { Action, ActionResponse, BulkActionResponse } from 'adminjs';
import { asActionError } from '../../actions/errors.js';
import { actorFromAdmin } from '../actor.js';
import { Components } from '../components/index.js';
import { allowPermission } from '../rbac.js';
import { MAX_BULK_ROWS, planBulk, rowsOf, runBulk, type BulkSpec, type PlannedRow, type ResultRow } from './run-bulk.js';

/** What the page shows (components/bulk-action-page.tsx). */
export interface BulkView {
  heading: string;
  noun: BulkSpec['noun'];
  fields: BulkSpec['fields'];
  consequences: string[];
  /** The confirm button, e.g. "Void 3 declarations". */
  submitLabel: string;
  rows: PlannedRow[];
  /** After confirming: each row's result. */
  results?: ResultRow[];
  maxRows: number;
}

function view(spec: BulkSpec, rows: PlannedRow[], results?: ResultRow[]): BulkView {
  const ready = rows.filter((row) => row.ready).length;
  return {
    heading: spec.heading, noun: spec.noun, fields: spec.fields, consequences: spec.consequences, rows, results, maxRows: MAX_BULK_ROWS,
    submitLabel: `${spec.verb} ${rowsOf(spec, ready)}`,
  };
}

export function bulkAction(spec: BulkSpec): Partial<Action<ActionResponse>> {
  return {
    actionType: 'bulk',
    icon: spec.icon,
    component: Components.BulkActionPage,
    isAccessible: allowPermission(spec.permission),
    handler: async (request, _response, { records = [], currentAdmin }): Promise<BulkActionResponse> => {
      const ctx = actorFromAdmin(currentAdmin, (request as { ip?: string }).ip);
      const recordsJson = records.map((record) => record.toJSON(currentAdmin));
      // In the order they were ticked on the list (AdminJS finds the records in the database's order).
      const found = new Set(records.map((record) => String(record.id())));
      const ids = String(request.query?.recordIds ?? '').split(',').filter((id) => found.has(id));
      try {
        if (request.method !== 'post' || request.payload?.op !== 'confirm') {
          return { records: recordsJson, bulk: view(spec, await planBulk(ctx, spec, ids)) } as BulkActionResponse;
        }
        const form = Object.fromEntries(
          Object.entries(request.payload ?? {}).filter(([key, value]) => key !== 'op' && typeof value === 'string'),
        ) as Record<string, string>;
        const outcome = await runBulk(ctx, spec, ids, form);
        if (outcome.errors) {
          return {
            records: recordsJson, bulk: view(spec, await planBulk(ctx, spec, ids)), errors: outcome.errors,
            notice: { message: outcome.errors.join(' '), type: 'error' },
          } as BulkActionResponse;
        }
        const done = outcome.results.filter((row) => row.result === 'done').length;
        const notDone = outcome.results.length - done;
        return {
          records: recordsJson,
          bulk: view(spec, outcome.results.map(({ result, ...row }) => ({ ...row, ready: result === 'done' })), outcome.results),
          // A row that was already as asked (voided, disabled) is "not done" without anything going wrong.
          notice: {
            message: `${spec.heading}: ${done.toLocaleString('en-GB')} of ${rowsOf(spec, outcome.results.length)} done${notDone ? '; each of the others says why it was not' : ''}.`,
            type: done ? 'success' : 'error',
          },
        } as BulkActionResponse;
      } catch (error) {
        const refusal = asActionError(error);
        if (!refusal) throw error;
        return { records: recordsJson, errors: refusal.messages, notice: { message: refusal.messages.join(' '), type: 'error' } } as BulkActionResponse;
      }
    },
  };
}
