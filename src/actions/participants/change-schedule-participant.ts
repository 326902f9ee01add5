// A lead provider moves a participant onto another schedule, possibly in another cohort
// (PUT .../change-schedule). Existing declarations must still fit the new schedule's milestones.
import { z } from 'zod';
import type { Cohort, Declaration, Partnership, ParticipantProfile, Schedule } from '@prisma/client';
import { db, type Tx } from '../../db/client.js';
import { cohortStartYearOf } from '../../rules/cohort-start-year.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { ActionError } from '../errors.js';
import { Id } from '../zod.js';
import { changeInductionRecord } from '../../rules/change-induction-record.js';
import { UNCHALLENGED_PARTNERSHIP } from '../../rules/unchallenged-partnership.js';
import { FieldErrors } from './lead-provider/field-errors.js';
import { isFrozenCohortMove } from './lead-provider/frozen-cohort-move.js';
import { LenientText } from '../partnerships/lenient-input.js';
import { MESSAGES } from './lead-provider/messages.js';
import { participantForAction, type ParticipantForAction } from './lead-provider/participant-for-action.js';
import { providerScope, type ProviderScope } from './lead-provider/provider-scope.js';
import { auditEvents } from '../audit/events.js';

export const ChangeScheduleInput = z.object({
  participantId: LenientText,
  courseIdentifier: LenientText,
  scheduleIdentifier: LenientText,
  /** Start year of the cohort to move to; the participant's current one when absent. */
  cohort: LenientText,
  leadProviderId: Id.optional(),
});

const DAY = 86_400_000;
const startOfDay = (date: Date) => new Date(Math.floor(date.getTime() / DAY) * DAY);

export async function changeScheduleParticipant(ctx: ActorContext, raw: unknown): Promise<ParticipantProfile> {
  const input = ChangeScheduleInput.parse(raw);
  const scope = await providerScope(ctx, 'participants.edit', input.leadProviderId);
  return db().$transaction(async (tx) => {
    const errors = new FieldErrors();
    const found: { profile?: ParticipantProfile } = {};
    const participant = await participantForAction(tx, scope, input, errors, found);
    if (!input.scheduleIdentifier) errors.add('schedule_identifier', MESSAGES.invalidSchedule);
    const plan = participant ? await planChange(tx, scope, participant, input, errors) : null;
    if (!participant && found.profile) await judgeWithoutInductionRecord(tx, found.profile, input, errors);
    errors.throwIfAny();
    // An unknown schedule_identifier passes every validation of the DfE's and then fails on saving the new
    // schedule, answered as an invalid action with Rails's own text (app/services/change_schedule.rb, call:
    // ParticipantProfileSchedule.create!; app/controllers/api/api_controller.rb rescues RecordInvalid).
    if (!plan) throw new ActionError('INVALID_STATE', 'Validation failed: Schedule must exist');
    return applyChange(tx, ctx, scope, participant!, plan);
  });
}

interface Plan {
  current: Cohort;
  target: Cohort;
  schedule: Schedule;
  partnership: Partnership;
  frozenMove: boolean;
}

async function planChange(
  tx: Tx,
  scope: ProviderScope,
  { profile, record }: ParticipantForAction,
  input: z.infer<typeof ChangeScheduleInput>,
  errors: FieldErrors,
): Promise<Plan | null> {
  const current = (await tx.schedule.findUniqueOrThrow({ where: { id: record.scheduleId }, include: { cohort: true } })).cohort;
  const programme = await tx.inductionProgramme.findUniqueOrThrow({
    where: { id: record.inductionProgrammeId },
    include: { schoolCohort: { include: { cohort: true } } },
  });
  // A blank cohort means the participant's school cohort; any other value is read as the DfE reads an integer
  // attribute (app/services/change_schedule.rb: attribute :cohort, :integer, then the fallback cohort when nil).
  const startYear = input.cohort ? cohortStartYearOf(input.cohort) : undefined;
  const target = startYear === undefined
    ? programme.schoolCohort.cohort
    : startYear === null ? null : await tx.cohort.findUnique({ where: { startYear } });
  const schedule = await findSchedule(tx, target, input.scheduleIdentifier);
  // An unknown cohort is the cohort's problem alone: the DfE looks the schedule up within it and reports only
  // the missing partnership (app/services/change_schedule.rb, validate_school_cohort_exists). An unknown
  // schedule is not a validation error there at all (see changeScheduleParticipant).
  if (record.trainingStatus === 'withdrawn') errors.add('participant_id', MESSAGES.withdrawnParticipant);

  const frozenMove = target ? await isFrozenCohortMove(tx, profile, current, target) : false;
  const declarations = await tx.declaration.findMany({
    where: { participantProfileId: profile.id, state: { in: ['submitted', 'eligible', 'payable', 'paid'] } },
    include: { cohort: true },
  });
  if (schedule && !frozenMove) {
    const checked = profile.cohortChangedAfterPaymentsFrozen ? declarations.filter((d) => !d.cohort.paymentsFrozenAt) : declarations;
    if (checked.some((d) => !fitsSchedule(d, schedule.milestones))) errors.add('schedule_identifier', MESSAGES.scheduleInvalidatesDeclaration);
  }
  if (schedule && schedule.id === profile.scheduleId && schedule.id === record.scheduleId) {
    errors.add('schedule_identifier', MESSAGES.scheduleAlreadyOnProfile);
  }
  if (schedule && schedule.type === 'mentor' && input.courseIdentifier !== 'ecf-mentor') {
    errors.add('schedule_identifier', MESSAGES.scheduleInvalidForCourse);
  }
  if (!frozenMove && declarations.length > 0 && current.startYear !== target?.startYear) errors.add('cohort', MESSAGES.cannotChangeCohort);

  const identifierOnly = target?.id === current.id && schedule?.id !== record.scheduleId;
  const partnership = target
    ? await tx.partnership.findFirst({
        where: {
          schoolId: programme.schoolCohort.schoolId,
          cohortId: target.id,
          leadProviderId: scope.leadProviderId,
          ...UNCHALLENGED_PARTNERSHIP,
          pending: false,
          ...(identifierOnly ? {} : { relationship: false }),
        },
        orderBy: [{ relationship: 'asc' }, { createdAt: 'asc' }],
      })
    : null;
  if (!partnership) errors.add('cohort', MESSAGES.noPartnershipForCohort);
  return target && schedule && partnership ? { current, target, schedule, partnership, frozenMove } : null;
}

