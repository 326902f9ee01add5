// A lead provider declares a participant reached a milestone (POST /api/v3/participant-declarations).
// Checks run in the DfE's order (RecordDeclaration) and all problems are returned together. A fundable
// declaration becomes eligible and goes on the provider's next output-fee statement; one the same person
// (same TRN) already has under another identity becomes ineligible as a duplicate.
import { z } from 'zod';
import { Prisma, type Cohort, type CourseIdentifier, type Declaration, type DeclarationType, type ParticipantProfile, type Teacher } from '@prisma/client';
import { db, type Tx } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { ActionError } from '../errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { isUuid, LenientText } from '../partnerships/lenient-input.js';
import { FieldErrors } from '../participants/lead-provider/field-errors.js';
import { latestInductionRecordFor } from '../../rules/latest-induction-record.js';
import { MESSAGES, withdrawnBeforeDeclaration } from '../participants/lead-provider/messages.js';
import { providerScope, type ProviderScope } from '../participants/lead-provider/provider-scope.js';
import { activeProfileFor, findTeacher } from '../participants/lead-provider/resolve-participant.js';
import { attachDeclarationToStatement } from '../statements/attach-declaration-to-statement.js';
import { findNextOutputFeeStatement, fundingContractEndedMessage } from '../statements/next-output-fee-statement.js';
import { readDeclarationDate, rfc3339Seconds, startOfNextUtcDay, startOfUtcDay } from './declaration-date.js';
import { courseIdentifierToApi, declarationTypeFromApi, declarationTypeToApi } from './declaration-vocabulary.js';
import { judgeEvidenceHeld } from './evidence-held.js';
import { refreshMentorCompletion } from './mentor-completion.js';
import { auditEvents } from '../audit/events.js';

export const RecordDeclarationInput = z.object({
  participantId: LenientText,
  declarationType: LenientText,
  declarationDate: LenientText,
  courseIdentifier: LenientText,
  evidenceHeld: LenientText,
  /** Jobs and seeds name the provider; API callers are their own. */
  leadProviderId: LenientText,
});
type Input = z.infer<typeof RecordDeclarationInput>;

const CLAIMED_STATES = ['submitted', 'eligible', 'payable', 'paid'] as const;

export async function recordDeclaration(ctx: ActorContext, raw: unknown): Promise<Declaration> {
  const input = RecordDeclarationInput.parse(raw);
  if (ctx.actor.kind === 'user') throw new ActionError('FORBIDDEN', 'Only lead providers submit declarations.');
  const scope = await providerScope(ctx, 'participants.edit', isUuid(input.leadProviderId) ? input.leadProviderId : undefined);
  const now = new Date();
  return db().$transaction(async (tx) => {
    const checked = await check(tx, scope, input, now);
    return record(tx, ctx, scope, checked, now);
  });
}

interface Checked {
  teacher: Teacher;
  profile: ParticipantProfile;
  cohort: Cohort;
  declarationType: DeclarationType;
  declarationDate: Date;
  evidenceHeld: string | null;
  fundable: boolean;
  /** Who trained the participant on the declaration date, as the resubmission check read it. */
  training: Training;
}

