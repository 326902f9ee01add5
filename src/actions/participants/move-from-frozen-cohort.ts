// Moves one participant out of a cohort whose payments are frozen into the destination cohort, as the DfE's
// Induction::AmendParticipantCohort does for a frozen transfer: close the current induction record, open one
// in the school's default programme for the destination cohort on the new schedule, and repoint the profile.
// Declarations are left alone: they stay on their statements and keep their cohort.
import { z } from 'zod';
import { Prisma } from '@prisma/client';
import { db, type Tx } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';
import { Id, Reason, StartYear } from '../zod.js';
import { refusalMessage } from './frozen-cohort/messages.js';
import { planMoveFromFrozenCohort } from './frozen-cohort/plan-move.js';
import { applyCohortMove } from './cohort-change/apply-cohort-move.js';
import { auditEvents } from '../audit/events.js';

export const MoveFromFrozenCohortInput = z.object({
  participantProfileId: Id,
  /** Also move someone with no billable declarations (the DfE's force_from_frozen_cohort). */
  force: z.boolean().default(false),
  reason: Reason,
  /** The cohort the participant is expected to leave (refused when they are in another one). */
  fromStartYear: StartYear.optional(),
});

export interface MoveFromFrozenCohortResult {
  outcome: 'moved' | 'unchanged';
  participantProfileId: string;
  message: string;
  /** The induction record now current (the new one after a move). */
  inductionRecordId?: string;
}

/** Locks the profile so two moves of the same participant cannot both pass the checks. */
async function lockProfile(tx: Tx, participantProfileId: string): Promise<void> {
  await tx.$queryRaw(Prisma.sql`SELECT id FROM participant_profiles WHERE id = ${participantProfileId}::uuid FOR UPDATE`);
}

export interface MoveOptions {
  /** Runs inside the move's transaction with its result (a bulk run records the outcome with the move). */
  inTransaction?: (tx: Tx, result: MoveFromFrozenCohortResult) => Promise<void>;
}

export async function moveFromFrozenCohort(ctx: ActorContext, raw: unknown, options: MoveOptions = {}): Promise<MoveFromFrozenCohortResult> {
  const { participantProfileId, force, reason, fromStartYear } = MoveFromFrozenCohortInput.parse(raw);
  requirePermission(ctx, 'participants.move_frozen_cohort');
  return db().$transaction(async (tx) => {
    await lockProfile(tx, participantProfileId);
    const now = new Date();
    const plan = await planMoveFromFrozenCohort(tx, participantProfileId, { force, now, fromStartYear });
    if (plan.kind === 'refused') throw new ActionError('INVALID_STATE', refusalMessage(plan.errors), plan.errors);
    if (plan.kind === 'unchanged') {
      const unchanged: MoveFromFrozenCohortResult = { outcome: 'unchanged', participantProfileId, message: plan.message };
      await options.inTransaction?.(tx, unchanged);
      return unchanged;
    }

    const { profile } = plan;
    const { inductionRecordId, ...target } = await applyCohortMove(tx, plan, plan.targetSchedule.cohortId, now);
    await recordAudit(tx, ctx, auditEvents.participantMovedFromFrozenCohort({
      subjectId: profile.id,
      before: {
        cohortStartYear: profile.cohort.startYear,
        cohortId: profile.cohortId,
        schoolCohortId: profile.schoolCohortId,
        scheduleId: profile.scheduleId,
        scheduleIdentifier: profile.schedule.scheduleIdentifier,
        cohortChangedAfterPaymentsFrozen: profile.cohortChangedAfterPaymentsFrozen,
        inductionRecordId: plan.inductionRecord.id,
      },
      after: {
        cohortStartYear: plan.targetCohort.startYear,
        cohortId: plan.targetSchedule.cohortId,
        schoolCohortId: target.schoolCohortId,
        schoolCohortSetUp: plan.schoolSetUp !== null,
        scheduleId: plan.targetSchedule.id,
        scheduleIdentifier: plan.targetSchedule.scheduleIdentifier,
        cohortChangedAfterPaymentsFrozen: plan.cohortChangedAfterPaymentsFrozen,
        inductionRecordId,
        forced: force,
      },
      reason,
    }));
    const moved: MoveFromFrozenCohortResult = { outcome: 'moved', participantProfileId, message: plan.message, inductionRecordId };
    await options.inTransaction?.(tx, moved);
    return moved;
  });
}
