// Values a lead provider sends that are present but not what the API documents, answered as the DfE's service
// answers them. Cohorts are read as Rails reads anything compared with an integer column (ActiveModel's integer
// type: " 2024", "2024.0" and "2024abc" are 2024; "abc" is no cohort), in app/services/api/concerns/filter_cohorts.rb,
// app/services/api/v3/participant_declarations_query.rb, app/services/api/v3/ecf/schools_query.rb,
// app/services/partnerships/create.rb and app/services/change_schedule.rb (attribute :cohort, :integer).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cohortStartYearOf, cohortStartYearsOf, declarationCohortStartYearsOf } from '../../src/rules/cohort-start-year.js';
import { db } from '../../src/db/client.js';
import { createDeclaration, createParticipant, createParticipantWorld, createSchedule, type ParticipantWorld } from '../support/factories.js';
import { createReportWorld } from '../actions/partnerships/world.js';
import { createToken, startApi, type ApiClient } from './support/api-client.js';

let world: ParticipantWorld;
let api: ApiClient;
const apis: ApiClient[] = [];

beforeAll(async () => {
  world = await createParticipantWorld(2024);
  api = await startApi(await createToken(world.leadProvider));
  apis.push(api);
});
afterAll(() => Promise.all(apis.map((a) => a.close())));

const unprocessable = (...errors: [string, string][]) => ({ status: 422, body: { errors: errors.map(([title, detail]) => ({ title, detail })) } });
const act = (teacherId: string, action: string, attributes: Record<string, unknown>) =>
  api.put(`/participants/ecf/${teacherId}/${action}`, { data: { type: `participant-${action}`, attributes } });

describe('a cohort, read as the DfE reads it', () => {
  it('takes the leading whole number of any value that starts with one, and no cohort otherwise', () => {
    expect([' 2024', '2024.0', '2024.9', '+2024', '2024abc', '20_24', 2024, 2024.7].map(cohortStartYearOf)).toEqual(Array(8).fill(2024));
    expect(['abc', '', ' ', 'v2024', '.2024', '2024'.repeat(4), null, true].map(cohortStartYearOf)).toEqual(Array(8).fill(null));
    // filter[cohort] lists: blank is every cohort; anything else only what it names.
    expect([undefined, '', '  '].map(cohortStartYearsOf)).toEqual([null, null, null]);
    expect([',', 'abc', '2024, 2025.0,x'].map(cohortStartYearsOf)).toEqual([[], [], [2024, 2025]]);
    // The declarations list filters only when the comma split leaves an item: "," is every cohort, " " none.
    expect(['', ',', ' ', '2024,'].map(declarationCohortStartYearsOf)).toEqual([null, null, [], [2024]]);
  });

  it('filters the participants list by " 2024" and "2024.0", and lists nobody for a value that names no cohort', async () => {
    const participant = await createParticipant(world);
    const listed = async (cohort: string) =>
      ((await api.get(`/participants/ecf?filter[cohort]=${encodeURIComponent(cohort)}`)).body.data as { id: string }[]).map((p) => p.id);
    for (const cohort of [' 2024', '2024.0', '2024abc', '2023,2024', '']) expect({ cohort, listed: await listed(cohort) }).toEqual({ cohort, listed: expect.arrayContaining([participant.teacher.id]) });
    for (const cohort of ['abc', ',', '2023']) expect({ cohort, listed: await listed(cohort) }).toEqual({ cohort, listed: [] });
  });

  it('filters declarations the same way, where "," means every cohort', async () => {
    const participant = await createParticipant(world);
    const declaration = await createDeclaration(participant, world.leadProvider, { state: 'eligible' });
    const listed = async (cohort: string) =>
      ((await api.get(`/participant-declarations?filter[cohort]=${encodeURIComponent(cohort)}`)).body.data as { id: string }[]).map((d) => d.id);
    for (const cohort of ['2024.0', ',', '']) expect({ cohort, listed: await listed(cohort) }).toEqual({ cohort, listed: expect.arrayContaining([declaration.id]) });
    for (const cohort of [' ', 'abc']) expect({ cohort, listed: await listed(cohort) }).toEqual({ cohort, listed: [] });
  });

  it('reads the schools filter as one cohort: "2024,2025" is 2024', async () => {
    const schools = async (cohort: string) => (await api.get(`/schools/ecf?filter[cohort]=${encodeURIComponent(cohort)}`)).body.data as { id: string }[];
    const in2024 = await schools('2024');
    expect(in2024.length).toBeGreaterThan(0);
    expect(await schools('2024,2025')).toEqual(in2024);
    expect(await schools('2024.0')).toEqual(in2024);
    expect(await schools('abc')).toEqual([]);
  });

  it('reports a partnership for cohort "2024.0", and calls "twenty" invalid', async () => {
    const w = await createReportWorld(2024);
    const provider = await startApi(await createToken(w.leadProvider));
    apis.push(provider);
    const report = (cohort: unknown) =>
      provider.post('/partnerships/ecf', { data: { type: 'ecf-partnership', attributes: { cohort, school_id: w.school.id, delivery_partner_id: w.deliveryPartner.id } } });
    // No cohort, so no provider relationship for it either: both are reported (validate_cohort, validate_delivery_partner).
    expect(await report('twenty')).toEqual(unprocessable(
      ['cohort', "The '#/cohort' you have entered is invalid. Check cohort details and try again."],
      ['delivery_partner_id', 'The entered delivery partner is not recognised to be working in partnership with you for the given cohort. Contact the DfE for more information.'],
    ));
    const reported = await report('2024.0');
    expect(reported.status).toBe(200);
    expect(reported.body.data.attributes.cohort).toBe('2024');
  });
});

