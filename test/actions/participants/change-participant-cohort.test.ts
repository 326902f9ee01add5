// The DfE's change cohort (app/services/induction/amend_participant_cohort.rb, run by
// app/controllers/admin/participants/change_cohort_controller.rb) with its refusals from config/locales/en.yml.
import { describe, expect, it } from '@jest/globals';
import type { Role } from '@prisma/client';
import { db } from '../../../src/db/client.js';
import { changeParticipantCohort } from '../../../src/actions/participants/change-participant-cohort.js';
import {
  createCohort, createDeclaration, createDeliveryPartner, createFipProgramme, createLeadProvider, createParticipant, createParticipantWorld,
  createPartnership, createProviderRelationship, createSchedule, createSchool, createSchoolCohort, userContext,
} from '../../support/factories.js';
import { PAYMENTS_FROZEN_AT } from './move-from-frozen-cohort-world.js';

const superUser = userContext('super_user');
const reason = 'Ticket 5150: started a year later than registered';

/** Everything a change could touch, to prove a refusal or a dry run wrote nothing. */
async function snapshot(participantProfileId: string) {
  return {
    profile: await db().participantProfile.findUniqueOrThrow({ where: { id: participantProfileId } }),
    inductionRecords: await db().inductionRecord.findMany({ where: { participantProfileId }, orderBy: { createdAt: 'asc' } }),
    declarations: await db().declaration.findMany({ where: { participantProfileId } }),
    auditEvents: await db().auditEvent.count({ where: { subjectId: participantProfileId } }),
    schoolCohorts: await db().schoolCohort.count(),
    programmes: await db().inductionProgramme.count(),
    partnerships: await db().partnership.count(),
  };
}

async function expectRefused(participantProfileId: string, targetStartYear: number, messages: string[]) {
  const before = await snapshot(participantProfileId);
  const error = await changeParticipantCohort(superUser, { participantProfileId, targetStartYear, reason }).catch((e: unknown) => e);
  expect({ code: (error as { code?: string }).code, message: (error as Error).message }).toEqual({ code: 'INVALID_STATE', message: messages.join('; ') });
  expect(await snapshot(participantProfileId)).toEqual(before);
}

/** A school set up in 2023 and 2024, each with its own programme and standard schedule; the participant starts in 2023. */
async function twoYears() {
  const from = await createParticipantWorld(2023);
  const to = await createParticipantWorld(2024, { school: from.school });
  const participant = await createParticipant(from, { fullName: 'Grace Hopper' });
  return { from, to, participant };
}

const profileOf = (id: string) => db().participantProfile.findUniqueOrThrow({ where: { id }, include: { cohort: true, schedule: true } });

