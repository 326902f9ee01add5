// Support's actions on a participant: each one's rules, its audit event, and refusals that write nothing.
import { describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { addParticipantNote } from '../../../src/actions/participants/add-participant-note.js';
import { ARCHIVE_MESSAGES, archiveParticipant } from '../../../src/actions/participants/archive-participant.js';
import { changeParticipantProvider, PROVIDER_MESSAGES } from '../../../src/actions/participants/change-participant-provider.js';
import { changeTrainingStatus, NOT_WITH_A_PROVIDER } from '../../../src/actions/participants/change-training-status.js';
import { TRANSFER_MESSAGES, transferParticipantSchool } from '../../../src/actions/participants/transfer-participant-school.js';
import { EMAIL_TAKEN, updateParticipantDetails } from '../../../src/actions/participants/update-participant-details.js';
import { updateParticipantIdentity } from '../../../src/actions/participants/update-participant-identity.js';
import {
  createDeclaration, createDeliveryPartner, createParticipant, createParticipantWorld, createPartnership, createProviderRelationship,
  createSchool, createSchoolCohort, userContext,
} from '../../support/factories.js';

const support = userContext('support');
const superUser = userContext('super_user');
const reason = 'Ticket 4821: the school emailed us';

/** Everything these actions could touch, to prove a refusal wrote nothing. */
async function snapshot(participant: { teacher: { id: string }; profile: { id: string } }) {
  return {
    teacher: await db().teacher.findUniqueOrThrow({ where: { id: participant.teacher.id } }),
    profile: await db().participantProfile.findUniqueOrThrow({ where: { id: participant.profile.id } }),
    records: await db().inductionRecord.findMany({ where: { participantProfileId: participant.profile.id }, orderBy: { createdAt: 'asc' } }),
    states: await db().participantProfileState.count({ where: { participantProfileId: participant.profile.id } }),
    partnerships: await db().partnership.count(),
    audit: await db().auditEvent.count(),
  };
}

async function expectNothingWritten(participant: Parameters<typeof snapshot>[0], attempt: () => Promise<unknown>, refusal: Record<string, unknown>) {
  const before = await snapshot(participant);
  await expect(attempt()).rejects.toMatchObject(refusal);
  expect(await snapshot(participant)).toEqual(before);
}

const lastAudit = (subjectId: string) => db().auditEvent.findFirstOrThrow({ where: { subjectId }, orderBy: { createdAt: 'desc' } });

describe('changeTrainingStatus', () => {
  it("defers with the DfE's reason through the participant's provider, keeping support's reason in the audit", async () => {
    const world = await createParticipantWorld();
    const participant = await createParticipant(world);

    const profile = await changeTrainingStatus(support, { participantProfileId: participant.profile.id, trainingStatus: 'deferred', statusReason: 'career-break', reason });

    expect(profile.trainingStatus).toBe('deferred');
    const records = await db().inductionRecord.findMany({ where: { participantProfileId: profile.id }, orderBy: { createdAt: 'asc' } });
    expect(records.map((r) => [r.inductionStatus, r.trainingStatus])).toEqual([['changed', 'active'], ['active', 'deferred']]);
    expect(await db().participantProfileState.findFirstOrThrow({ where: { participantProfileId: profile.id } }))
      .toMatchObject({ state: 'deferred', reason: 'career-break', cpdLeadProviderId: world.leadProvider.cpdLeadProviderId });
    expect(await lastAudit(profile.id)).toMatchObject({
      action: 'participant.deferred', actorType: 'user', reason,
      before: { trainingStatus: 'active' }, after: { trainingStatus: 'deferred', reason: 'career-break', leadProviderId: world.leadProvider.id },
    });

    await changeTrainingStatus(support, { participantProfileId: profile.id, trainingStatus: 'active', reason });
    expect((await db().participantProfile.findUniqueOrThrow({ where: { id: profile.id } })).trainingStatus).toBe('active');
  });

  it("refuses with the API's messages, an unknown reason, finance, and a participant with no provider, writing nothing", async () => {
    const world = await createParticipantWorld();
    const participant = await createParticipant(world);
    const input = { participantProfileId: participant.profile.id, reason };
    await expectNothingWritten(participant, () => changeTrainingStatus(support, { ...input, trainingStatus: 'withdrawn' }),
      { code: 'INVALID_INPUT', message: "The property '#/reason' must be present" });
    await expectNothingWritten(participant, () => changeTrainingStatus(support, { ...input, trainingStatus: 'withdrawn', statusReason: 'bored' }),
      { message: "The property '#/reason' must be a valid reason" });
    await expectNothingWritten(participant, () => changeTrainingStatus(support, { ...input, trainingStatus: 'active' }),
      { message: 'The participant is already active' });
    await expectNothingWritten(participant, () => changeTrainingStatus(userContext('finance'), { ...input, trainingStatus: 'deferred', statusReason: 'other' }),
      { code: 'FORBIDDEN' });
    await expect(changeTrainingStatus(support, { participantProfileId: participant.profile.id, trainingStatus: 'deferred', statusReason: 'other', reason: '' }))
      .rejects.toThrow('Give a reason for this change');

    await db().inductionProgramme.update({ where: { id: world.programme.id }, data: { partnershipId: null, trainingProgramme: 'core_induction_programme' } });
    await expectNothingWritten(participant, () => changeTrainingStatus(support, { ...input, trainingStatus: 'deferred', statusReason: 'other' }),
      { code: 'INVALID_STATE', message: NOT_WITH_A_PROVIDER });
  });
});

describe('updateParticipantDetails and updateParticipantIdentity', () => {
  it('changes name and email with the audit showing both, and refuses an email another participant has', async () => {
    const world = await createParticipantWorld();
    const participant = await createParticipant(world, { fullName: 'Jane Smyth' });
    const other = await createParticipant(world);

    await updateParticipantDetails(support, { teacherId: participant.teacher.id, fullName: 'Jane Smith', email: 'Jane.Smith@Example.com', reason });
    expect(await db().teacher.findUniqueOrThrow({ where: { id: participant.teacher.id } })).toMatchObject({ fullName: 'Jane Smith', email: 'jane.smith@example.com' });
    expect(await lastAudit(participant.teacher.id)).toMatchObject({
      action: 'participant.details_changed', reason,
      before: { fullName: 'Jane Smyth', email: participant.teacher.email }, after: { fullName: 'Jane Smith', email: 'jane.smith@example.com' },
    });

    await expectNothingWritten(participant, () => updateParticipantDetails(support, { teacherId: participant.teacher.id, fullName: 'Jane Smith', email: other.teacher.email, reason }),
      { code: 'CONFLICT', message: EMAIL_TAKEN });
  });

  it('changes identity data, starts TRN validation again, and never writes the personal values into the audit', async () => {
    const world = await createParticipantWorld();
    const participant = await createParticipant(world, { trn: '1234567' });

    await updateParticipantIdentity(support, { teacherId: participant.teacher.id, trn: '7654321', dateOfBirth: '1990-03-27', nationalInsuranceNumber: 'qq 12 34 56 c', reason });

    expect(await db().teacher.findUniqueOrThrow({ where: { id: participant.teacher.id } })).toMatchObject({
      trn: '7654321', dateOfBirth: new Date('1990-03-27T00:00:00Z'), nationalInsuranceNumber: 'QQ123456C',
    });
    expect((await db().participantProfile.findUniqueOrThrow({ where: { id: participant.profile.id } })).trnValidationState).toBe('not_started');
    const event = await lastAudit(participant.teacher.id);
    expect(event).toMatchObject({ action: 'participant.identity_changed', before: { trn: '1234567' }, after: { trn: '7654321', dateOfBirth: 'changed', nationalInsuranceNumber: 'changed' } });
    expect(JSON.stringify(event)).not.toContain('QQ123456C');
    expect(JSON.stringify(event)).not.toContain('1990-03-27');

    await expectNothingWritten(participant, () => updateParticipantIdentity(support, { teacherId: participant.teacher.id, trn: '123', reason }),
      { name: 'ZodError' });
    await expect(updateParticipantIdentity(support, { teacherId: participant.teacher.id, trn: '12345678', reason })).rejects.toThrow('Teacher reference number cannot include more than 7 digits');
  });
});

describe('addParticipantNote', () => {
  it('appends a dated, signed note and audits it', async () => {
    const participant = await createParticipant(await createParticipantWorld());
    await addParticipantNote(support, { participantProfileId: participant.profile.id, note: 'Called the school about the start date.' });
    await addParticipantNote(support, { participantProfileId: participant.profile.id, note: 'School confirmed 6 January.' });
    const notes = (await db().participantProfile.findUniqueOrThrow({ where: { id: participant.profile.id } })).notes!.split('\n');
    expect(notes).toEqual([
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} support@example.com: Called the school about the start date\.$/),
      expect.stringMatching(/support@example.com: School confirmed 6 January\.$/),
    ]);
    expect(await lastAudit(participant.profile.id)).toMatchObject({ action: 'participant.note_added', after: { note: 'School confirmed 6 January.' } });
  });
});

