// Admin › school › Cohorts › Change induction programme (the DfE's Induction::ChangeCohortInductionProgramme):
// the school cohort's programme choice changes, a default induction programme of that type is chosen (or made),
// and participants training on the old default continue on the new one. A partnered school cannot change: the
// partnership has to be challenged first.
import { z } from 'zod';
import { Prisma, type InductionProgramme, type InductionProgrammeChoice, type Partnership, type School, type SchoolCohort, type TrainingProgramme } from '@prisma/client';
import { db, type Tx } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError, notFound } from '../errors.js';
import { Id, Reason } from '../zod.js';
import { PROGRAMME_CHOICE_LABELS, partnershipState } from '../partnerships/find-school-cohorts.js';
import { moveActiveInductionRecords } from '../partnerships/induction-records.js';
import { UNCHALLENGED_PARTNERSHIP } from '../../rules/unchallenged-partnership.js';
import { isCipOnlySchool } from './eligibility.js';
import { isTrainingProgramme } from './training-programmes.js';
import { auditEvents } from '../audit/events.js';

/** What an admin may change a school cohort to ("not yet known" is where schools start, not a choice). */
export const CHANGEABLE_CHOICES = [
  'full_induction_programme', 'core_induction_programme', 'design_our_own', 'school_funded_fip', 'no_early_career_teachers',
] as const satisfies readonly InductionProgrammeChoice[];

export const PROGRAMME_CHOICE_REQUIRED = 'Select how you want to run your training';
export const SAME_PROGRAMME = 'The school already has this induction programme: choose a different one';
export const PARTNERED_SCHOOL =
  'The induction programme cannot be changed while the school is in a partnership with a training provider for this cohort. Challenge the partnership first.';
export const CIP_ONLY_NO_FIP = 'This school cannot use a training provider funded by the DfE: it is not eligible for DfE-funded training';
export const ELIGIBLE_NO_SCHOOL_FUNDED =
  'This school is eligible for DfE-funded training: choose "Use a training provider funded by the DfE" instead';

export const ChangeInductionProgrammeInput = z.object({
  schoolCohortId: Id,
  programmeChoice: z.enum(CHANGEABLE_CHOICES, { error: PROGRAMME_CHOICE_REQUIRED }),
  reason: Reason,
});

/** The choices offered for a school cohort, as the DfE offers them: a CIP-only school cannot have DfE-funded providers. */
export function programmeChoicesFor(school: School, current: InductionProgrammeChoice): InductionProgrammeChoice[] {
  const excluded: InductionProgrammeChoice = isCipOnlySchool(school) ? 'full_induction_programme' : 'school_funded_fip';
  return CHANGEABLE_CHOICES.filter((choice) => choice !== excluded && choice !== current);
}

function choiceProblem(school: School, current: InductionProgrammeChoice, choice: InductionProgrammeChoice): string | null {
  if (choice === current) return SAME_PROGRAMME;
  if (programmeChoicesFor(school, current).includes(choice)) return null;
  return choice === 'full_induction_programme' ? CIP_ONLY_NO_FIP : ELIGIBLE_NO_SCHOOL_FUNDED;
}

/** Partnered = its default programme is provider-led through an active partnership (not challenged, not pending). */
export function isPartnered(defaultProgramme: (InductionProgramme & { partnership: Partnership | null }) | null): boolean {
  return defaultProgramme?.trainingProgramme === 'full_induction_programme' && defaultProgramme.partnership !== null
    && partnershipState(defaultProgramme.partnership) === 'active';
}

/** The school cohort's programme of that type to make its default: an existing one, else a new one. */
async function programmeFor(tx: Tx, schoolCohort: SchoolCohort, trainingProgramme: TrainingProgramme): Promise<InductionProgramme> {
  // Provider-led training runs through the school's active partnership for the cohort, when it has one.
  const partnership = trainingProgramme === 'full_induction_programme'
    ? await tx.partnership.findFirst({
        where: { schoolId: schoolCohort.schoolId, cohortId: schoolCohort.cohortId, relationship: false, pending: false, ...UNCHALLENGED_PARTNERSHIP },
        orderBy: { createdAt: 'asc' },
      })
    : null;
  const partnershipId = partnership?.id ?? null;
  const existing = await tx.inductionProgramme.findFirst({
    where: { schoolCohortId: schoolCohort.id, trainingProgramme, ...(trainingProgramme === 'full_induction_programme' ? { partnershipId } : {}) },
    orderBy: { createdAt: 'desc' },
  });
  return existing ?? tx.inductionProgramme.create({ data: { schoolCohortId: schoolCohort.id, trainingProgramme, partnershipId } });
}

export interface InductionProgrammeChange {
  schoolCohort: SchoolCohort;
  movedInductionRecords: number;
}

export async function changeInductionProgramme(ctx: ActorContext, raw: unknown): Promise<InductionProgrammeChange> {
  const { schoolCohortId, programmeChoice, reason } = ChangeInductionProgrammeInput.parse(raw);
  requirePermission(ctx, 'partnerships.edit');
  return db().$transaction(async (tx) => {
    await tx.$queryRaw(Prisma.sql`SELECT id FROM school_cohorts WHERE id = ${schoolCohortId}::uuid FOR UPDATE`);
    const schoolCohort = await tx.schoolCohort.findUnique({ where: { id: schoolCohortId }, include: { school: true, defaultInductionProgramme: { include: { partnership: true } } } });
    if (!schoolCohort) throw notFound('School cohort');
    const { school, defaultInductionProgramme: previous, ...before } = schoolCohort;

    const problem = choiceProblem(school, before.inductionProgrammeChoice, programmeChoice);
    if (problem) throw new ActionError('INVALID_INPUT', problem, [{ field: 'programmeChoice', message: problem }]);
    if (isPartnered(previous)) throw new ActionError('INVALID_STATE', PARTNERED_SCHOOL, [{ field: 'programmeChoice', message: PARTNERED_SCHOOL }]);

    const now = new Date();
    const target = isTrainingProgramme(programmeChoice) ? await programmeFor(tx, before, programmeChoice) : null;
    // As the DfE does: without a programme (no ECTs) participants stay where they are.
    const movedInductionRecords = target && previous && previous.id !== target.id ? await moveActiveInductionRecords(tx, previous.id, target.id, now) : 0;
    const after = {
      inductionProgrammeChoice: programmeChoice,
      defaultInductionProgrammeId: target?.id ?? null,
      optOutOfUpdates: programmeChoice === 'no_early_career_teachers',
    };
    const updated = await tx.schoolCohort.update({ where: { id: schoolCohortId }, data: after });
    await recordAudit(tx, ctx, auditEvents.schoolCohortInductionProgrammeChanged({
      subjectId: schoolCohortId,
      before: {
        inductionProgrammeChoice: before.inductionProgrammeChoice,
        defaultInductionProgrammeId: before.defaultInductionProgrammeId,
        optOutOfUpdates: before.optOutOfUpdates,
      },
      after: { ...after, label: PROGRAMME_CHOICE_LABELS[programmeChoice], movedInductionRecords },
      reason,
    }));
    return { schoolCohort: updated, movedInductionRecords };
  });
}