describe('changeParticipantCohort', () => {
  it('moves a participant to a later cohort and back again, each time closing the record and opening one in the default programme', async () => {
    const { from, to, participant } = await twoYears();
    const id = participant.profile.id;

    const later = await changeParticipantCohort(superUser, { participantProfileId: id, targetStartYear: 2024, reason });
    expect(later).toMatchObject({
      outcome: 'changed',
      message: "Grace Hopper's cohort was changed to 2024",
      from: { cohortStartYear: 2023, scheduleIdentifier: 'ecf-standard-september', schoolName: from.school.name },
      to: { cohortStartYear: 2024, scheduleIdentifier: 'ecf-standard-september', schoolName: from.school.name, leadProviderName: to.leadProvider.name },
      schoolCohortSetUp: false,
      cohortChangedAfterPaymentsFrozen: false,
    });
    expect(await db().inductionRecord.findUniqueOrThrow({ where: { id: participant.inductionRecord.id } })).toMatchObject({ inductionStatus: 'changed' });
    expect(await db().inductionRecord.findUniqueOrThrow({ where: { id: later.inductionRecordId } })).toMatchObject({
      inductionProgrammeId: to.programme.id, scheduleId: to.schedule.id, inductionStatus: 'active', endDate: null,
    });
    expect(await profileOf(id)).toMatchObject({ cohort: { startYear: 2024 }, schoolCohortId: to.schoolCohort.id, scheduleId: to.schedule.id });
    expect(await db().auditEvent.findFirstOrThrow({ where: { subjectId: id, action: 'participant.cohort_changed' } })).toMatchObject({
      reason, before: expect.objectContaining({ cohortStartYear: 2023 }), after: expect.objectContaining({ cohortStartYear: 2024 }),
    });

    const back = await changeParticipantCohort(superUser, { participantProfileId: id, targetStartYear: 2023, reason: 'Back again: the school was right' });
    expect(back).toMatchObject({ outcome: 'changed', from: { cohortStartYear: 2024 }, to: { cohortStartYear: 2023 } });
    expect(await profileOf(id)).toMatchObject({ cohort: { startYear: 2023 }, schoolCohortId: from.schoolCohort.id, scheduleId: from.schedule.id });
    expect(await db().inductionRecord.count({ where: { participantProfileId: id } })).toBe(3);
    expect(await db().auditEvent.count({ where: { subjectId: id, action: 'participant.cohort_changed' } })).toBe(2);
  });

  it('keeps the schedule identifier in the new cohort, falling back to the standard schedule', async () => {
    const { from, to, participant } = await twoYears();
    const january = await createSchedule(from.cohort, 'ecf-standard-january');
    await db().participantProfile.update({ where: { id: participant.profile.id }, data: { scheduleId: january.id } });
    await db().inductionRecord.update({ where: { id: participant.inductionRecord.id }, data: { scheduleId: january.id } });
    const result = await changeParticipantCohort(superUser, { participantProfileId: participant.profile.id, targetStartYear: 2024, reason });
    expect(result.to).toMatchObject({ scheduleIdentifier: 'ecf-standard-september' });
    const januaryThere = await createSchedule(to.cohort, 'ecf-standard-january');
    await changeParticipantCohort(superUser, { participantProfileId: participant.profile.id, targetStartYear: 2023, reason });
    expect((await changeParticipantCohort(superUser, { participantProfileId: participant.profile.id, targetStartYear: 2024, reason })).to).toMatchObject({ scheduleIdentifier: 'ecf-standard-september' });
    expect(januaryThere.scheduleIdentifier).toBe('ecf-standard-january');
  });

  it('a dry run shows the change and keeps nothing', async () => {
    const { participant } = await twoYears();
    const before = await snapshot(participant.profile.id);
    const result = await changeParticipantCohort(superUser, { participantProfileId: participant.profile.id, targetStartYear: 2024, reason, dryRun: true });
    expect(result).toMatchObject({ outcome: 'changed', dryRun: true, message: "Grace Hopper's cohort would be changed to 2024", to: { cohortStartYear: 2024 } });
    expect(result.inductionRecordId).toBeUndefined();
    expect(await snapshot(participant.profile.id)).toEqual(before);
  });

  it('changes nothing when the participant is already in the cohort', async () => {
    const { participant } = await twoYears();
    const before = await snapshot(participant.profile.id);
    expect(await changeParticipantCohort(superUser, { participantProfileId: participant.profile.id, targetStartYear: 2023, reason })).toMatchObject({
      outcome: 'unchanged', message: 'Grace Hopper is already in the 2023 cohort',
    });
    expect(await snapshot(participant.profile.id)).toEqual(before);
  });

  describe('refuses with the DfE message and writes nothing', () => {
    it.each(['submitted', 'eligible', 'payable', 'paid'] as const)('a %s declaration', async (state) => {
      const { from, participant } = await twoYears();
      await createDeclaration(participant, from.leadProvider, { state });
      await expectRefused(participant.profile.id, 2024, ['The participant has billable or submitted declarations']);
    });

    it('but a voided declaration does not block', async () => {
      const { from, participant } = await twoYears();
      await createDeclaration(participant, from.leadProvider, { state: 'voided' });
      expect(await changeParticipantCohort(superUser, { participantProfileId: participant.profile.id, targetStartYear: 2024, reason })).toMatchObject({ outcome: 'changed' });
    });

    it('a cohort not on the service, and a year outside 2020 to this year', async () => {
      const { participant } = await twoYears();
      const year = new Date().getUTCFullYear();
      // 2020: a year no test here sets up (another makes 2022).
      await expectRefused(participant.profile.id, 2020, ['starting on 2020 not setup on the service']);
      await expectRefused(participant.profile.id, 2019, [`Invalid value. Must be an integer between 2020 and ${year}`, 'starting on 2019 not setup on the service']);
      await createCohort(year + 1);
      await expectRefused(participant.profile.id, year + 1, [`Invalid value. Must be an integer between 2020 and ${year}`]);
    });

    it('the school has not set up the cohort, or has no default programme in it', async () => {
      const from = await createParticipantWorld(2023);
      const participant = await createParticipant(from);
      await createCohort(2024);
      await expectRefused(participant.profile.id, 2024, [`Cohort starting on 2024 not setup on ${from.school.name}`]);
      await createSchoolCohort(from.school, await createCohort(2024));
      await createSchedule(await createCohort(2024));
      await expectRefused(participant.profile.id, 2024, [`Default induction programme for 2024 not setup on ${from.school.name}`]);
    });

    it('notes on the participant, with every other reason at once', async () => {
      const from = await createParticipantWorld(2023);
      const participant = await createParticipant(from, { profile: { notes: 'Check with the appropriate body' } });
      await createDeclaration(participant, from.leadProvider, { state: 'submitted' });
      await createCohort(2024);
      await expectRefused(participant.profile.id, 2024, [
        'The participant has notes that block a cohort change',
        'The participant has billable or submitted declarations',
        `Cohort starting on 2024 not setup on ${from.school.name}`,
      ]);
    });

    it('no current induction record in their cohort', async () => {
      const { participant } = await twoYears();
      await db().inductionRecord.update({ where: { id: participant.inductionRecord.id }, data: { inductionStatus: 'changed', endDate: new Date('2024-01-01') } });
      await expectRefused(participant.profile.id, 2024, ['No induction record for the participant on the cohort starting on 2023']);
    });

    it('a mentor who completed their training, to 2025', async () => {
      const from = await createParticipantWorld(2024);
      await createParticipantWorld(2025, { school: from.school });
      const mentor = await createParticipant(from, { type: 'mentor', profile: { mentorCompletionDate: new Date('2025-07-01') } });
      await expectRefused(mentor.profile.id, 2025, ['The Mentor has completed their training and cannot be moved to the 2025 cohort']);
    });

    it('a NIoT participant, to a cohort before NIoT trained', async () => {
      const cohort2022 = await createCohort(2022);
      const cohort2023 = await createCohort(2023);
      const niot = await createLeadProvider({ name: 'National Institute of Teaching', cohorts: [cohort2023] });
      const from = await createParticipantWorld(2023, { cohort: cohort2023, leadProvider: niot });
      await createParticipantWorld(2022, { cohort: cohort2022, school: from.school });
      const participant = await createParticipant(from);
      await expectRefused(participant.profile.id, 2022, ["A NIoT-associated participant can't be moved to a cohort earlier than 2023"]);
    });

    it.each<Role>(['admin', 'finance', 'support', 'policy'])('a %s user: only super users may change cohorts', async (role) => {
      const { participant } = await twoYears();
      const before = await snapshot(participant.profile.id);
      await expect(changeParticipantCohort(userContext(role), { participantProfileId: participant.profile.id, targetStartYear: 2024, reason })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await snapshot(participant.profile.id)).toEqual(before);
    });

    it('no reason, and an unknown participant', async () => {
      const { participant } = await twoYears();
      await expect(changeParticipantCohort(superUser, { participantProfileId: participant.profile.id, targetStartYear: 2024, reason: '' })).rejects.toThrow('Give a reason for this change');
      await expect(changeParticipantCohort(superUser, { participantProfileId: '00000000-0000-4000-8000-000000000000', targetStartYear: 2024, reason })).rejects.toMatchObject({
        code: 'NOT_FOUND', message: 'Participant not found',
      });
    });
  });

  describe('out of a payment-frozen cohort and back', () => {
    /** 2021 frozen; the school's 2023 default partnership's pair also works together in 2024; the school has no 2024 cohort yet. */
    async function frozenWithoutDestination() {
      const frozen = await createCohort(2021, { paymentsFrozenAt: PAYMENTS_FROZEN_AT });
      const cohort2023 = await createCohort(2023);
      const cohort2024 = await createCohort(2024);
      await createSchedule(cohort2024, 'ecf-extended-september');
      await createSchedule(cohort2024);
      const school = await createSchool();
      const source = await createParticipantWorld(2021, { cohort: frozen, school });
      const leadProvider = await createLeadProvider({ cohorts: [cohort2023, cohort2024] });
      const deliveryPartner = await createDeliveryPartner();
      await createProviderRelationship(leadProvider, deliveryPartner, cohort2024);
      const lastYear = await createSchoolCohort(school, cohort2023);
      await createFipProgramme(lastYear, await createPartnership({ school, leadProvider, deliveryPartner, cohort: cohort2023 }));
      const participant = await createParticipant(source, { fullName: 'Alan Turing' });
      await createDeclaration(participant, source.leadProvider, { state: 'paid' });
      return { source, school, leadProvider, deliveryPartner, participant, cohort2024 };
    }

    it("sets the school up for 2024 with last year's providers, moves them onto the extended schedule, and back again", async () => {
      const { source, school, leadProvider, deliveryPartner, participant, cohort2024 } = await frozenWithoutDestination();
      const id = participant.profile.id;

      const moved = await changeParticipantCohort(superUser, { participantProfileId: id, targetStartYear: 2024, reason });
      expect(moved).toMatchObject({
        outcome: 'changed',
        schoolCohortSetUp: true,
        cohortChangedAfterPaymentsFrozen: true,
        to: { cohortStartYear: 2024, scheduleIdentifier: 'ecf-extended-september', leadProviderName: leadProvider.name },
      });
      const schoolCohort = await db().schoolCohort.findUniqueOrThrow({
        where: { schoolId_cohortId: { schoolId: school.id, cohortId: cohort2024.id } },
        include: { defaultInductionProgramme: { include: { partnership: true } } },
      });
      expect(schoolCohort).toMatchObject({
        inductionProgrammeChoice: 'full_induction_programme',
        defaultInductionProgramme: { trainingProgramme: 'full_induction_programme', partnership: { leadProviderId: leadProvider.id, deliveryPartnerId: deliveryPartner.id, cohortId: cohort2024.id } },
      });
      expect(await profileOf(id)).toMatchObject({ cohort: { startYear: 2024 }, cohortChangedAfterPaymentsFrozen: true, schoolCohortId: schoolCohort.id });

      const back = await changeParticipantCohort(superUser, { participantProfileId: id, targetStartYear: 2021, reason: 'Moved by mistake' });
      expect(back).toMatchObject({ outcome: 'changed', to: { cohortStartYear: 2021, scheduleIdentifier: 'ecf-standard-september' }, cohortChangedAfterPaymentsFrozen: false });
      expect(await profileOf(id)).toMatchObject({ cohort: { startYear: 2021 }, cohortChangedAfterPaymentsFrozen: false, schoolCohortId: source.schoolCohort.id });
    });

    it('without a relationship in 2024 the new programme has no partnership', async () => {
      const { participant, school, cohort2024 } = await frozenWithoutDestination();
      await db().providerRelationship.updateMany({ where: { cohortId: cohort2024.id }, data: { discardedAt: new Date() } });
      await changeParticipantCohort(superUser, { participantProfileId: participant.profile.id, targetStartYear: 2024, reason });
      const schoolCohort = await db().schoolCohort.findFirstOrThrow({ where: { schoolId: school.id, cohortId: cohort2024.id }, include: { defaultInductionProgramme: true } });
      expect(schoolCohort.defaultInductionProgramme).toMatchObject({ partnershipId: null });
    });

    it('declarations do not block a frozen transfer, but a billable completion does', async () => {
      const { participant, source, school } = await frozenWithoutDestination();
      await createDeclaration(participant, source.leadProvider, { state: 'submitted', declarationType: 'retained_1' });
      await createDeclaration(participant, source.leadProvider, { state: 'paid', declarationType: 'completed' });
      // Not eligible, so the school is not set up for 2024 either, and that is reported too.
      await expectRefused(participant.profile.id, 2024, [
        'Participant not eligible to be transferred from their current cohort',
        `Cohort starting on 2024 not setup on ${school.name}`,
      ]);
    });

    it('back to the frozen cohort is refused once billable in the new cohort', async () => {
      const { participant } = await frozenWithoutDestination();
      const id = participant.profile.id;
      await changeParticipantCohort(superUser, { participantProfileId: id, targetStartYear: 2024, reason });
      const moved = await db().participantProfile.findUniqueOrThrow({ where: { id } });
      const provider = await db().leadProvider.findFirstOrThrow({ where: { partnerships: { some: { cohort: { startYear: 2024 }, schoolId: (await db().schoolCohort.findUniqueOrThrow({ where: { id: moved.schoolCohortId } })).schoolId } } } });
      await createDeclaration({ teacher: participant.teacher, profile: moved }, provider, { state: 'eligible', declarationType: 'retained_3' });
      await expectRefused(id, 2021, [
        'The participant has billable declarations in their current cohort',
        'Participant not eligible to be transferred back to their original cohort',
      ]);
    });
  });
});
