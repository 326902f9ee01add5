import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { db } from '../../src/db/client.js';
import {
  createCohort, createDeclaration, createFipProgramme, createParticipant, createParticipantWorld, createPartnership, createProviderRelationship,
  createSchedule, createSchoolCohort, type ParticipantWorld,
} from '../support/factories.js';
import { createToken, startApi, type ApiClient } from './support/api-client.js';
import { auditCount } from './support/lead-provider.js';

let world: ParticipantWorld;
let api: ApiClient;

beforeAll(async () => {
  world = await createParticipantWorld(2024);
  await db().school.update({ where: { id: world.school.id }, data: { primaryContactEmail: 'office@school.example', inductionTutorName: 'Ira Tutor', inductionTutorEmail: 'induction@school.example' } });
  api = await startApi(await createToken(world.leadProvider));
});
afterAll(() => api.close());

const body = (type: string, attributes: Record<string, unknown>) => ({ data: { type, attributes } });
const act = (teacherId: string, action: string, type: string, attributes: Record<string, unknown>) =>
  api.put(`/participants/ecf/${teacherId}/${action}`, body(type, attributes));
const defer = (teacherId: string, attributes: Record<string, unknown> = { reason: 'career-break', course_identifier: 'ecf-induction' }) =>
  act(teacherId, 'defer', 'participant-defer', attributes);
const unprocessable = (...errors: [string, string][]) => ({ status: 422, body: { errors: errors.map(([title, detail]) => ({ title, detail })) } });

const MESSAGES = {
  invalidParticipant: "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again.",
  invalidCourse: "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.",
};

/** What a refused action must leave untouched. */
const footprint = async () => ({
  records: await db().inductionRecord.count(),
  states: await db().participantProfileState.count(),
  audits: await auditCount(),
});

describe('PUT /participants/ecf/{id}/defer', () => {
  it('defers: logs the reason, starts a new induction record, and answers with the participant', async () => {
    const participant = await createParticipant(world);

    const { status, body: response } = await defer(participant.teacher.id);

    expect(status).toBe(200);
    expect(response.data.attributes.ecf_enrolments[0]).toMatchObject({ training_status: 'deferred', deferral: { reason: 'career-break' } });
    const records = await db().inductionRecord.findMany({ where: { participantProfileId: participant.profile.id }, orderBy: { createdAt: 'asc' } });
    expect(records.map((r) => [r.inductionStatus, r.trainingStatus, r.endDate !== null])).toEqual([['changed', 'active', true], ['active', 'deferred', false]]);
    expect(await db().participantProfileState.findFirst({ where: { participantProfileId: participant.profile.id } })).toMatchObject({
      state: 'deferred', reason: 'career-break', cpdLeadProviderId: world.leadProvider.cpdLeadProviderId,
    });
    expect((await db().participantProfile.findUniqueOrThrow({ where: { id: participant.profile.id } })).trainingStatus).toBe('deferred');
    expect(await db().auditEvent.findFirst({ where: { subjectId: participant.profile.id } })).toMatchObject({ action: 'participant.deferred', actorType: 'api', ipAddress: expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$|^::1$/) });
  });

  it('refuses with the DfE messages and changes nothing', async () => {
    const participant = await createParticipant(world);
    const before = await footprint();
    // app/services/defer_participant.rb validates the reason's presence and inclusion separately: a missing or
    // empty reason is both absent and not a valid one (spec/services/defer_participant_spec.rb).
    const reasonMissing = "The property '#/reason' must be present, The property '#/reason' must be a valid reason";
    expect(await defer(participant.teacher.id, { course_identifier: 'ecf-induction' })).toEqual(unprocessable(['reason', reasonMissing]));
    expect(await defer(participant.teacher.id, { course_identifier: 'ecf-induction', reason: '' })).toEqual(unprocessable(['reason', reasonMissing]));
    expect(await defer(participant.teacher.id, { course_identifier: 'ecf-induction', reason: 'holiday' })).toEqual(
      unprocessable(['reason', "The property '#/reason' must be a valid reason"]),
    );
    // `validates :course_identifier, course: true, presence: ...`: no course is not one the participant holds,
    // and is missing (spec/services/withdraw_participant_spec.rb "when the course identifier is missing").
    expect(await defer(participant.teacher.id, { reason: 'other' })).toEqual(
      unprocessable(['course_identifier', `${MESSAGES.invalidCourse}, Enter a '#/course_identifier' value for this participant.`]),
    );
    expect(await defer(participant.teacher.id, { reason: 'other', course_identifier: 'ecf-mentor' })).toEqual(unprocessable(['course_identifier', MESSAGES.invalidCourse]));
    expect(await defer(participant.teacher.id, { reason: 'other', course_identifier: 'npq-leading-teaching' })).toEqual(unprocessable(['course_identifier', MESSAGES.invalidCourse]));
    expect(await defer(world.school.id)).toEqual(unprocessable(['participant_id', MESSAGES.invalidParticipant]));
    // An unknown participant: the course is not judged, only its presence; the reason is judged regardless.
    expect(await defer(world.school.id, { reason: 'holiday' })).toEqual(unprocessable(
      ['participant_id', MESSAGES.invalidParticipant],
      ['course_identifier', "Enter a '#/course_identifier' value for this participant."],
      ['reason', "The property '#/reason' must be a valid reason"],
    ));
    expect(await footprint()).toEqual(before);
  });

  it('refuses a participant already deferred or withdrawn', async () => {
    const participant = await createParticipant(world);
    await defer(participant.teacher.id);
    expect(await defer(participant.teacher.id)).toEqual(unprocessable(['participant_profile', 'The participant is already deferred']));
    const withdrawn = await createParticipant(world);
    await db().inductionRecord.update({ where: { id: withdrawn.inductionRecord.id }, data: { trainingStatus: 'withdrawn' } });
    expect(await defer(withdrawn.teacher.id)).toEqual(unprocessable(['participant_profile', 'The participant is already withdrawn']));
  });

  it("refuses another provider's participant as unrecognised", async () => {
    const other = await createParticipantWorld(2024, { cohort: world.cohort, schedule: world.schedule });
    const theirs = await createParticipant(other);
    expect(await defer(theirs.teacher.id)).toEqual(unprocessable(['participant_id', MESSAGES.invalidParticipant]));
  });
});

