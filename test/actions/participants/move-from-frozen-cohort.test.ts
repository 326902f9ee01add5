import { describe, expect, it } from '@jest/globals';
import type { Role } from '@prisma/client';
import { db } from '../../../src/db/client.js';
import { moveFromFrozenCohort } from '../../../src/actions/participants/move-from-frozen-cohort.js';
import {
  createCohort, createDeclaration, createParticipant, createParticipantWorld, createProviderRelationship, createSchedule, createSchoolCohort, createStatement,
  userContext,
} from '../../support/factories.js';
import { frozenCohortWorld } from './move-from-frozen-cohort-world.js';

const superUser = userContext('super_user');
const reason = 'Continuing training after the 2021 cohort was frozen';

/** Everything a move could touch, to prove a refusal wrote nothing. */
async function snapshot(participantProfileId: string) {
  return {
    profile: await db().participantProfile.findUniqueOrThrow({ where: { id: participantProfileId } }),
    inductionRecords: await db().inductionRecord.findMany({ where: { participantProfileId }, orderBy: { createdAt: 'asc' } }),
    declarations: await db().declaration.findMany({ where: { participantProfileId }, include: { lineItems: true } }),
    auditEvents: await db().auditEvent.count({ where: { subjectId: participantProfileId } }),
  };
}

async function expectRefusedWithNothingWritten(participantProfileId: string, message: string, input: { force?: boolean } = {}) {
  const before = await snapshot(participantProfileId);
  await expect(moveFromFrozenCohort(superUser, { participantProfileId, reason, ...input })).rejects.toMatchObject({ code: 'INVALID_STATE', message });
  expect(await snapshot(participantProfileId)).toEqual(before);
}

