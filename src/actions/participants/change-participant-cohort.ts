// Support's "change cohort" for any participant (the DfE's /admin/participants/:id/change_cohort, which runs
// Induction::AmendParticipantCohort): to an earlier or later cohort and back again, refused with the DfE's
// words when a rule forbids it. The current induction record is closed and a new one opened in the school's
// default programme for that cohort on the matching schedule; the profile follows. Declarations keep their
// cohort. A dry run does everything (including any school set-up) and rolls it back.
import { z } from 'zod';
import { Prisma } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';
import { RollBack } from '../roll-back.js';
import { Flag, Id, Reason } from '../zod.js';
import { planCohortChange } from './cohort-change/plan-cohort-change.js';
import { applyCohortMove } from './cohort-change/apply-cohort-move.js';
import { refusalMessage } from './frozen-cohort/messages.js';
import { auditEvents } from '../audit/events.js';

export const ChangeParticipantCohortInput = z.object({
  participantProfileId: Id,
  /** Any whole year: one outside 2020 to this year is refused with the DfE's message, not the validator's. */
  targetStartYear: z.coerce.number({ message: "Enter the cohort's start year, like 2024" }).int("Enter the cohort's start year, like 2024"),
  reason: Reason,
  dryRun: Flag.default(false),
});

interface Placement {
  cohortStartYear: number;
  scheduleIdentifier: string;
  schoolName: string;
  leadProviderName: string | null;
}

export interface ChangeParticipantCohortResult {
  outcome: 'changed' | 'unchanged';
  /** True when nothing was kept (a dry run). */
  dryRun: boolean;
  participantProfileId: string;
  fullName: string;
  message: string;
  from?: Placement;
  to?: Placement;
  /** The school had no default programme in the cohort and was set up (a move out of a frozen cohort). */
  schoolCohortSetUp?: boolean;
  cohortChangedAfterPaymentsFrozen?: boolean;
  inductionRecordId?: string;
}

async function placementOf(tx: Prisma.TransactionClient, inductionRecordId: string): Promise<Placement> {
  const record = await tx.inductionRecord.findUniqueOrThrow({
    where: { id: inductionRecordId },
    include: {
      schedule: true,
      inductionProgramme: { include: { schoolCohort: { include: { school: true, cohort: true } }, partnership: { include: { leadProvider: true } } } },
    },
  });
  const { schoolCohort, partnership } = record.inductionProgramme;
  return {
    cohortStartYear: schoolCohort.cohort.startYear,
    scheduleIdentifier: record.schedule.scheduleIdentifier,
    schoolName: schoolCohort.school.name,
    leadProviderName: partnership?.leadProvider.name ?? null,
  };
}

export async function changeParticipantCohort(ctx: ActorContext, raw: unknown): Promise<ChangeParticipantCohortResult> {
  const { participantProfileId, targetStartYear, reason, dryRun } = ChangeParticipantCohortInput.parse(raw);
  requirePermission(ctx, 'participants.change_cohort');
  try {
    return await db().$transaction(async (tx) => {
      // Two changes of one participant at once cannot both pass the checks.
      await tx.$queryRaw(Prisma.sql`SELECT id FROM participant_profiles WHERE id = ${participantProfileId}::uuid FOR UPDATE`);
      const now = new Date();
      const plan = await planCohortChange(tx, participantProfileId, targetStartYear, { now });
      const fullName = plan.profile.teacher.fullName;
      if (plan.kind === 'refused') throw new ActionError('INVALID_STATE', refusalMessage(plan.errors), plan.errors);
      if (plan.kind === 'unchanged') return { outcome: 'unchanged', dryRun, participantProfileId, fullName, message: plan.message };

      const { profile } = plan;
      const from = await placementOf(tx, plan.inductionRecord.id);
      const { inductionRecordId, ...target } = await applyCohortMove(tx, plan, plan.targetCohort.id, now);
      await recordAudit(tx, ctx, auditEvents.participantCohortChanged({
        subjectId: profile.id,
        before: {
          cohortStartYear: plan.sourceStartYear,
          schoolCohortId: profile.schoolCohortId,
          scheduleIdentifier: profile.schedule.scheduleIdentifier,
          cohortChangedAfterPaymentsFrozen: profile.cohortChangedAfterPaymentsFrozen,
          inductionRecordId: plan.inductionRecord.id,
        },
        after: {
          cohortStartYear: plan.targetCohort.startYear,
          schoolCohortId: target.schoolCohortId,
          scheduleIdentifier: plan.targetSchedule.scheduleIdentifier,
          cohortChangedAfterPaymentsFrozen: plan.cohortChangedAfterPaymentsFrozen,
          inductionRecordId,
          schoolCohortSetUp: plan.schoolSetUp !== null,
        },
        reason,
      }));
      const result: ChangeParticipantCohortResult = {
        outcome: 'changed',
        dryRun,
        participantProfileId,
        fullName,
        message: dryRun ? plan.message.replace('was changed', 'would be changed') : plan.message,
        from,
        to: await placementOf(tx, inductionRecordId),
        schoolCohortSetUp: plan.schoolSetUp !== null,
        cohortChangedAfterPaymentsFrozen: plan.cohortChangedAfterPaymentsFrozen,
        ...(dryRun ? {} : { inductionRecordId }),
      };
      if (dryRun) throw new RollBack(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RollBack) return error.result as ChangeParticipantCohortResult;
    throw error;
  }
}

