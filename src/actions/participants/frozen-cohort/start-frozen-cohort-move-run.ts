// "Move" on the bulk page: the chosen participants move one by one, each in its own transaction, as a
// recorded job run in this process (so the page can leave and come back). Two runs over the same people
// are safe: each move locks the participant and re-checks, so the second finds them already moved.
// Each move is audited as the signed-in user. The page polls with requestId.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorLabel, type ActorContext } from '../../actor.js';
import { requirePermission } from '../../authz.js';
import { runJob, type FinishedRun, type RunnableJob } from '../../jobs/run-job.js';
import { Id, Reason } from '../../zod.js';
import { moveManyFromFrozenCohort } from './move-many-from-frozen-cohort.js';
import { countOutcomes, FROZEN_COHORT_MOVE_JOB, MoveRunArgs, type MoveRunOutput } from './move-run.js';

/** A whole frozen cohort fits; more is not a selection anyone made on purpose. */
export const MOST_PARTICIPANTS = 20_000;

export const StartFrozenCohortMoveRunInput = z.object({
  participantProfileIds: z.array(Id).min(1, 'Choose at least one participant').max(MOST_PARTICIPANTS),
  reason: Reason,
});

export interface StartedMoveRun {
  requestId: string;
  /** Settles when the run ends; the page does not wait for it, tests may. */
  finished: Promise<FinishedRun>;
}

export async function startFrozenCohortMoveRun(ctx: ActorContext, raw: unknown): Promise<StartedMoveRun> {
  const { participantProfileIds, reason } = StartFrozenCohortMoveRunInput.parse(raw);
  requirePermission(ctx, 'participants.move_frozen_cohort');
  const ids = [...new Set(participantProfileIds)];
  const requestId = randomUUID();
  const job: RunnableJob<z.infer<typeof MoveRunArgs>> = {
    name: FROZEN_COHORT_MOVE_JOB,
    args: MoveRunArgs,
    async run({ progress, signal }) {
      await progress.setTotal(ids.length);
      const outcomes = await moveManyFromFrozenCohort(ctx, { participantProfileIds: ids, reason }, async () => {
        signal.throwIfAborted();
        await progress.advance();
      }, requestId);
      const output: MoveRunOutput = { counts: countOutcomes(outcomes) };
      return { ...output };
    },
  };
  const finished = runJob(job, { requestId, requestedBy: actorLabel(ctx.actor), participants: ids.length, reason });
  return { requestId, finished };
}