async function check(tx: Tx, scope: ProviderScope, input: Input, now: Date): Promise<Checked> {
  const errors = new FieldErrors();
  // The DfE refuses an NPQ course before validating and halts there (app/services/record_declaration.rb:
  // a before_validation callback that throws :abort), so it is the only error reported.
  if (input.courseIdentifier?.startsWith('npq-')) {
    errors.add('course_identifier', MESSAGES.npqNoLongerSupported);
    errors.throwIfAny();
  }
  const teacher = await findTeacher(tx, scope, input.participantId);
  const profile = teacher ? await activeProfileFor(tx, teacher.id, input.courseIdentifier) : null;
  // Concurrent submissions for one participant queue here, so the duplicate check below sees the first.
  if (profile) await tx.$queryRaw`SELECT 1 FROM participant_profiles WHERE id = ${profile.id}::uuid FOR UPDATE`;
  const schedule = profile ? await tx.schedule.findUniqueOrThrow({ where: { id: profile.scheduleId }, include: { cohort: true } }) : null;
  const { date, rfc3339 } = readDeclarationDate(input.declarationDate);
  // Only the API's own spelling names a milestone ("retained-1"; the DfE finds no milestone for "retained_1").
  const parsedType = declarationTypeFromApi(input.declarationType);
  const declarationType = parsedType && declarationTypeToApi(parsedType) === input.declarationType ? parsedType : undefined;
  const milestone = schedule && declarationType
    ? await tx.milestone.findFirst({ where: { scheduleId: schedule.id, declarationType }, orderBy: { startDate: 'asc' } })
    : null;

  if (!teacher) errors.add('participant_id', MESSAGES.invalidParticipant);
  if (profile && date) {
    const withdrawnOn = await withdrawnBefore(tx, scope, profile, date);
    if (withdrawnOn) errors.add('participant_id', withdrawnBeforeDeclaration(rfc3339Seconds(withdrawnOn)));
  }
  if (!date) errors.add('declaration_date', MESSAGES.missingDeclarationDate);
  if (!input.declarationType) errors.add('declaration_type', MESSAGES.missingDeclarationType);
  if (date && date > now) errors.add('declaration_date', MESSAGES.futureDeclarationDate);
  // Judged on the text, so also when it reads as no time at all (declaration_date_validator.rb).
  if (input.declarationDate && !rfc3339) errors.add('declaration_date', MESSAGES.invalidDeclarationDate);
  if (date) {
    if (milestone && date < startOfUtcDay(milestone.startDate)) errors.add('declaration_date', MESSAGES.beforeMilestoneStart);
    if (milestone?.milestoneDate && date >= startOfNextUtcDay(milestone.milestoneDate)) errors.add('declaration_date', MESSAGES.afterMilestoneEnd);
  }
  const fundable = profile?.eligibilityStatus === 'eligible';
  // A statement must take the declaration when it will be paid: a resubmission is judged by the declaration it
  // repeats (none needed when that one is only submitted), a new one by whether the participant is fundable
  // (app/services/record_declaration.rb, output_fee_statement_available).
  const training = profile && date ? await trainingOn(tx, scope, profile, date) : null;
  const repeated = profile && declarationType && date && training
    ? await repeatedDeclaration(tx, scope, profile, declarationType, date, input.evidenceHeld, training)
    : null;
  const needsStatement = repeated ? repeated.state !== 'submitted' : fundable;
  if (profile && schedule && needsStatement && !(await findNextOutputFeeStatement(tx, { cpdLeadProviderId: scope.cpdLeadProviderId, cohortId: schedule.cohortId }, now))) {
    errors.add('cohort', fundingContractEndedMessage(schedule.cohort.startYear));
  }
  // No type finds no milestone either, so a blank type is both missing and not in the schedule (validate_milestone_exists).
  if (profile && !milestone) errors.add('declaration_type', MESSAGES.noMilestoneForType);
  if (profile && declarationType && (await alreadyClaimed(tx, profile, declarationType))) errors.add('base', MESSAGES.declarationAlreadyExists);
  // Anything but started or completed, a blank or unknown type included (validate_only_started_or_completed_if_mentor).
  if (profile?.type === 'mentor' && schedule?.cohort.mentorFunding && !['started', 'completed'].includes(input.declarationType ?? '')) {
    errors.add('declaration_type', MESSAGES.mentorRetainedNotAllowed);
  }
  if (!errors.any && !profile) errors.add('course_identifier', MESSAGES.invalidCourse);
  if (!errors.any && profile && !(await latestInductionRecordFor(tx, profile.id, { leadProviderId: scope.leadProviderId, scheduleId: profile.scheduleId }))) {
    errors.add('participant_id', MESSAGES.invalidParticipant);
  }
  let evidenceHeld: string | null = null;
  if (!errors.any && profile && schedule && declarationType) {
    const verdict = judgeEvidenceHeld(input.evidenceHeld, {
      participantType: profile.type,
      declarationType,
      detailedEvidenceTypes: schedule.cohort.detailedEvidenceTypes,
    });
    if (verdict.problem) errors.add('evidence_held', verdict.problem);
    evidenceHeld = verdict.evidenceHeld;
  }
  errors.throwIfAny();
  return { teacher: teacher!, profile: profile!, cohort: schedule!.cohort, declarationType: declarationType!, declarationDate: date!, evidenceHeld, fundable, training: training! };
}

/** When the provider withdrew the participant on or before the date and has not resumed them since it. */
async function withdrawnBefore(tx: Tx, scope: ProviderScope, profile: ParticipantProfile, date: Date): Promise<Date | null> {
  const latest = await tx.participantProfileState.findFirst({
    where: { participantProfileId: profile.id, cpdLeadProviderId: scope.cpdLeadProviderId },
    orderBy: { createdAt: 'desc' },
  });
  if (latest?.state !== 'withdrawn' || latest.createdAt > date) return null;
  const record = await latestInductionRecordFor(tx, profile.id, { leadProviderId: scope.leadProviderId, startedBy: date });
  return record?.trainingStatus === 'active' ? null : latest.createdAt;
}

/**
 * The provider's own declaration of exactly this event, submitted or billable: the same person, course, type,
 * date and evidence, with the delivery partner and mentor the participant had on that date.
 */
async function repeatedDeclaration(
  tx: Tx, scope: ProviderScope, profile: ParticipantProfile, declarationType: DeclarationType, date: Date, evidenceHeld: string | undefined,
  training: Training,
): Promise<Pick<Declaration, 'state'> | null> {
  return tx.declaration.findFirst({
    where: {
      participantProfileId: profile.id,
      teacherId: profile.teacherId,
      cpdLeadProviderId: scope.cpdLeadProviderId,
      courseIdentifier: courseOf(profile),
      declarationType,
      declarationDate: date,
      evidenceHeld: evidenceHeld ?? null,
      deliveryPartnerId: training.deliveryPartnerId,
      mentorTeacherId: training.mentorTeacherId,
      state: { in: [...CLAIMED_STATES] },
    },
    select: { state: true },
    orderBy: { createdAt: 'asc' },
  });
}