describe('transferParticipantSchool', () => {
  it("joins the new school through its own partnership with the participant's provider and partner", async () => {
    const world = await createParticipantWorld();
    const participant = await createParticipant(world);
    const newWorld = await createParticipantWorld(world.cohort.startYear, { cohort: world.cohort, leadProvider: world.leadProvider, deliveryPartner: world.deliveryPartner, schedule: world.schedule });
    const partnershipsBefore = await db().partnership.count();

    const result = await transferParticipantSchool(support, { participantProfileId: participant.profile.id, schoolUrn: newWorld.school.urn, reason });

    expect(result.createdRelationship).toBe(false);
    expect(await db().partnership.count()).toBe(partnershipsBefore);
    const old = await db().inductionRecord.findUniqueOrThrow({ where: { id: participant.inductionRecord.id } });
    expect(old).toMatchObject({ inductionStatus: 'leaving', endDate: result.inductionRecord.startDate });
    expect(result.inductionRecord).toMatchObject({ inductionProgrammeId: newWorld.programme.id, inductionStatus: 'active', schoolTransfer: true, endDate: null });
    expect((await db().participantProfile.findUniqueOrThrow({ where: { id: participant.profile.id } })).schoolCohortId).toBe(newWorld.schoolCohort.id);
    expect(await lastAudit(participant.profile.id)).toMatchObject({
      action: 'participant.transferred', reason,
      before: { schoolUrn: world.school.urn }, after: { schoolUrn: newWorld.school.urn, partnershipId: newWorld.partnership.id, relationshipPartnership: false },
    });
  });

  it('makes a relationship partnership when the new school has none with that provider and partner', async () => {
    const world = await createParticipantWorld();
    const participant = await createParticipant(world, { profile: { trainingStatus: 'deferred' } });
    await db().inductionRecord.update({ where: { id: participant.inductionRecord.id }, data: { trainingStatus: 'deferred' } });
    const school = await createSchool();
    const schoolCohort = await createSchoolCohort(school, world.cohort);
    // The new school trains with another provider: that partnership must not be used, nor blocked.
    const otherPartner = await createDeliveryPartner();
    await createPartnership({ school, leadProvider: world.leadProvider, deliveryPartner: otherPartner, cohort: world.cohort });

    const result = await transferParticipantSchool(support, { participantProfileId: participant.profile.id, schoolUrn: school.urn, startDate: '2030-01-06', reason });

    expect(result.createdRelationship).toBe(true);
    const programme = await db().inductionProgramme.findUniqueOrThrow({ where: { id: result.inductionRecord.inductionProgrammeId }, include: { partnership: true } });
    expect(programme).toMatchObject({ schoolCohortId: schoolCohort.id, trainingProgramme: 'full_induction_programme' });
    expect(programme.partnership).toMatchObject({ schoolId: school.id, leadProviderId: world.leadProvider.id, deliveryPartnerId: world.deliveryPartner.id, relationship: true });
    expect(result.inductionRecord).toMatchObject({ startDate: new Date('2030-01-06T00:00:00Z'), trainingStatus: 'deferred', schoolTransfer: true });
    expect(await db().inductionRecord.findUniqueOrThrow({ where: { id: participant.inductionRecord.id } })).toMatchObject({ inductionStatus: 'leaving', endDate: new Date('2030-01-06T00:00:00Z') });
    expect((await lastAudit(participant.profile.id)).after).toMatchObject({ relationshipPartnership: true, partnershipId: programme.partnershipId });
  });

  it('refuses an unknown school, the same school and a school without the cohort, writing nothing', async () => {
    const world = await createParticipantWorld();
    const participant = await createParticipant(world);
    const input = { participantProfileId: participant.profile.id, reason };
    await expectNothingWritten(participant, () => transferParticipantSchool(support, { ...input, schoolUrn: '999999' }), { message: TRANSFER_MESSAGES.noSchool });
    await expectNothingWritten(participant, () => transferParticipantSchool(support, { ...input, schoolUrn: world.school.urn }), { message: TRANSFER_MESSAGES.sameSchool });
    const school = await createSchool();
    await expectNothingWritten(participant, () => transferParticipantSchool(support, { ...input, schoolUrn: school.urn }),
      { message: TRANSFER_MESSAGES.noSchoolCohort(school.name, world.cohort.startYear) });
    await expectNothingWritten(participant, () => transferParticipantSchool(userContext('finance'), { ...input, schoolUrn: school.urn }), { code: 'FORBIDDEN' });
  });
});

