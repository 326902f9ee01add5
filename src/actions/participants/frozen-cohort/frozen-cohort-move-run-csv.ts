// A finished bulk move's outcomes as CSV, one line per participant, for the support ticket or the provider.
import { z } from 'zod';
import { csvText } from '../../../reports/csv/csv-lines.js';
import type { ActorContext } from '../../actor.js';
import { requirePermission } from '../../authz.js';
import { ActionError, notFound } from '../../errors.js';
import { Id } from '../../zod.js';
import { findMoveRun, recordedOutcomes, withParticipantDetails } from './move-run.js';

export const FrozenCohortMoveRunCsvInput = z.object({ requestId: Id });

export const OUTCOME_LABELS = { moved: 'Moved', would_move: 'Would move', unchanged: 'Already moved', refused: 'Blocked', failed: 'Failed' } as const;

export async function frozenCohortMoveRunCsv(ctx: ActorContext, raw: unknown): Promise<{ filename: string; csv: string }> {
  const { requestId } = FrozenCohortMoveRunCsvInput.parse(raw);
  requirePermission(ctx, 'participants.move_frozen_cohort');
  const run = await findMoveRun(requestId);
  if (!run) throw notFound('Run');
  if (run.state === 'running') throw new ActionError('INVALID_STATE', 'The run has not finished yet.');
  // Every outcome recorded, also of a run that failed part way.
  const rows = await withParticipantDetails(await recordedOutcomes(requestId));
  const csv = csvText(
    ['Participant ID', 'Name', 'TRN', 'School', 'URN', 'Cohort now', 'Outcome', 'Reason or result'],
    rows.map((r) => [r.participantProfileId, r.fullName, r.trn, r.schoolName, r.schoolUrn, r.cohortStartYear, OUTCOME_LABELS[r.outcome], r.message]),
  );
  const day = run.startedAt.toISOString().slice(0, 10);
  return { filename: `frozen-cohort-moves-${day}-${requestId.slice(0, 8)}.csv`, csv };
}