describe('PUT /participants/ecf/{id}/resume', () => {
  it('resumes a deferred or withdrawn participant, and refuses an active one', async () => {
    const participant = await createParticipant(world);
    const resume = () => act(participant.teacher.id, 'resume', 'participant-resume', { course_identifier: 'ecf-induction' });
    expect(await resume()).toEqual(unprocessable(['participant_profile', 'The participant is already active']));
    await defer(participant.teacher.id);
    const { status, body: response } = await resume();
    expect(status).toBe(200);
    expect(response.data.attributes.ecf_enrolments[0]).toMatchObject({ training_status: 'active', deferral: null });

    const withdrawn = await createParticipant(world);
    await db().inductionRecord.update({ where: { id: withdrawn.inductionRecord.id }, data: { trainingStatus: 'withdrawn' } });
    expect((await act(withdrawn.teacher.id, 'resume', 'participant-resume', { course_identifier: 'ecf-induction' })).status).toBe(200);
  });
});

describe('PUT /participants/ecf/{id}/withdraw', () => {
  const withdraw = (teacherId: string, reason: unknown = 'moved-school') =>
    act(teacherId, 'withdraw', 'participant-withdraw', { reason, course_identifier: 'ecf-induction' });

  it('withdraws, shows the reason and date, and tells the school', async () => {
    const participant = await createParticipant(world);
    const { status, body: response } = await withdraw(participant.teacher.id);
    expect(status).toBe(200);
    const [enrolment] = response.data.attributes.ecf_enrolments;
    expect(enrolment).toMatchObject({ training_status: 'withdrawn', withdrawal: { reason: 'moved-school' } });
    expect(Date.parse(enrolment.withdrawal.date)).toBeGreaterThan(Date.now() - 60_000);
    const email = await db().emailOutbox.findFirstOrThrow({ where: { template: 'provider-withdrew-participant' } });
    expect(email).toMatchObject({ to: 'induction@school.example' });
    expect(email.body).toContain(participant.teacher.fullName);

    expect(await withdraw(participant.teacher.id)).toEqual(unprocessable(['participant_profile', 'The participant is already withdrawn']));
  });

  it('accepts only the documented reasons (switched-to-school-led, not the old school-left-fip)', async () => {
    const participant = await createParticipant(world);
    expect(await withdraw(participant.teacher.id, 'school-left-fip')).toEqual(unprocessable(['reason', "The property '#/reason' must be a valid reason"]));
    expect(await withdraw(participant.teacher.id, '')).toEqual(
      unprocessable(['reason', "The property '#/reason' must be present, The property '#/reason' must be a valid reason"]),
    );
    expect((await withdraw(participant.teacher.id, 'switched-to-school-led')).status).toBe(200);
  });
});

