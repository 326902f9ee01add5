// Acting on many selected rows through the action for one: what would happen to each row (the plan,
// from the action's own rules), then the action itself for each row that may be acted on, one after
// another, each in the action's own transaction with its own audit event, so one refusal never stops or
// undoes the others. No AdminJS here: src/admin/bulk/bulk-action.ts puts it on a list.
import { requirePermission, type Permission } from '../../actions/authz.js';
import type { ActorContext } from '../../actions/actor.js';
import { ActionError, asActionError } from '../../actions/errors.js';
import { logger } from '../../logging/logger.js';
import type { ConfirmField } from '../confirm/confirm-view.js';

/** A row's AdminJS selection is one page of a list; past this many, the request is refused. */
export const MAX_BULK_ROWS = 100;

export interface BulkRow {
  id: string;
  /** What the row is, as people name it (a person's name, an email). */
  title: string;
  /** A second line: what else tells this row apart (its provider, its state). */
  details?: string;
}

/** What will happen to a row: `ready` rows are acted on; the others are not, and `says` why. */
export interface PlannedRow extends BulkRow {
  ready: boolean;
  says: string;
}

export type BulkResult = 'done' | 'refused' | 'failed';

export interface ResultRow extends BulkRow {
  result: BulkResult;
  says: string;
}

export interface BulkSpec {
  permission: Permission;
  icon: string;
  /** The page's heading and the button on the list, e.g. "Void declarations". */
  heading: string;
  /** The confirm button's verb ("Void") and what a row is, one and many. */
  verb: string;
  noun: [one: string, many: string];
  /** Asked once for every row (the single action's form, e.g. its reason). */
  fields: ConfirmField[];
  /** What happens to each ready row when confirmed. */
  consequences: string[];
  /** The rows of these ids, in this order, each with what would happen; ids not found are left out. */
  plan(ctx: ActorContext, ids: string[]): Promise<PlannedRow[]>;
  /** The single action for one row; an ActionError is its refusal. Says what was done. */
  run(ctx: ActorContext, id: string, form: Record<string, string>): Promise<string>;
}

export const NOT_FOUND = 'Not found: it may have been removed since the list was shown.';
const FAILED = 'Not done: something unexpected went wrong, so nothing changed for this row. Try it again on its own page.';

export const rowsOf = (spec: BulkSpec, n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? spec.noun[0] : spec.noun[1]}`;

function selection(spec: BulkSpec, ids: string[]): string[] {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) throw new ActionError('INVALID_INPUT', `Choose at least one of the ${spec.noun[1]} on the list.`);
  if (unique.length > MAX_BULK_ROWS) throw new ActionError('INVALID_INPUT', `Choose at most ${MAX_BULK_ROWS} ${spec.noun[1]} at a time.`);
  return unique;
}

/** Every selected row with what would happen to it, in the order selected. */
export async function planBulk(ctx: ActorContext, spec: BulkSpec, ids: string[]): Promise<PlannedRow[]> {
  requirePermission(ctx, spec.permission);
  const chosen = selection(spec, ids);
  const planned = new Map((await spec.plan(ctx, chosen)).map((row) => [row.id, row]));
  return chosen.map((id) => planned.get(id) ?? { id, title: id, ready: false, says: NOT_FOUND });
}

/**
 * Plans the rows again (the data may have changed since the preview) and runs the action for each ready
 * row. A refusal about the form itself (a missing reason) comes back before any row is done, as `errors`.
 */
export async function runBulk(
  ctx: ActorContext,
  spec: BulkSpec,
  ids: string[],
  form: Record<string, string>,
): Promise<{ results: ResultRow[]; errors?: undefined } | { errors: string[]; results?: undefined }> {
  const results: ResultRow[] = [];
  for (const row of await planBulk(ctx, spec, ids)) {
    if (!row.ready) {
      results.push({ ...row, result: 'refused' });
      continue;
    }
    try {
      results.push({ ...row, result: 'done', says: await spec.run(ctx, row.id, form) });
    } catch (error) {
      const refusal = asActionError(error);
      if (!refusal) {
        logger.error({ err: error, bulkAction: spec.heading, rowId: row.id }, 'Bulk action row failed');
        results.push({ ...row, result: 'failed', says: FAILED });
        continue;
      }
      const aboutForm = refusal.fieldErrors.filter((f) => spec.fields.some((field) => field.name === f.field));
      if (aboutForm.length && !results.some((r) => r.result === 'done')) return { errors: aboutForm.map((f) => f.message) };
      results.push({ ...row, result: 'refused', says: refusal.messages.join(' ') });
    }
  }
  return { results };
}
