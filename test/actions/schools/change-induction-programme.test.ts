import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { db } from '../../../src/db/client.js';
import type { ActorContext } from '../../../src/actions/actor.js';
import { ActionError, asActionError } from '../../../src/actions/errors.js';
import {
  changeInductionProgramme, CIP_ONLY_NO_FIP, ELIGIBLE_NO_SCHOOL_FUNDED, PARTNERED_SCHOOL, programmeChoicesFor, PROGRAMME_CHOICE_REQUIRED, SAME_PROGRAMME,
} from '../../../src/actions/schools/change-induction-programme.js';
import {
  createParticipant, createParticipantWorld, createSchool, createSchoolCohort, userContext, type ParticipantWorld,
} from '../../support/factories.js';

const support = userContext('support');
const reason = 'School emailed to say they changed their mind';

/** A 2024 school cohort whose partnership the school has challenged, so its programme may change. */
async function unpartneredWorld(): Promise<ParticipantWorld> {
  const world = await createParticipantWorld(2024);
  await db().partnership.update({ where: { id: world.partnership.id }, data: { challengedAt: new Date(), challengeReason: 'mistake' } });
  return world;
}

async function snapshot() {
  const d = db();
  return Promise.all([
    d.schoolCohort.findMany({ orderBy: { id: 'asc' } }),
    d.inductionProgramme.count(),
    d.inductionRecord.findMany({ orderBy: { id: 'asc' } }),
    d.auditEvent.count(),
  ]);
}

async function refusal(ctx: ActorContext, body: unknown): Promise<ActionError> {
  const before = await snapshot();
  const error = await changeInductionProgramme(ctx, body).then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e);
  expect(asActionError(error)).toBeInstanceOf(ActionError);
  expect(await snapshot()).toEqual(before);
  return asActionError(error)!;
}

