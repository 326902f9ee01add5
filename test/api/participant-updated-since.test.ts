// "Get updates" must never miss a change: whatever a participant's resource shows, changing it must put
// the participant in filter[updated_since] with an updated_at at or after the change.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { db } from '../../src/db/client.js';
import {
  createDeclaration, createDeliveryPartner, createFipProgramme, createLeadProvider, createParticipant, createParticipantWorld, createPartnership,
  createProviderRelationship, createSchool, createSchoolCohort, type ParticipantWorld,
} from '../support/factories.js';
import { createToken, startApi, type ApiClient } from './support/api-client.js';
import { openStatement } from './support/lead-provider.js';
import { isoTime } from '../../src/api/http/format.js';

let world: ParticipantWorld;
let api: ApiClient;

beforeAll(async () => {
  world = await createParticipantWorld(2024);
  await openStatement(world.leadProvider, world.cohort);
  api = await startApi(await createToken(world.leadProvider));
});
afterAll(() => api.close());

type Participant = Awaited<ReturnType<typeof createParticipant>>;

const pause = () => new Promise((resolve) => setTimeout(resolve, 15));

/** Runs the change after a fresh mark; returns the participants listed as updated since the mark. */
async function updatedBy(change: () => Promise<unknown>): Promise<Map<string, string>> {
  await pause();
  const since = new Date();
  await pause();
  await change();
  const { body } = await api.get(`/participants/ecf?page[per_page]=3000&filter[updated_since]=${since.toISOString()}`);
  // updated_at is shown to the whole second (as the DfE's `.rfc3339`), so it may read as the mark's own second.
  for (const participant of body.data) expect(Date.parse(participant.attributes.updated_at)).toBeGreaterThanOrEqual(Math.floor(since.getTime() / 1000) * 1000);
  return new Map(body.data.map((p: { id: string; attributes: { updated_at: string } }) => [p.id, p.attributes.updated_at]));
}