describe('changeParticipantProvider', () => {
  it('is for super users: moves the participant onto a relationship partnership with the new provider and partner at their school', async () => {
    const world = await createParticipantWorld();
    const participant = await createParticipant(world);
    const other = await createParticipantWorld(world.cohort.startYear, { cohort: world.cohort, schedule: world.schedule });
    const input = { participantProfileId: participant.profile.id, leadProviderId: other.leadProvider.id, deliveryPartnerId: other.deliveryPartner.id, reason };
    await expectNothingWritten(participant, () => changeParticipantProvider(support, input), { code: 'FORBIDDEN' });

    await changeParticipantProvider(superUser, input);

    const records = await db().inductionRecord.findMany({ where: { participantProfileId: participant.profile.id }, orderBy: { createdAt: 'asc' }, include: { inductionProgramme: { include: { partnership: true } } } });
    expect(records.map((r) => r.inductionStatus)).toEqual(['changed', 'active']);
    expect(records[1].inductionProgramme).toMatchObject({ schoolCohortId: world.schoolCohort.id });
    expect(records[1].inductionProgramme.partnership).toMatchObject({ schoolId: world.school.id, leadProviderId: other.leadProvider.id, deliveryPartnerId: other.deliveryPartner.id, relationship: true });
    expect(await lastAudit(participant.profile.id)).toMatchObject({
      action: 'participant.provider_changed', reason,
      before: { leadProviderId: world.leadProvider.id, deliveryPartnerId: world.deliveryPartner.id },
      after: { leadProviderId: other.leadProvider.id, deliveryPartnerId: other.deliveryPartner.id, relationshipPartnership: true },
    });

    await expectNothingWritten(participant, () => changeParticipantProvider(superUser, input), { message: PROVIDER_MESSAGES.same });
  });

  it('refuses a delivery partner without a provider relationship for the cohort, writing nothing', async () => {
    const world = await createParticipantWorld();
    const participant = await createParticipant(world);
    const stranger = await createDeliveryPartner();
    await expectNothingWritten(participant,
      () => changeParticipantProvider(superUser, { participantProfileId: participant.profile.id, leadProviderId: world.leadProvider.id, deliveryPartnerId: stranger.id, reason }),
      { code: 'INVALID_INPUT' });
    await createProviderRelationship(world.leadProvider, stranger, world.cohort);
    await changeParticipantProvider(superUser, { participantProfileId: participant.profile.id, leadProviderId: world.leadProvider.id, deliveryPartnerId: stranger.id, reason });
  });
});

