// Moves a list of participants out of payment-frozen cohorts one by one, each in its own transaction,
// so one refusal or failure never undoes or stops the others. For the CLI and the bulk admin page's runs.
// Not forced: someone with no billable declarations is refused, as the DfE's bulk handling does.
import { z } from 'zod';
import { db, type Tx } from '../../../db/client.js';
import type { ActorContext } from '../../actor.js';
import { requirePermission } from '../../authz.js';
import { ActionError } from '../../errors.js';
import { Id, Reason, StartYear } from '../../zod.js';
import { moveFromFrozenCohort } from '../move-from-frozen-cohort.js';
import { recordMoveOutcome } from './move-run.js';
import { previewMoveFromFrozenCohort } from './preview-move-from-frozen-cohort.js';

export const MoveManyFromFrozenCohortInput = z.object({
  participantProfileIds: z.array(Id).min(1, 'Choose at least one participant'),
  reason: Reason,
  /** The cohort everyone is expected to leave (the CLI's --from). */
  fromStartYear: StartYear.optional(),
  /** Report what would happen without changing anything. */
  dryRun: z.boolean().default(false),
});

export type BulkMoveOutcome = {
  participantProfileId: string;
  /** `failed` is an unexpected error (the rest still run); `refused` is a DfE rule saying no. */
  outcome: 'moved' | 'would_move' | 'unchanged' | 'refused' | 'failed';
  message: string;
};

export async function moveManyFromFrozenCohort(
  ctx: ActorContext,
  raw: unknown,
  /** Awaited after each participant; throwing from it stops the run there (e.g. when its job lost its lock). */
  onProgress?: (done: number, total: number, latest: BulkMoveOutcome) => void | Promise<void>,
  /** A recorded run: each outcome is written under this id as it happens, a move's in the move's transaction. */
  runRequestId?: string,
): Promise<BulkMoveOutcome[]> {
  const { participantProfileIds, reason, dryRun, fromStartYear } = MoveManyFromFrozenCohortInput.parse(raw);
  requirePermission(ctx, 'participants.move_frozen_cohort');
  const ids = [...new Set(participantProfileIds)];
  const outcomes: BulkMoveOutcome[] = [];
  for (const participantProfileId of ids) {
    const position = outcomes.length + 1;
    const save = (client: Tx, { outcome, message }: Omit<BulkMoveOutcome, 'participantProfileId'>) =>
      runRequestId ? recordMoveOutcome(client, runRequestId, position, { participantProfileId, outcome, message }) : Promise.resolve();
    let result: BulkMoveOutcome;
    let saved = false;
    try {
      const { outcome, message } = dryRun
        ? await previewMoveFromFrozenCohort(ctx, { participantProfileId, fromStartYear })
        : await moveFromFrozenCohort(ctx, { participantProfileId, reason, fromStartYear }, {
          inTransaction: async (tx, moved) => {
            await save(tx, moved);
            saved = true;
          },
        });
      result = { participantProfileId, outcome, message };
    } catch (error) {
      const refused = error instanceof ActionError;
      result = { participantProfileId, outcome: refused ? 'refused' : 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    // Refusals, failures and dry runs changed nothing, so their outcome is written on its own.
    if (!saved) await save(db(), result);
    outcomes.push(result);
    await onProgress?.(outcomes.length, ids.length, result);
  }
  return outcomes;
}
