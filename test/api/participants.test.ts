import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deferParticipant } from '../../src/actions/participants/defer-participant.js';
import { db } from '../../src/db/client.js';
import {
  createCohort, createParticipant, createParticipantWorld, createPartnership, createSchedule, createSchool,
  type ParticipantWorld,
} from '../support/factories.js';
import { createToken, startApi, type ApiClient } from './support/api-client.js';
import { apiContext } from './support/lead-provider.js';

let a: ParticipantWorld;
let b: ParticipantWorld;
let apiA: ApiClient;
let apiB: ApiClient;

beforeAll(async () => {
  a = await createParticipantWorld(2024);
  b = await createParticipantWorld(2024, { cohort: a.cohort, schedule: a.schedule });
  apiA = await startApi(await createToken(a.leadProvider));
  apiB = await startApi(await createToken(b.leadProvider));
});
afterAll(async () => {
  await apiA.close();
  await apiB.close();
});

const ids = (response: { body: { data: { id: string }[] } }) => response.body.data.map((p) => p.id);
const allIds = async (api: ApiClient, query = '') => ids(await api.get(`/participants/ecf?page[per_page]=3000${query}`));

describe('GET /participants/ecf', () => {
  it("shows a provider its own participants and never another provider's", async () => {
    const mine = await createParticipant(a);
    const theirs = await createParticipant(b);
    expect(await allIds(apiA)).toContain(mine.teacher.id);
    expect(await allIds(apiA)).not.toContain(theirs.teacher.id);
    expect(await allIds(apiB)).toContain(theirs.teacher.id);
    expect(await apiA.get(`/participants/ecf/${theirs.teacher.id}`)).toEqual({ status: 404, body: { error: 'Resource not Found' } });
  });

  it('describes each enrolment from the provider\'s latest induction record', async () => {
    const mentor = await createParticipant(a, { type: 'mentor' });
    const ect = await createParticipant(a, { profile: { sparsityUplift: true, mentorProfileId: mentor.profile.id } });
    await db().inductionRecord.update({ where: { id: ect.inductionRecord.id }, data: { mentorProfileId: mentor.profile.id, preferredEmail: 'preferred@school.example' } });

    const { status, body } = await apiA.get(`/participants/ecf/${ect.teacher.id}`);

    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      id: ect.teacher.id,
      type: 'participant',
      attributes: {
        full_name: ect.teacher.fullName,
        teacher_reference_number: ect.teacher.trn,
        participant_id_changes: [],
        ecf_enrolments: [{
          training_record_id: ect.profile.id,
          email: 'preferred@school.example',
          mentor_id: mentor.teacher.id,
          school_urn: a.school.urn,
          participant_type: 'ect',
          cohort: '2024',
          training_status: 'active',
          participant_status: 'active',
          teacher_reference_number_validated: true,
          eligible_for_funding: true,
          pupil_premium_uplift: false,
          sparsity_uplift: true,
          schedule_identifier: 'ecf-standard-september',
          delivery_partner_id: a.deliveryPartner.id,
          withdrawal: null,
          deferral: null,
          cohort_changed_after_payments_frozen: false,
          mentor_ineligible_for_funding_reason: null,
        }],
      },
    });
  });

  it('shows one enrolment per course for someone who is both an ECT and a mentor', async () => {
    const ect = await createParticipant(a);
    const mentorProfile = await db().participantProfile.create({
      data: { type: 'mentor', teacherId: ect.teacher.id, schoolCohortId: a.schoolCohort.id, cohortId: a.cohort.id, scheduleId: a.schedule.id },
    });
    await db().inductionRecord.create({
      data: { inductionProgrammeId: a.programme.id, participantProfileId: mentorProfile.id, scheduleId: a.schedule.id, startDate: new Date('2024-09-01') },
    });
    const { body } = await apiA.get(`/participants/ecf/${ect.teacher.id}`);
    expect(body.data.attributes.ecf_enrolments.map((e: { participant_type: string }) => e.participant_type).sort()).toEqual(['ect', 'mentor']);
  });

  it('hides participants reached only through a challenged partnership, and shows those reached through a relationship', async () => {
    const school = await createSchool();
    const challenged = await createParticipantWorld(2024, {
      cohort: a.cohort, schedule: a.schedule, leadProvider: a.leadProvider, deliveryPartner: a.deliveryPartner, school,
      partnership: await createPartnership({ school, leadProvider: a.leadProvider, deliveryPartner: a.deliveryPartner, cohort: a.cohort }, { challengedAt: new Date(), challengeReason: 'mistake' }),
    });
    const hidden = await createParticipant(challenged);

    const relationshipSchool = await createSchool();
    const relationship = await createParticipantWorld(2024, {
      cohort: a.cohort, schedule: a.schedule, leadProvider: a.leadProvider, deliveryPartner: a.deliveryPartner, school: relationshipSchool,
      partnership: await createPartnership({ school: relationshipSchool, leadProvider: a.leadProvider, deliveryPartner: a.deliveryPartner, cohort: a.cohort }, { relationship: true }),
    });
    const transferred = await createParticipant(relationship);

    const visible = await allIds(apiA);
    expect(visible).not.toContain(hidden.teacher.id);
    expect(visible).toContain(transferred.teacher.id);
    expect((await apiA.get(`/participants/ecf/${hidden.teacher.id}`)).status).toBe(404);
  });

  it('keeps showing a participant who moved to another provider, as having left', async () => {
    const mover = await createParticipant(a);
    await db().inductionRecord.update({ where: { id: mover.inductionRecord.id }, data: { inductionStatus: 'leaving', endDate: new Date('2025-01-01'), schoolTransfer: true } });
    await db().inductionRecord.create({
      data: { inductionProgrammeId: b.programme.id, participantProfileId: mover.profile.id, scheduleId: a.schedule.id, startDate: new Date('2025-01-02'), schoolTransfer: true },
    });
    const seenByA = (await apiA.get(`/participants/ecf/${mover.teacher.id}`)).body.data.attributes.ecf_enrolments[0];
    const seenByB = (await apiB.get(`/participants/ecf/${mover.teacher.id}`)).body.data.attributes.ecf_enrolments[0];
    expect([seenByA.participant_status, seenByA.school_urn]).toEqual(['left', a.school.urn]);
    expect([seenByB.participant_status, seenByB.school_urn]).toEqual(['active', b.school.urn]);
  });

  it('shows the deferral the provider recorded', async () => {
    const participant = await createParticipant(a);
    await deferParticipant(apiContext(a.leadProvider), { participantId: participant.teacher.id, courseIdentifier: 'ecf-induction', reason: 'parental-leave' });
    const [enrolment] = (await apiA.get(`/participants/ecf/${participant.teacher.id}`)).body.data.attributes.ecf_enrolments;
    expect(enrolment).toMatchObject({ training_status: 'deferred', deferral: { reason: 'parental-leave' }, withdrawal: null });
  });

  it('filters by cohort (default: every cohort after 2020) and by training status', async () => {
    const cohort2023 = await createCohort(2023);
    const w2023 = await createParticipantWorld(2023, {
      cohort: cohort2023, schedule: await createSchedule(cohort2023), leadProvider: a.leadProvider, deliveryPartner: a.deliveryPartner,
    });
    const old = await createParticipant(w2023);
    const current = await createParticipant(a);
    await db().inductionRecord.update({ where: { id: current.inductionRecord.id }, data: { trainingStatus: 'withdrawn' } });

    expect(await allIds(apiA)).toEqual(expect.arrayContaining([old.teacher.id, current.teacher.id]));
    expect(await allIds(apiA, '&filter[cohort]=2024')).not.toContain(old.teacher.id);
    expect(await allIds(apiA, '&filter[cohort]=2023,2024')).toEqual(expect.arrayContaining([old.teacher.id, current.teacher.id]));
    const withdrawn = await allIds(apiA, '&filter[training_status]=withdrawn');
    expect(withdrawn).toContain(current.teacher.id);
    expect(withdrawn).not.toContain(old.teacher.id);
  });

  it('sorts by created_at ascending by default, and as asked', async () => {
    const ascending = await allIds(apiA);
    expect(await allIds(apiA, '&sort=-created_at')).toEqual([...ascending].reverse());
    const byUpdate = (await apiA.get('/participants/ecf?page[per_page]=3000&sort=-updated_at')).body.data.map((p: any) => p.attributes.updated_at);
    expect(byUpdate).toEqual([...byUpdate].sort().reverse());
    expect(await allIds(apiA, '&sort=unknown_column')).toEqual(ascending);
  });

  it('pages from an order that follows every change: a participant added, one whose status the filter no longer matches', async () => {
    const pageIds = async (page: number, query = '') => ids(await apiA.get(`/participants/ecf?page[per_page]=2&page[page]=${page}${query}`));
    const walk = async (query = '') => {
      const seen: string[] = [];
      for (let page = 1; ; page++) {
        const found = await pageIds(page, query);
        if (found.length === 0) return seen;
        seen.push(...found);
      }
    };
    const before = await walk('&filter[training_status]=active');
    const added = await createParticipant(a);
    const afterAdding = await walk('&filter[training_status]=active');
    expect(afterAdding).toEqual([...before, added.teacher.id]);

    await db().inductionRecord.update({ where: { id: added.inductionRecord.id }, data: { trainingStatus: 'deferred' } });
    expect(await walk('&filter[training_status]=active')).toEqual(before);
    expect(await walk('&filter[training_status]=deferred')).toContain(added.teacher.id);
  });

  it('returns nothing for from_participant_id, as no participant ids have been merged', async () => {
    expect((await apiA.get(`/participants/ecf?filter[from_participant_id]=${a.school.id}`)).body).toEqual({ data: [] });
  });
});