describe('archiveParticipant', () => {
  it('removes a participant only when every declaration is voided, archiving rather than deleting', async () => {
    const world = await createParticipantWorld();
    const participant = await createParticipant(world);
    const voided = await createDeclaration(participant, world.leadProvider, { state: 'voided' });
    const live = await createDeclaration(participant, world.leadProvider, { state: 'eligible', declarationType: 'retained_1' });
    await expectNothingWritten(participant, () => archiveParticipant(support, { participantProfileId: participant.profile.id, reason }),
      { code: 'INVALID_STATE', message: ARCHIVE_MESSAGES.declarationsNotVoided(1) });

    await db().declaration.update({ where: { id: live.id }, data: { state: 'voided' } });
    const archived = await archiveParticipant(support, { participantProfileId: participant.profile.id, reason });

    expect(archived).toMatchObject({ archivedAt: expect.any(Date), status: 'withdrawn' });
    expect(await db().declaration.count({ where: { id: { in: [voided.id, live.id] } } })).toBe(2);
    expect(await lastAudit(participant.profile.id)).toMatchObject({ action: 'participant.archived', reason, after: { status: 'withdrawn' } });
    await expectNothingWritten(participant, () => archiveParticipant(support, { participantProfileId: participant.profile.id, reason }), { message: ARCHIVE_MESSAGES.alreadyArchived });
  });
});