describe('PUT /participants/ecf/{id}/change-schedule', () => {
  const change = (teacherId: string, attributes: Record<string, unknown>) =>
    act(teacherId, 'change-schedule', 'participant-change-schedule', { course_identifier: 'ecf-induction', ...attributes });

  it('moves the participant onto another schedule of the cohort', async () => {
    const extended = await createSchedule(world.cohort, 'ecf-extended-september');
    const participant = await createParticipant(world);
    const { status, body: response } = await change(participant.teacher.id, { schedule_identifier: 'ecf-extended-september' });
    expect(status).toBe(200);
    expect(response.data.attributes.ecf_enrolments[0].schedule_identifier).toBe('ecf-extended-september');
    expect((await db().participantProfile.findUniqueOrThrow({ where: { id: participant.profile.id } })).scheduleId).toBe(extended.id);
    expect(await db().inductionRecord.count({ where: { participantProfileId: participant.profile.id, scheduleId: extended.id, endDate: null } })).toBe(1);
  });

  it('refuses a blank, unknown, unchanged or wrong-course schedule', async () => {
    await createSchedule(world.cohort, 'ecf-replacement-september');
    const participant = await createParticipant(world);
    const invalid: [string, string] = ['schedule_identifier', "The property '#/schedule_identifier' must be present and correspond to a valid schedule"];
    expect(await change(participant.teacher.id, {})).toEqual(unprocessable(invalid));
    // An unknown schedule is no validation error at the DfE's: see present-but-wrong-values.test.ts.
    expect(await change(participant.teacher.id, { schedule_identifier: 'ecf-imaginary-june' })).toEqual(
      unprocessable(['Invalid action', 'Validation failed: Schedule must exist']),
    );
    expect(await change(participant.teacher.id, { schedule_identifier: 'ecf-standard-september' })).toEqual(
      unprocessable(['schedule_identifier', 'Selected schedule is already on the profile']),
    );
    expect(await change(participant.teacher.id, { schedule_identifier: 'ecf-replacement-september' })).toEqual(
      unprocessable(['schedule_identifier', 'Selected schedule is not valid for the course']),
    );
  });

  it('refuses a schedule that would strand existing declarations, and a withdrawn participant', async () => {
    const january = await createSchedule(world.cohort, 'ecf-standard-january');
    await db().milestone.updateMany({ where: { scheduleId: january.id, declarationType: 'started' }, data: { startDate: new Date('2025-01-01') } });
    const participant = await createParticipant(world);
    await createDeclaration(participant, world.leadProvider, { declarationType: 'started', state: 'eligible', declarationDate: new Date('2024-10-01T10:00:00Z') });
    expect(await change(participant.teacher.id, { schedule_identifier: 'ecf-standard-january' })).toEqual(
      unprocessable(['schedule_identifier', 'Changing schedule would invalidate existing declarations. Please void them first.']),
    );
    await db().inductionRecord.updateMany({ where: { participantProfileId: participant.profile.id }, data: { trainingStatus: 'withdrawn' } });
    expect((await change(participant.teacher.id, { schedule_identifier: 'ecf-standard-january' })).body.errors[0]).toEqual({
      title: 'participant_id',
      detail: 'Cannot perform actions on a withdrawn participant',
    });
  });

  it('moves cohort only where the provider is partnered with the school, and never with claimed declarations', async () => {
    const cohort2025 = await createCohort(2025);
    await createSchedule(cohort2025);
    const participant = await createParticipant(world);
    const noPartnership: [string, string] = [
      'cohort',
      'You cannot change a participant to this cohort as you do not have a partnership with the school for the cohort. Contact the DfE for assistance.',
    ];
    expect(await change(participant.teacher.id, { schedule_identifier: 'ecf-standard-september', cohort: '2025' })).toEqual(unprocessable(noPartnership));
    // An unknown cohort: only the cohort is wrong; the schedule is looked up within it (app/services/change_schedule.rb).
    expect(await change(participant.teacher.id, { schedule_identifier: 'ecf-standard-september', cohort: '1999' })).toEqual(unprocessable(noPartnership));

    await createProviderRelationship(world.leadProvider, world.deliveryPartner, cohort2025);
    const partnership = await createPartnership({ school: world.school, leadProvider: world.leadProvider, deliveryPartner: world.deliveryPartner, cohort: cohort2025 });
    const programme = await createFipProgramme(await createSchoolCohort(world.school, cohort2025), partnership);

    const claimed = await createParticipant(world);
    await createDeclaration(claimed, world.leadProvider, { state: 'submitted' });
    expect(await change(claimed.teacher.id, { schedule_identifier: 'ecf-standard-september', cohort: '2025' })).toEqual(
      unprocessable(['cohort', "You cannot change the '#/cohort' field"]),
    );

    const { status, body: response } = await change(participant.teacher.id, { schedule_identifier: 'ecf-standard-september', cohort: '2025' });
    expect(status).toBe(200);
    expect(response.data.attributes.ecf_enrolments[0]).toMatchObject({ cohort: '2025', schedule_identifier: 'ecf-standard-september' });
    expect(await db().participantProfile.findUniqueOrThrow({ where: { id: participant.profile.id } })).toMatchObject({ cohortId: cohort2025.id });
    expect(await db().inductionRecord.count({ where: { participantProfileId: participant.profile.id, inductionProgrammeId: programme.id, endDate: null } })).toBe(1);
  });
});
