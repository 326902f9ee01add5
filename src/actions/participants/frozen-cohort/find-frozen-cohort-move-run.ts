// A bulk move's progress and, once it has finished, a page of its outcomes: what the bulk page polls.
import { z } from 'zod';
import type { ActorContext } from '../../actor.js';
import { requirePermission } from '../../authz.js';
import { Id } from '../../zod.js';
import { countOutcomes, findMoveRun, recordedCounts, recordedOutcomes, withParticipantDetails, type OutcomeCounts, type OutcomeRow } from './move-run.js';

export const FindFrozenCohortMoveRunInput = z.object({
  requestId: Id,
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(500).default(50),
});

export interface FrozenCohortMoveRunView {
  /** `starting` until the run has its row (a moment after the request). */
  state: 'starting' | 'running' | 'succeeded' | 'failed';
  done: number;
  total: number | null;
  error: string | null;
  counts: OutcomeCounts;
  rows: OutcomeRow[];
  page: number;
  perPage: number;
  totalRows: number;
}

export async function findFrozenCohortMoveRun(ctx: ActorContext, raw: unknown): Promise<FrozenCohortMoveRunView> {
  const { requestId, page, perPage } = FindFrozenCohortMoveRunInput.parse(raw);
  requirePermission(ctx, 'participants.move_frozen_cohort');
  const run = await findMoveRun(requestId);
  const empty = { counts: countOutcomes([]), rows: [], page, perPage, totalRows: 0 };
  if (!run) return { state: 'starting', done: 0, total: null, error: null, ...empty };
  const base = { state: run.state, done: run.rowsDone, total: run.rowsTotal, error: run.state === 'failed' ? run.error : null };
  // While it runs, the progress bar is enough; once it has ended (finished, or failed part way) every outcome recorded shows.
  if (run.state === 'running') return { ...base, ...empty };
  const { counts, total } = await recordedCounts(requestId);
  const slice = await recordedOutcomes(requestId, { skip: (page - 1) * perPage, take: perPage });
  return { ...base, counts, rows: await withParticipantDetails(slice), page, perPage, totalRows: total };
}