describe('PUT /participants/ecf/{id}/change-schedule', () => {
  const change = (teacherId: string, attributes: Record<string, unknown>) => act(teacherId, 'change-schedule', { course_identifier: 'ecf-induction', ...attributes });

  it('keeps the participant in their cohort when the cohort is empty, and reads "2024.0" as 2024', async () => {
    await createSchedule(world.cohort, 'ecf-extended-september');
    await createSchedule(world.cohort, 'ecf-standard-january');
    const first = await createParticipant(world);
    const kept = await change(first.teacher.id, { schedule_identifier: 'ecf-extended-september', cohort: '' });
    expect(kept.status).toBe(200);
    expect(kept.body.data.attributes.ecf_enrolments[0]).toMatchObject({ cohort: '2024', schedule_identifier: 'ecf-extended-september' });
    const second = await createParticipant(world);
    const read = await change(second.teacher.id, { schedule_identifier: 'ecf-standard-january', cohort: '2024.0' });
    expect(read.status).toBe(200);
    expect(read.body.data.attributes.ecf_enrolments[0]).toMatchObject({ cohort: '2024', schedule_identifier: 'ecf-standard-january' });
  });

  it('answers an unknown schedule_identifier as the DfE does: no field error, an invalid action when the schedule is saved', async () => {
    const participant = await createParticipant(world);
    const before = await db().participantProfile.findUniqueOrThrow({ where: { id: participant.profile.id } });
    expect(await change(participant.teacher.id, { schedule_identifier: 'ecf-imaginary-june' })).toEqual(
      unprocessable(['Invalid action', 'Validation failed: Schedule must exist']),
    );
    expect((await db().participantProfile.findUniqueOrThrow({ where: { id: participant.profile.id } })).scheduleId).toBe(before.scheduleId);
    // Any validation that fails is reported instead (app/services/change_schedule.rb runs them all first).
    await db().inductionRecord.updateMany({ where: { participantProfileId: participant.profile.id }, data: { trainingStatus: 'withdrawn' } });
    expect(await change(participant.teacher.id, { schedule_identifier: 'ecf-imaginary-june' })).toEqual(
      unprocessable(['participant_id', 'Cannot perform actions on a withdrawn participant']),
    );
  });
});

describe('PUT /participants/ecf/{id}/withdraw without an induction record with the provider', () => {
  it('reports the participant as not recognised and still judges the reason (app/services/withdraw_participant.rb)', async () => {
    // A mentor with this provider who also holds an ECT profile the provider has no induction record for.
    const mentor = await createParticipant(world, { type: 'mentor' });
    await db().participantProfile.create({
      data: { type: 'ect', teacherId: mentor.teacher.id, schoolCohortId: world.schoolCohort.id, cohortId: world.cohort.id, scheduleId: world.schedule.id },
    });
    const invalidParticipant = "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again.";
    expect(await act(mentor.teacher.id, 'withdraw', { course_identifier: 'ecf-induction', reason: '' })).toEqual(
      unprocessable(['participant_id', invalidParticipant], ['reason', "The property '#/reason' must be present, The property '#/reason' must be a valid reason"]),
    );
    expect(await act(mentor.teacher.id, 'withdraw', { course_identifier: 'ecf-induction', reason: 'bored' })).toEqual(
      unprocessable(['participant_id', invalidParticipant], ['reason', "The property '#/reason' must be a valid reason"]),
    );
    expect(await act(mentor.teacher.id, 'withdraw', { course_identifier: 'ecf-induction', reason: 'other' })).toEqual(unprocessable(['participant_id', invalidParticipant]));
  });
});