describe('GET /unfunded-mentors/ecf', () => {
  it("lists mentors of the provider's ECTs whom the provider does not train", async () => {
    const otherMentor = await createParticipant(b, { type: 'mentor' });
    const ownMentor = await createParticipant(a, { type: 'mentor' });
    const ect1 = await createParticipant(a);
    const ect2 = await createParticipant(a);
    await db().inductionRecord.update({ where: { id: ect1.inductionRecord.id }, data: { mentorProfileId: otherMentor.profile.id } });
    await db().inductionRecord.update({ where: { id: ect2.inductionRecord.id }, data: { mentorProfileId: ownMentor.profile.id } });

    const { body } = await apiA.get('/unfunded-mentors/ecf');
    expect(body.data).toEqual([{
      id: otherMentor.teacher.id,
      type: 'unfunded-mentor',
      attributes: expect.objectContaining({ full_name: otherMentor.teacher.fullName, email: otherMentor.teacher.email, teacher_reference_number: otherMentor.teacher.trn }),
    }]);
    expect((await apiA.get(`/unfunded-mentors/ecf/${otherMentor.teacher.id}`)).body.data.id).toBe(otherMentor.teacher.id);
    expect((await apiA.get(`/unfunded-mentors/ecf/${ownMentor.teacher.id}`)).status).toBe(404);
    expect((await apiB.get('/unfunded-mentors/ecf')).body.data).toEqual([]);
  });
});