/** Who trained the participant with this provider on the date: the delivery partner, and an ECT's mentor. */
type Training = { deliveryPartnerId: string | null; mentorTeacherId: string | null };

async function trainingOn(tx: Tx, scope: ProviderScope, profile: ParticipantProfile, date: Date): Promise<Training> {
  const record = await latestInductionRecordFor(tx, profile.id, { leadProviderId: scope.leadProviderId, startedBy: date });
  const programme = record ? await tx.inductionProgramme.findUnique({ where: { id: record.inductionProgrammeId }, include: { partnership: true } }) : null;
  const mentor = profile.type === 'ect' && record?.mentorProfileId
    ? await tx.participantProfile.findUnique({ where: { id: record.mentorProfileId } })
    : null;
  return { deliveryPartnerId: programme?.partnership?.deliveryPartnerId ?? null, mentorTeacherId: mentor?.teacherId ?? null };
}

const courseOf = (profile: ParticipantProfile): CourseIdentifier => (profile.type === 'ect' ? 'ecf_induction' : 'ecf_mentor');

/** Any provider's claim on the same event for this person and course that is, or may be, paid. */
async function alreadyClaimed(tx: Tx, profile: ParticipantProfile, declarationType: DeclarationType): Promise<boolean> {
  const count = await tx.declaration.count({
    where: {
      teacherId: profile.teacherId,
      type: profile.type,
      courseIdentifier: courseOf(profile),
      declarationType,
      state: { in: [...CLAIMED_STATES] },
    },
  });
  return count > 0;
}

async function record(tx: Tx, ctx: ActorContext, scope: ProviderScope, checked: Checked, now: Date): Promise<Declaration> {
  const { teacher, profile, training } = checked;

  const declaration = await tx.declaration.create({
    data: {
      type: profile.type,
      participantProfileId: profile.id,
      teacherId: teacher.id,
      cpdLeadProviderId: scope.cpdLeadProviderId,
      cohortId: checked.cohort.id,
      deliveryPartnerId: training.deliveryPartnerId,
      mentorTeacherId: training.mentorTeacherId,
      declarationType: checked.declarationType,
      declarationDate: checked.declarationDate,
      courseIdentifier: courseOf(profile),
      evidenceHeld: checked.evidenceHeld,
      pupilPremiumUplift: profile.pupilPremiumUplift,
      sparsityUplift: profile.sparsityUplift,
      states: { create: { state: 'submitted' } },
    },
  });
  const judged = await judgeFunding(tx, declaration, teacher, checked.fundable);
  if (judged.state !== 'submitted') await attachDeclarationToStatement(tx, judged, now);
  if (profile.type === 'mentor' && judged.declarationType === 'completed') await refreshMentorCompletion(tx, profile.id, now);
  await recordAudit(tx, ctx, auditEvents.declarationSubmitted({
    subjectId: judged.id,
    after: {
      participantProfileId: profile.id,
      declarationType: judged.declarationType,
      declarationDate: judged.declarationDate,
      state: judged.state,
      cpdLeadProviderId: scope.cpdLeadProviderId,
    },
  }));
  return judged;
}

/** Ineligible as a duplicate of someone with the same TRN under another identity; else eligible when fundable. */
async function judgeFunding(tx: Tx, declaration: Declaration, teacher: Teacher, fundable: boolean): Promise<Declaration> {
  const original = teacher.trn
    ? (
        await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
          SELECT d.id FROM declarations d JOIN teachers t ON t.id = d."teacherId"
          WHERE t.trn = ${teacher.trn} AND d."teacherId" <> ${teacher.id}::uuid AND d.id <> ${declaration.id}::uuid
            AND d.state IN ('submitted', 'eligible', 'payable', 'paid') AND d."supersededById" IS NULL
            AND d."declarationType" = ${declarationTypeToApi(declaration.declarationType)}::"DeclarationType"
            AND d."courseIdentifier" = ${courseIdentifierToApi(declaration.courseIdentifier)}::"CourseIdentifier"
          ORDER BY d."createdAt" ASC LIMIT 1`)
      )[0]
    : undefined;
  if (original) {
    await tx.declarationStateChange.create({ data: { declarationId: declaration.id, state: 'ineligible', stateReason: 'duplicate' } });
    return tx.declaration.update({ where: { id: declaration.id }, data: { state: 'ineligible', supersededById: original.id } });
  }
  if (!fundable) return declaration;
  await tx.declarationStateChange.create({ data: { declarationId: declaration.id, state: 'eligible' } });
  return tx.declaration.update({ where: { id: declaration.id }, data: { state: 'eligible' } });
}
