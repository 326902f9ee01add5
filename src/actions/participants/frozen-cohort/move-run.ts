// A bulk move from the back office runs as a recorded job run (job_runs): its progress is polled by the
// page; each participant's outcome is a row of frozen_cohort_move_outcomes written as it happens (a move's
// in the move's own transaction), so the result table and CSV show what a run did even if it crashed.
// Shared by starting and reading.
import type { JobRun } from '@prisma/client';
import { Prisma } from '@prisma/client';
import { z } from 'zod';
import { db, type Tx } from '../../../db/client.js';
import type { BulkMoveOutcome } from './move-many-from-frozen-cohort.js';

export const FROZEN_COHORT_MOVE_JOB = 'frozen-cohort-moves';

export const MoveRunArgs = z.object({
  /** Chosen by the page before the run row exists, so it can poll for it. */
  requestId: z.string().uuid(),
  requestedBy: z.string(),
  participants: z.number().int(),
  reason: z.string(),
});

export type OutcomeCounts = Record<BulkMoveOutcome['outcome'], number>;

export interface MoveRunOutput {
  counts: OutcomeCounts;
}

/** Writes one participant's outcome of the run `requestId` (in the move's transaction when given it). */
export async function recordMoveOutcome(client: Tx, requestId: string, position: number, outcome: BulkMoveOutcome): Promise<void> {
  await client.frozenCohortMoveOutcome.create({ data: { requestId, position, ...outcome } });
}

/** The outcomes recorded so far for a run, in the order it took the participants. */
export async function recordedOutcomes(requestId: string, page?: { skip: number; take: number }): Promise<BulkMoveOutcome[]> {
  const rows = await db().frozenCohortMoveOutcome.findMany({ where: { requestId }, orderBy: { position: 'asc' }, ...page });
  return rows.map(({ participantProfileId, outcome, message }) => ({ participantProfileId, outcome: outcome as BulkMoveOutcome['outcome'], message }));
}

/** How many participants of a run had each outcome so far. */
export async function recordedCounts(requestId: string): Promise<{ counts: OutcomeCounts; total: number }> {
  const groups = await db().frozenCohortMoveOutcome.groupBy({ by: ['outcome'], where: { requestId }, _count: { _all: true } });
  const counts = countOutcomes([]);
  let total = 0;
  for (const group of groups) {
    counts[group.outcome as BulkMoveOutcome['outcome']] = group._count._all;
    total += group._count._all;
  }
  return { counts, total };
}

export function countOutcomes(outcomes: BulkMoveOutcome[]): OutcomeCounts {
  const counts: OutcomeCounts = { moved: 0, would_move: 0, unchanged: 0, refused: 0, failed: 0 };
  for (const { outcome } of outcomes) counts[outcome]++;
  return counts;
}

export async function findMoveRun(requestId: string): Promise<JobRun | null> {
  return db().jobRun.findFirst({ where: { job: FROZEN_COHORT_MOVE_JOB, args: { path: ['requestId'], equals: requestId } }, orderBy: { startedAt: 'desc' } });
}

export interface OutcomeRow extends BulkMoveOutcome {
  fullName: string | null;
  trn: string | null;
  schoolName: string | null;
  schoolUrn: string | null;
  cohortStartYear: number | null;
}

/** The outcomes with who each participant is and where they are now (after the run). */
export async function withParticipantDetails(outcomes: BulkMoveOutcome[]): Promise<OutcomeRow[]> {
  if (outcomes.length === 0) return [];
  type Details = Omit<OutcomeRow, keyof BulkMoveOutcome> & { id: string };
  const details = await db().$queryRaw<Details[]>(Prisma.sql`
    SELECT p.id, t."fullName", t.trn, s.name AS "schoolName", s.urn AS "schoolUrn", c."startYear" AS "cohortStartYear"
    FROM participant_profiles p
    JOIN teachers t ON t.id = p."teacherId"
    JOIN cohorts c ON c.id = p."cohortId"
    LEFT JOIN school_cohorts sc ON sc.id = p."schoolCohortId"
    LEFT JOIN schools s ON s.id = sc."schoolId"
    WHERE p.id = ANY(${outcomes.map((o) => o.participantProfileId)}::uuid[])`);
  const byId = new Map(details.map((d) => [d.id, d]));
  return outcomes.map((outcome) => {
    const found = byId.get(outcome.participantProfileId);
    return {
      ...outcome,
      fullName: found?.fullName ?? null,
      trn: found?.trn ?? null,
      schoolName: found?.schoolName ?? null,
      schoolUrn: found?.schoolUrn ?? null,
      cohortStartYear: found?.cohortStartYear ?? null,
    };
  });
}