describe('GET /participants/ecf/transfers', () => {
  it('pairs a leaving record with the record at the new school, for both providers involved', async () => {
    const mover = await createParticipant(a);
    await db().inductionRecord.update({ where: { id: mover.inductionRecord.id }, data: { inductionStatus: 'leaving', endDate: new Date('2025-01-01') } });
    await db().inductionRecord.create({
      data: { inductionProgrammeId: b.programme.id, participantProfileId: mover.profile.id, scheduleId: a.schedule.id, startDate: new Date('2025-01-02'), schoolTransfer: true },
    });
    const expected = {
      training_record_id: mover.profile.id,
      transfer_type: 'new_provider',
      status: 'complete',
      leaving: { school_urn: a.school.urn, provider: a.leadProvider.name, date: '2025-01-01' },
      joining: { school_urn: b.school.urn, provider: b.leadProvider.name, date: '2025-01-02' },
    };
    const forA = await apiA.get(`/participants/ecf/${mover.teacher.id}/transfers`);
    expect(forA.body.data.attributes.transfers).toEqual([expect.objectContaining(expected)]);
    expect(ids(await apiB.get('/participants/ecf/transfers'))).toContain(mover.teacher.id);

    const stayer = await createParticipant(a);
    expect((await apiA.get(`/participants/ecf/${stayer.teacher.id}/transfers`)).status).toBe(404);
  });

  it('reports a leaving participant with no new school yet as an unknown, incomplete transfer', async () => {
    const leaver = await createParticipant(a);
    await db().inductionRecord.update({ where: { id: leaver.inductionRecord.id }, data: { inductionStatus: 'leaving', endDate: new Date(Date.now() + 20 * 86_400_000) } });
    const [transfer] = (await apiA.get(`/participants/ecf/${leaver.teacher.id}/transfers`)).body.data.attributes.transfers;
    expect(transfer).toMatchObject({ transfer_type: 'unknown', status: 'incomplete', joining: null });
  });
});