describe('changeInductionProgramme', () => {
  it('moves a school off provider-led training: a DfE-materials programme becomes the default and active participants move to it', async () => {
    const world = await unpartneredWorld();
    const training = await createParticipant(world);
    const starting = await createParticipant(world, { startDate: new Date(Date.now() + 30 * 86_400_000) });

    const { schoolCohort, movedInductionRecords } = await changeInductionProgramme(support, {
      schoolCohortId: world.schoolCohort.id, programmeChoice: 'core_induction_programme', reason,
    });

    expect(movedInductionRecords).toBe(2);
    const programme = await db().inductionProgramme.findUniqueOrThrow({ where: { id: schoolCohort.defaultInductionProgrammeId! } });
    expect(programme).toMatchObject({ schoolCohortId: world.schoolCohort.id, trainingProgramme: 'core_induction_programme', partnershipId: null });
    expect(schoolCohort).toMatchObject({ inductionProgrammeChoice: 'core_induction_programme', optOutOfUpdates: false });
    // A record that has started closes as changed and continues on the new programme; a future one is re-pointed.
    const history = await db().inductionRecord.findMany({ where: { participantProfileId: training.profile.id }, orderBy: { createdAt: 'asc' } });
    expect(history.map((r) => [r.inductionProgrammeId, r.inductionStatus, r.endDate === null])).toEqual([
      [world.programme.id, 'changed', false],
      [programme.id, 'active', true],
    ]);
    expect(await db().inductionRecord.findMany({ where: { participantProfileId: starting.profile.id } })).toEqual([
      expect.objectContaining({ id: starting.inductionRecord.id, inductionProgrammeId: programme.id, inductionStatus: 'active' }),
    ]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectType: 'SchoolCohort', subjectId: world.schoolCohort.id } });
    expect(audit).toMatchObject({ action: 'school_cohort.induction_programme_changed', actorType: 'user', reason });
    expect(audit.before).toEqual({ inductionProgrammeChoice: 'full_induction_programme', defaultInductionProgrammeId: world.programme.id, optOutOfUpdates: false });
    expect(audit.after).toMatchObject({ inductionProgrammeChoice: 'core_induction_programme', label: 'DfE-accredited materials', movedInductionRecords: 2 });
  });

  it('moves a school onto provider-led training through its active partnership', async () => {
    const world = await createParticipantWorld(2024);
    // The school had chosen its own programme before the provider reported the partnership.
    const own = await db().inductionProgramme.create({ data: { schoolCohortId: world.schoolCohort.id, trainingProgramme: 'design_our_own' } });
    await db().schoolCohort.update({ where: { id: world.schoolCohort.id }, data: { inductionProgrammeChoice: 'design_our_own', defaultInductionProgrammeId: own.id } });
    await db().inductionProgramme.delete({ where: { id: world.programme.id } });
    const participant = await createParticipant({ ...world, programme: own });

    const { schoolCohort } = await changeInductionProgramme(support, { schoolCohortId: world.schoolCohort.id, programmeChoice: 'full_induction_programme', reason });

    const fip = await db().inductionProgramme.findUniqueOrThrow({ where: { id: schoolCohort.defaultInductionProgrammeId! } });
    expect(fip).toMatchObject({ trainingProgramme: 'full_induction_programme', partnershipId: world.partnership.id });
    expect(await db().inductionRecord.count({ where: { participantProfileId: participant.profile.id, inductionProgrammeId: fip.id, inductionStatus: 'active' } })).toBe(1);
  });

  it('marks a school with no ECTs: no default programme, opted out of updates, participants left where they are', async () => {
    const world = await unpartneredWorld();
    const participant = await createParticipant(world);
    const { schoolCohort, movedInductionRecords } = await changeInductionProgramme(support, {
      schoolCohortId: world.schoolCohort.id, programmeChoice: 'no_early_career_teachers', reason,
    });
    expect(schoolCohort).toMatchObject({ inductionProgrammeChoice: 'no_early_career_teachers', defaultInductionProgrammeId: null, optOutOfUpdates: true });
    expect(movedInductionRecords).toBe(0);
    expect(await db().inductionRecord.findMany({ where: { participantProfileId: participant.profile.id } })).toEqual([participant.inductionRecord]);
  });

  it('goes back to a programme of the same type rather than making another', async () => {
    const world = await unpartneredWorld();
    await createParticipant(world);
    const first = await changeInductionProgramme(support, { schoolCohortId: world.schoolCohort.id, programmeChoice: 'core_induction_programme', reason });
    await changeInductionProgramme(support, { schoolCohortId: world.schoolCohort.id, programmeChoice: 'design_our_own', reason });
    const back = await changeInductionProgramme(support, { schoolCohortId: world.schoolCohort.id, programmeChoice: 'core_induction_programme', reason });
    expect(back.schoolCohort.defaultInductionProgrammeId).toBe(first.schoolCohort.defaultInductionProgrammeId);
    expect(back.movedInductionRecords).toBe(1);
    expect(await db().inductionProgramme.count({ where: { schoolCohortId: world.schoolCohort.id } })).toBe(3);
  });

  it('refuses while the school is partnered for the cohort, writing nothing', async () => {
    const world = await createParticipantWorld(2024);
    await createParticipant(world);
    const error = await refusal(support, { schoolCohortId: world.schoolCohort.id, programmeChoice: 'core_induction_programme', reason });
    expect(error).toMatchObject({ code: 'INVALID_STATE', message: PARTNERED_SCHOOL });
  });

  it("offers and accepts only the school's choices: no DfE-funded provider for a CIP-only school, no school-funded one for an eligible school", async () => {
    const world = await unpartneredWorld();
    const independent = await createSchool({ schoolTypeCode: 11, schoolTypeName: 'Other independent school' });
    const cipOnly = await createSchoolCohort(independent, world.cohort, { inductionProgrammeChoice: 'core_induction_programme' });

    expect(programmeChoicesFor(world.school, 'full_induction_programme')).toEqual(['core_induction_programme', 'design_our_own', 'no_early_career_teachers']);
    expect(programmeChoicesFor(independent, 'core_induction_programme')).toEqual(['design_our_own', 'school_funded_fip', 'no_early_career_teachers']);
    const field = async (body: Record<string, unknown>) => (await refusal(support, { reason, ...body })).fieldErrors;
    expect(await field({ schoolCohortId: cipOnly.id, programmeChoice: 'full_induction_programme' })).toEqual([{ field: 'programmeChoice', message: CIP_ONLY_NO_FIP }]);
    expect(await field({ schoolCohortId: world.schoolCohort.id, programmeChoice: 'school_funded_fip' })).toEqual([{ field: 'programmeChoice', message: ELIGIBLE_NO_SCHOOL_FUNDED }]);
    expect(await field({ schoolCohortId: world.schoolCohort.id, programmeChoice: 'full_induction_programme' })).toEqual([{ field: 'programmeChoice', message: SAME_PROGRAMME }]);
    await expect(changeInductionProgramme(support, { schoolCohortId: cipOnly.id, programmeChoice: 'school_funded_fip', reason })).resolves.toMatchObject({
      schoolCohort: { inductionProgrammeChoice: 'school_funded_fip' },
    });
  });

  it('refuses a missing choice or reason, an unknown school cohort, and roles without partnerships.edit', async () => {
    const world = await unpartneredWorld();
    const input = { schoolCohortId: world.schoolCohort.id, programmeChoice: 'core_induction_programme', reason };
    expect((await refusal(support, { ...input, programmeChoice: undefined })).fieldErrors).toEqual([{ field: 'programmeChoice', message: PROGRAMME_CHOICE_REQUIRED }]);
    expect((await refusal(support, { ...input, programmeChoice: 'not_yet_known' })).fieldErrors).toEqual([{ field: 'programmeChoice', message: PROGRAMME_CHOICE_REQUIRED }]);
    expect((await refusal(support, { ...input, reason: '' })).fieldErrors).toEqual([{ field: 'reason', message: 'Give a reason for this change' }]);
    expect(await refusal(support, { ...input, schoolCohortId: randomUUID() })).toMatchObject({ code: 'NOT_FOUND' });
    for (const role of ['finance', 'policy'] as const) {
      expect(await refusal(userContext(role), input)).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