describe('moveFromFrozenCohort', () => {
  it('moves an unfinished participant with a billable declaration onto the 2024 extended schedule, leaving declarations where they were', async () => {
    const { source, target, extended } = await frozenCohortWorld();
    const participant = await createParticipant(source, { fullName: 'Ada Lovelace' });
    const statement = await createStatement(source.leadProvider, source.cohort);
    const declaration = await createDeclaration(participant, source.leadProvider, { statement, state: 'paid' });
    const startedAt = new Date();

    const result = await moveFromFrozenCohort(superUser, { participantProfileId: participant.profile.id, reason });

    expect(result).toMatchObject({ outcome: 'moved', message: "Ada Lovelace's cohort was changed to 2024" });
    const oldRecord = await db().inductionRecord.findUniqueOrThrow({ where: { id: participant.inductionRecord.id } });
    expect(oldRecord.inductionStatus).toBe('changed');
    expect(oldRecord.endDate!.getTime()).toBeGreaterThanOrEqual(startedAt.getTime());
    const newRecord = await db().inductionRecord.findUniqueOrThrow({ where: { id: result.inductionRecordId } });
    expect(newRecord).toMatchObject({
      inductionProgrammeId: target.programme.id,
      scheduleId: extended!.id,
      inductionStatus: 'active',
      endDate: null,
      startDate: oldRecord.endDate,
    });
    expect(await db().participantProfile.findUniqueOrThrow({ where: { id: participant.profile.id } })).toMatchObject({
      schoolCohortId: target.schoolCohort.id,
      scheduleId: extended!.id,
      cohortId: target.cohort.id,
      cohortChangedAfterPaymentsFrozen: true,
    });
    const after = await db().declaration.findUniqueOrThrow({ where: { id: declaration.id }, include: { lineItems: true } });
    expect(after).toMatchObject({ cohortId: source.cohort.id, state: 'paid', updatedAt: declaration.updatedAt });
    expect(after.lineItems).toEqual([expect.objectContaining({ statementId: statement.id, state: 'paid' })]);

    const events = await db().auditEvent.findMany({ where: { subjectId: participant.profile.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'participant.moved_from_frozen_cohort',
      subjectType: 'ParticipantProfile',
      actorLabel: 'super_user@example.com',
      reason,
      before: expect.objectContaining({ cohortStartYear: 2021, scheduleIdentifier: 'ecf-standard-september', cohortChangedAfterPaymentsFrozen: false }),
      after: expect.objectContaining({ cohortStartYear: 2024, scheduleIdentifier: 'ecf-extended-september', cohortChangedAfterPaymentsFrozen: true, inductionRecordId: newRecord.id }),
    });
  });

  it('moves a mentor with a billable declaration the same way', async () => {
    const { source, extended } = await frozenCohortWorld();
    const mentor = await createParticipant(source, { type: 'mentor' });
    await createDeclaration(mentor, source.leadProvider, { state: 'eligible' });
    await moveFromFrozenCohort(superUser, { participantProfileId: mentor.profile.id, reason });
    expect(await db().participantProfile.findUniqueOrThrow({ where: { id: mentor.profile.id } })).toMatchObject({
      scheduleId: extended!.id,
      cohortChangedAfterPaymentsFrozen: true,
    });
  });

  it('moves someone with no billable declarations only when forced, without the frozen-payments flag', async () => {
    const { source, target, extended } = await frozenCohortWorld();
    const participant = await createParticipant(source);
    await createDeclaration(participant, source.leadProvider, { state: 'submitted' });
    await createDeclaration(participant, source.leadProvider, { state: 'voided', declarationType: 'retained_1' });

    await expectRefusedWithNothingWritten(participant.profile.id, 'Participant not eligible to be transferred from their current cohort');
    const result = await moveFromFrozenCohort(superUser, { participantProfileId: participant.profile.id, force: true, reason });

    expect(result.outcome).toBe('moved');
    expect(await db().participantProfile.findUniqueOrThrow({ where: { id: participant.profile.id } })).toMatchObject({
      schoolCohortId: target.schoolCohort.id,
      scheduleId: extended!.id,
      cohortChangedAfterPaymentsFrozen: false,
    });
    expect((await db().auditEvent.findFirstOrThrow({ where: { subjectId: participant.profile.id } })).after).toMatchObject({ forced: true });
  });

  it('does nothing, and says so, for someone already moved', async () => {
    const { source } = await frozenCohortWorld();
    const participant = await createParticipant(source, { fullName: 'Grace Hopper' });
    await createDeclaration(participant, source.leadProvider);
    await moveFromFrozenCohort(superUser, { participantProfileId: participant.profile.id, reason });
    const before = await snapshot(participant.profile.id);

    const again = await moveFromFrozenCohort(superUser, { participantProfileId: participant.profile.id, reason });

    expect(again).toEqual({ outcome: 'unchanged', participantProfileId: participant.profile.id, message: 'Grace Hopper is already in the 2024 cohort' });
    expect(await snapshot(participant.profile.id)).toEqual(before);
  });

  it('edits a future-dated induction record in place instead of closing it', async () => {
    const { source, target, extended } = await frozenCohortWorld();
    const participant = await createParticipant(source, { startDate: new Date(Date.now() + 30 * 86_400_000) });
    await createDeclaration(participant, source.leadProvider);
    const result = await moveFromFrozenCohort(superUser, { participantProfileId: participant.profile.id, reason });
    expect(result.inductionRecordId).toBe(participant.inductionRecord.id);
    expect(await db().inductionRecord.findMany({ where: { participantProfileId: participant.profile.id } })).toEqual([
      expect.objectContaining({ inductionProgrammeId: target.programme.id, scheduleId: extended!.id, inductionStatus: 'active' }),
    ]);
  });

  describe('refusals, in the DfE words, writing nothing', () => {
    it('notes on the profile', async () => {
      const { source } = await frozenCohortWorld();
      const participant = await createParticipant(source, { profile: { notes: 'Do not move: awaiting TRA decision' } });
      await createDeclaration(participant, source.leadProvider);
      await expectRefusedWithNothingWritten(participant.profile.id, 'The participant has notes that block a cohort change');
    });

    it('a finished ECT, even when forced', async () => {
      const { source } = await frozenCohortWorld();
      const participant = await createParticipant(source, { profile: { inductionCompletionDate: new Date('2023-07-20') } });
      await createDeclaration(participant, source.leadProvider);
      await expectRefusedWithNothingWritten(participant.profile.id, 'Participant not eligible to be transferred from their current cohort', { force: true });
    });

    it('a mentor who completed their training, even when forced', async () => {
      const { source } = await frozenCohortWorld();
      const mentor = await createParticipant(source, { type: 'mentor', profile: { mentorCompletionDate: new Date('2023-07-20'), mentorCompletionReason: 'completed_declaration_received' } });
      await createDeclaration(mentor, source.leadProvider);
      await expectRefusedWithNothingWritten(mentor.profile.id, 'Participant not eligible to be transferred from their current cohort', { force: true });
    });

    it('a billable completed declaration (paid for finishing)', async () => {
      const { source } = await frozenCohortWorld();
      const participant = await createParticipant(source);
      await createDeclaration(participant, source.leadProvider, { state: 'paid' });
      await createDeclaration(participant, source.leadProvider, { state: 'payable', declarationType: 'completed' });
      await expectRefusedWithNothingWritten(participant.profile.id, 'Participant not eligible to be transferred from their current cohort', { force: true });
    });

    it('a cohort whose payments are not frozen', async () => {
      const { source: frozen } = await frozenCohortWorld();
      const open = await createParticipantWorld(2022, { cohort: await createCohort(2022), school: frozen.school });
      const participant = await createParticipant(open);
      await createDeclaration(participant, open.leadProvider);
      await expectRefusedWithNothingWritten(participant.profile.id, 'Participant not eligible to be transferred from their current cohort', { force: true });
    });

    it('no current induction record on the frozen cohort', async () => {
      const { source } = await frozenCohortWorld();
      const participant = await createParticipant(source);
      await createDeclaration(participant, source.leadProvider);
      await db().inductionRecord.update({ where: { id: participant.inductionRecord.id }, data: { inductionStatus: 'changed', endDate: new Date('2023-01-01') } });
      await expectRefusedWithNothingWritten(participant.profile.id, 'No induction record for the participant on the cohort starting on 2021');
    });

    it('the school has not set up the 2024 cohort: the move sets it up as the DfE does (full induction programme, last year\'s providers)', async () => {
      const source = await createParticipantWorld(2021, { cohort: await createCohort(2021, { paymentsFrozenAt: new Date('2024-04-03') }) });
      const cohort2024 = await createCohort(2024);
      await createSchedule(cohort2024, 'ecf-extended-september');
      const lastYear = await createParticipantWorld(2023, { school: source.school });
      await createProviderRelationship(lastYear.leadProvider, lastYear.deliveryPartner, cohort2024);
      const participant = await createParticipant(source);
      await createDeclaration(participant, source.leadProvider);
      const result = await moveFromFrozenCohort(superUser, { participantProfileId: participant.profile.id, reason });
      expect(result).toMatchObject({ outcome: 'moved' });
      const schoolCohort = await db().schoolCohort.findUniqueOrThrow({
        where: { schoolId_cohortId: { schoolId: source.school.id, cohortId: cohort2024.id } },
        include: { defaultInductionProgramme: { include: { partnership: true } } },
      });
      expect(schoolCohort).toMatchObject({
        inductionProgrammeChoice: 'full_induction_programme',
        defaultInductionProgramme: { partnership: { leadProviderId: lastYear.leadProvider.id, deliveryPartnerId: lastYear.deliveryPartner.id, cohortId: cohort2024.id } },
      });
      expect(await db().inductionRecord.findUniqueOrThrow({ where: { id: result.inductionRecordId } })).toMatchObject({ inductionProgrammeId: schoolCohort.defaultInductionProgrammeId });
      expect(await db().auditEvent.findFirstOrThrow({ where: { subjectId: participant.profile.id } })).toMatchObject({ after: expect.objectContaining({ schoolCohortSetUp: true }) });
    });

    it('the school has a 2024 cohort without a default programme: the move gives it one (no partnership when none carries over)', async () => {
      const source = await createParticipantWorld(2021, { cohort: await createCohort(2021, { paymentsFrozenAt: new Date('2024-04-03') }) });
      const cohort2024 = await createCohort(2024);
      await createSchedule(cohort2024);
      const existing = await createSchoolCohort(source.school, cohort2024, { inductionProgrammeChoice: 'not_yet_known' });
      const participant = await createParticipant(source);
      await createDeclaration(participant, source.leadProvider);
      expect(await moveFromFrozenCohort(superUser, { participantProfileId: participant.profile.id, reason })).toMatchObject({ outcome: 'moved' });
      const schoolCohort = await db().schoolCohort.findUniqueOrThrow({ where: { id: existing.id }, include: { defaultInductionProgramme: true } });
      expect(schoolCohort).toMatchObject({ inductionProgrammeChoice: 'full_induction_programme', defaultInductionProgramme: { trainingProgramme: 'full_induction_programme', partnershipId: null } });
    });

    it('every reason at once, each on its own field', async () => {
      const source = await createParticipantWorld(2021, { cohort: await createCohort(2021, { paymentsFrozenAt: new Date('2024-04-03') }) });
      const participant = await createParticipant(source, { profile: { notes: 'On hold' } });
      const error = await moveFromFrozenCohort(superUser, { participantProfileId: participant.profile.id, reason }).catch((e: unknown) => e);
      expect(error).toMatchObject({
        fieldErrors: [
          { field: 'participant_profile', message: 'The participant has notes that block a cohort change' },
          { field: 'participant_profile', message: 'Participant not eligible to be transferred from their current cohort' },
          { field: 'target_school_cohort', message: `Cohort starting on 2024 not setup on ${source.school.name}` },
        ],
      });
    });

    it.each<Role>(['admin', 'finance', 'support', 'policy'])('a %s user: only super users may move cohorts', async (role) => {
      const { source } = await frozenCohortWorld();
      const participant = await createParticipant(source);
      await createDeclaration(participant, source.leadProvider);
      const before = await snapshot(participant.profile.id);
      await expect(moveFromFrozenCohort(userContext(role), { participantProfileId: participant.profile.id, reason })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await snapshot(participant.profile.id)).toEqual(before);
    });

    it('an unknown participant', async () => {
      await expect(moveFromFrozenCohort(superUser, { participantProfileId: '00000000-0000-4000-8000-000000000000', reason })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'Participant not found',
      });
    });
  });
});
