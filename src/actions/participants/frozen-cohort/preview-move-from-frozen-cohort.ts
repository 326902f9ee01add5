// What "Move to active cohort" would do to one participant, for the confirmation screen and dry runs.
// Reads only; the move re-checks everything in its own transaction.
import { z } from 'zod';
import { db } from '../../../db/client.js';
import type { ActorContext } from '../../actor.js';
import { requirePermission } from '../../authz.js';
import type { FieldError } from '../../errors.js';
import { Id, StartYear } from '../../zod.js';
import { refusalMessage } from './messages.js';
import { planMoveFromFrozenCohort } from './plan-move.js';

export const PreviewMoveFromFrozenCohortInput = z.object({ participantProfileId: Id, force: z.boolean().default(false), fromStartYear: StartYear.optional() });

interface Placement {
  cohortStartYear: number;
  scheduleIdentifier: string;
  schoolName: string;
}

export type MoveFromFrozenCohortPreview =
  | { outcome: 'refused'; participantProfileId: string; fullName: string; message: string; errors: FieldError[] }
  | { outcome: 'unchanged'; participantProfileId: string; fullName: string; message: string }
  | {
      outcome: 'would_move';
      participantProfileId: string;
      fullName: string;
      message: string;
      from: Placement;
      to: Placement;
      cohortChangedAfterPaymentsFrozen: boolean;
      /** The school has no default programme in the destination: the move sets one up (full induction programme). */
      setsUpSchoolCohort: boolean;
    };

export async function previewMoveFromFrozenCohort(ctx: ActorContext, raw: unknown): Promise<MoveFromFrozenCohortPreview> {
  const { participantProfileId, force, fromStartYear } = PreviewMoveFromFrozenCohortInput.parse(raw);
  requirePermission(ctx, 'participants.move_frozen_cohort');
  const plan = await planMoveFromFrozenCohort(db(), participantProfileId, { force, now: new Date(), fromStartYear });
  const fullName = plan.profile.teacher.fullName;
  switch (plan.kind) {
    case 'refused':
      return { outcome: 'refused', participantProfileId, fullName, message: refusalMessage(plan.errors), errors: plan.errors };
    case 'unchanged':
      return { outcome: 'unchanged', participantProfileId, fullName, message: plan.message };
    case 'move': {
      const schoolName = plan.inductionRecord.inductionProgramme.schoolCohort.school.name;
      return {
        outcome: 'would_move',
        participantProfileId,
        fullName,
        message: plan.message,
        from: { cohortStartYear: plan.profile.cohort.startYear, scheduleIdentifier: plan.profile.schedule.scheduleIdentifier, schoolName },
        to: { cohortStartYear: plan.targetCohort.startYear, scheduleIdentifier: plan.targetSchedule.scheduleIdentifier, schoolName },
        cohortChangedAfterPaymentsFrozen: plan.cohortChangedAfterPaymentsFrozen,
        setsUpSchoolCohort: plan.schoolSetUp !== null,
      };
    }
  }
}