const findSchedule = (tx: Tx, cohort: Cohort | null, identifier: string | undefined) =>
  cohort && identifier
    ? tx.schedule.findFirst({
        where: { cohortId: cohort.id, OR: [{ scheduleIdentifier: identifier }, { identifierAlias: identifier }] },
        include: { milestones: true },
        orderBy: { createdAt: 'asc' },
      })
    : null;

/**
 * The participant holds the course but has no induction record with this provider: the DfE reports that and
 * still judges the schedule against the profile's own, and finds no partnership for a school it cannot see
 * (app/services/change_schedule.rb: each later validation needs only the profile).
 */
async function judgeWithoutInductionRecord(tx: Tx, profile: ParticipantProfile, input: z.infer<typeof ChangeScheduleInput>, errors: FieldErrors): Promise<void> {
  const startYear = input.cohort ? cohortStartYearOf(input.cohort) : undefined;
  const target = startYear === undefined
    ? (await tx.schedule.findUniqueOrThrow({ where: { id: profile.scheduleId }, include: { cohort: true } })).cohort
    : startYear === null ? null : await tx.cohort.findUnique({ where: { startYear } });
  const schedule = await findSchedule(tx, target, input.scheduleIdentifier);
  if (schedule) {
    const declarations = await tx.declaration.findMany({
      where: { participantProfileId: profile.id, state: { in: ['submitted', 'eligible', 'payable', 'paid'] } },
      include: { cohort: true },
    });
    const checked = profile.cohortChangedAfterPaymentsFrozen ? declarations.filter((d) => !d.cohort.paymentsFrozenAt) : declarations;
    if (checked.some((d) => !fitsSchedule(d, schedule.milestones))) errors.add('schedule_identifier', MESSAGES.scheduleInvalidatesDeclaration);
    if (schedule.id === profile.scheduleId) errors.add('schedule_identifier', MESSAGES.scheduleAlreadyOnProfile);
    if (schedule.type === 'mentor' && input.courseIdentifier !== 'ecf-mentor') errors.add('schedule_identifier', MESSAGES.scheduleInvalidForCourse);
  }
  errors.add('cohort', MESSAGES.noPartnershipForCohort);
}

/** A declaration still fits when it falls after its milestone's start and by the end of its milestone date. */
function fitsSchedule(declaration: Declaration, milestones: { declarationType: string; startDate: Date; milestoneDate: Date | null }[]): boolean {
  const milestone = milestones.find((m) => m.declarationType === declaration.declarationType);
  if (!milestone) return false;
  if (declaration.declarationDate <= startOfDay(milestone.startDate)) return false;
  return !milestone.milestoneDate || declaration.declarationDate.getTime() < startOfDay(milestone.milestoneDate).getTime() + DAY;
}

async function applyChange(tx: Tx, ctx: ActorContext, scope: ProviderScope, { profile, record }: ParticipantForAction, plan: Plan): Promise<ParticipantProfile> {
  const programme = await tx.inductionProgramme.findUniqueOrThrow({ where: { id: record.inductionProgrammeId }, include: { schoolCohort: true } });
  const targetSchoolCohort = await tx.schoolCohort.findUnique({
    where: { schoolId_cohortId: { schoolId: programme.schoolCohort.schoolId, cohortId: plan.target.id } },
  });
  const inductionProgrammeId = plan.partnership.relationship ? record.inductionProgrammeId : targetSchoolCohort?.defaultInductionProgrammeId;
  if (!targetSchoolCohort || !inductionProgrammeId) {
    const errors = new FieldErrors();
    errors.add('cohort', MESSAGES.noPartnershipForCohort);
    errors.throwIfAny();
  }
  const cohortChanged = plan.current.id !== plan.target.id;
  const updated = await tx.participantProfile.update({
    where: { id: profile.id },
    data: {
      scheduleId: plan.schedule.id,
      cohortId: plan.schedule.cohortId,
      schoolCohortId: targetSchoolCohort!.id,
      ...(cohortChanged && plan.frozenMove ? { cohortChangedAfterPaymentsFrozen: !profile.cohortChangedAfterPaymentsFrozen } : {}),
    },
  });
  await changeInductionRecord(tx, record, { scheduleId: plan.schedule.id, inductionProgrammeId: inductionProgrammeId! });
  await recordAudit(tx, ctx, auditEvents.participantScheduleChanged({
    subjectId: profile.id,
    before: { scheduleId: profile.scheduleId, cohortId: profile.cohortId, schoolCohortId: profile.schoolCohortId },
    after: { scheduleId: updated.scheduleId, cohortId: updated.cohortId, schoolCohortId: updated.schoolCohortId, leadProviderId: scope.leadProviderId },
  }));
  return updated;
}