describe('filter[updated_since] on participants', () => {
  it('lists nobody when nothing changed', async () => {
    await createParticipant(world);
    expect((await updatedBy(async () => {})).size).toBe(0);
  });

  it.each([
    ['the teacher is renamed', (p: Participant) => db().teacher.update({ where: { id: p.teacher.id }, data: { fullName: 'New Name' } })],
    ['their eligibility changes', (p: Participant) => db().participantProfile.update({ where: { id: p.profile.id }, data: { eligibilityStatus: 'ineligible' } })],
    ['a mentor is assigned on their induction record', async (p: Participant) => {
      const mentor = await createParticipant(world, { type: 'mentor' });
      await db().inductionRecord.update({ where: { id: p.inductionRecord.id }, data: { mentorProfileId: mentor.profile.id } });
    }],
    ['another provider claims a declaration for them', async (p: Participant) => {
      await createDeclaration(p, await createLeadProvider(), { state: 'submitted' });
    }],
    ['the school URN changes', (p: Participant) =>
      db().school.update({ where: { id: world.school.id }, data: { urn: String(100000 + Math.floor(Math.random() * 899999)) } }).then(() => p)],
  ])('lists a participant when %s', async (_what, change) => {
    const participant = await createParticipant(world);
    const bystanderWorld = await createParticipantWorld(2024, { cohort: world.cohort, schedule: world.schedule, leadProvider: world.leadProvider, deliveryPartner: world.deliveryPartner });
    const bystander = await createParticipant(bystanderWorld);
    const updated = await updatedBy(() => change(participant));
    expect(updated.has(participant.teacher.id)).toBe(true);
    expect(updated.has(bystander.teacher.id)).toBe(false);
  });

  it('lists a participant who transfers to another of the provider\'s schools, with the new school shown', async () => {
    const participant = await createParticipant(world);
    const school = await createSchool();
    const elsewhere = await createParticipantWorld(2024, { cohort: world.cohort, schedule: world.schedule, leadProvider: world.leadProvider, deliveryPartner: world.deliveryPartner, school });
    const updated = await updatedBy(async () => {
      await db().inductionRecord.update({ where: { id: participant.inductionRecord.id }, data: { inductionStatus: 'leaving', endDate: new Date('2025-01-01'), schoolTransfer: true } });
      await db().inductionRecord.create({
        data: { inductionProgrammeId: elsewhere.programme.id, participantProfileId: participant.profile.id, scheduleId: world.schedule.id, startDate: new Date('2025-01-02'), schoolTransfer: true },
      });
    });
    expect(updated.has(participant.teacher.id)).toBe(true);
    expect((await api.get(`/participants/ecf/${participant.teacher.id}`)).body.data.attributes.ecf_enrolments[0].school_urn).toBe(school.urn);
  });

  it("lists everyone on a partnership whose delivery partner the provider changes (delivery_partner_id changes)", async () => {
    const participant = await createParticipant(world);
    const replacement = await createDeliveryPartner();
    await createProviderRelationship(world.leadProvider, replacement, world.cohort);
    const updated = await updatedBy(() =>
      api.put(`/partnerships/ecf/${world.partnership.id}`, { data: { type: 'ecf-partnership-update', attributes: { delivery_partner_id: replacement.id } } }),
    );
    expect(updated.has(participant.teacher.id)).toBe(true);
    const [enrolment] = (await api.get(`/participants/ecf/${participant.teacher.id}`)).body.data.attributes.ecf_enrolments;
    expect(enrolment.delivery_partner_id).toBe(replacement.id);
  });

  it('lists participants who appear because their school programme gains the provider\'s partnership', async () => {
    const school = await createSchool();
    const schoolCohort = await createSchoolCohort(school, world.cohort);
    const programme = await createFipProgramme(schoolCohort, null);
    const teacher = await db().teacher.create({ data: { fullName: 'Waiting Teacher', email: `waiting-${Date.now()}@example.com` } });
    const profile = await db().participantProfile.create({
      data: { type: 'ect', teacherId: teacher.id, schoolCohortId: schoolCohort.id, cohortId: world.cohort.id, scheduleId: world.schedule.id },
    });
    await db().inductionRecord.create({ data: { inductionProgrammeId: programme.id, participantProfileId: profile.id, scheduleId: world.schedule.id, startDate: new Date('2024-09-01') } });
    const partnership = await createPartnership({ school, leadProvider: world.leadProvider, deliveryPartner: world.deliveryPartner, cohort: world.cohort });
    const updated = await updatedBy(() => db().inductionProgramme.update({ where: { id: programme.id }, data: { partnershipId: partnership.id } }));
    expect(updated.has(teacher.id)).toBe(true);
  });

  it('lists participants after the provider declares, voids and defers through the API; updated_at is the latest change', async () => {
    const participant = await createParticipant(world);
    let declarationId = '';
    const afterDeclaring = await updatedBy(async () => {
      const { body } = await api.post('/participant-declarations', {
        data: { type: 'participant-declaration', attributes: { participant_id: participant.teacher.id, declaration_type: 'started', declaration_date: '2024-10-01T09:00:00Z', course_identifier: 'ecf-induction' } },
      });
      declarationId = body.data.id;
    });
    const declaration = await db().declaration.findUniqueOrThrow({ where: { id: declarationId } });
    expect(afterDeclaring.get(participant.teacher.id)).toBe(isoTime(declaration.updatedAt));

    expect((await updatedBy(() => api.put(`/participant-declarations/${declarationId}/void`, undefined))).has(participant.teacher.id)).toBe(true);
    const deferred = await updatedBy(() =>
      api.put(`/participants/ecf/${participant.teacher.id}/defer`, { data: { type: 'participant-defer', attributes: { reason: 'other', course_identifier: 'ecf-induction' } } }),
    );
    expect(deferred.has(participant.teacher.id)).toBe(true);
  });
});
