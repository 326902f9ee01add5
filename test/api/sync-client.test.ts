// Plays a lead provider's student-records system (such as Maytas): "Get All Participants" page by page,
// then work (declarations, voids, defer, resume, withdraw, change schedule) and school-side changes, then
// "Get Updates" since the last download. The local copy must then equal a fresh full download: nothing
// lost, nothing duplicated. Then partnership changes, and every read model must equal its rebuild.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { challengePartnership } from '../../src/actions/partnerships/challenge-partnership.js';
import { db } from '../../src/db/client.js';
import { openConnection } from '../../src/db/connection.js';
import { readModelDrift } from '../../src/db/read-models.js';
import {
  createDeliveryPartner, createParticipant, createParticipantWorld, createProviderRelationship, createSchedule, createSchool, userContext, type ParticipantWorld,
} from '../support/factories.js';
import { createToken, startApi, type ApiClient } from './support/api-client.js';
import { openStatement } from './support/lead-provider.js';

type Resource = { id: string; attributes: Record<string, unknown> };

let world: ParticipantWorld;
let api: ApiClient;

beforeAll(async () => {
  world = await createParticipantWorld(2024);
  await openStatement(world.leadProvider, world.cohort);
  await createSchedule(world.cohort, 'ecf-extended-september');
  api = await startApi(await createToken(world.leadProvider));
});
afterAll(() => api.close());

/** Every page of a list, as a client walks it, refusing to see one record twice. */
async function download(path: string, perPage = 7): Promise<Map<string, Resource>> {
  const records = new Map<string, Resource>();
  for (let page = 1; ; page++) {
    const separator = path.includes('?') ? '&' : '?';
    const { status, body } = await api.get(`${path}${separator}page[per_page]=${perPage}&page[page]=${page}`);
    expect(status).toBe(200);
    if (body.data.length === 0) return records;
    for (const record of body.data as Resource[]) {
      expect(records.has(record.id)).toBe(false);
      records.set(record.id, record);
    }
  }
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 15));
const put = (path: string, type: string, attributes: Record<string, unknown>) => api.put(path, { data: { type, attributes } });

it('keeps a client that syncs with "get updates" identical to a full download', async () => {
  const participants = [];
  for (let i = 0; i < 30; i++) participants.push(await createParticipant(world, { type: i % 5 === 0 ? 'mentor' : 'ect' }));
  const ects = participants.filter((p) => p.profile.type === 'ect');

  // Get All Participants (and declarations), remembering when the download began.
  const firstSync = new Date();
  const localParticipants = await download('/participants/ecf');
  const localDeclarations = await download('/participant-declarations');
  expect(localParticipants.size).toBe(30);
  await pause();

  // The provider's work through the API.
  const declared: string[] = [];
  for (const participant of ects.slice(0, 6)) {
    const { status, body } = await api.post('/participant-declarations', {
      data: { type: 'participant-declaration', attributes: { participant_id: participant.teacher.id, declaration_type: 'started', declaration_date: '2024-10-01T09:00:00Z', course_identifier: 'ecf-induction' } },
    });
    expect(status).toBe(200);
    declared.push(body.data.id);
  }
  expect((await api.put(`/participant-declarations/${declared[0]}/void`, undefined)).status).toBe(200);
  const course = { course_identifier: 'ecf-induction' };
  expect((await put(`/participants/ecf/${ects[6].teacher.id}/defer`, 'participant-defer', { ...course, reason: 'bereavement' })).status).toBe(200);
  expect((await put(`/participants/ecf/${ects[7].teacher.id}/defer`, 'participant-defer', { ...course, reason: 'other' })).status).toBe(200);
  expect((await put(`/participants/ecf/${ects[7].teacher.id}/resume`, 'participant-resume', course)).status).toBe(200);
  expect((await put(`/participants/ecf/${ects[8].teacher.id}/withdraw`, 'participant-withdraw', { ...course, reason: 'left-teaching-profession' })).status).toBe(200);
  expect((await put(`/participants/ecf/${ects[9].teacher.id}/change-schedule`, 'participant-change-schedule', { ...course, schedule_identifier: 'ecf-extended-september' })).status).toBe(200);

  // Changes made by schools and the DfE meanwhile.
  const newcomer = await createParticipant(world);
  await db().teacher.update({ where: { id: ects[10].teacher.id }, data: { trn: '9999999' } });
  const school = await createSchool();
  const elsewhere = await createParticipantWorld(2024, { cohort: world.cohort, schedule: world.schedule, leadProvider: world.leadProvider, deliveryPartner: world.deliveryPartner, school });
  await db().inductionRecord.update({ where: { id: ects[11].inductionRecord.id }, data: { inductionStatus: 'leaving', endDate: new Date('2025-01-01'), schoolTransfer: true } });
  await db().inductionRecord.create({
    data: { inductionProgrammeId: elsewhere.programme.id, participantProfileId: ects[11].profile.id, scheduleId: world.schedule.id, startDate: new Date('2025-01-02'), schoolTransfer: true },
  });

  // Get Updates.
  const updatedParticipants = await download(`/participants/ecf?filter[updated_since]=${firstSync.toISOString()}`);
  const updatedDeclarations = await download(`/participant-declarations?filter[updated_since]=${firstSync.toISOString()}`);
  for (const [id, record] of updatedParticipants) localParticipants.set(id, record);
  for (const [id, record] of updatedDeclarations) localDeclarations.set(id, record);

  expect(updatedParticipants.has(newcomer.teacher.id)).toBe(true);
  const touched = new Set(ects.slice(0, 12).map((p) => p.teacher.id));
  const untouched = participants.filter((p) => !touched.has(p.teacher.id));
  for (const { teacher } of untouched) expect(updatedParticipants.has(teacher.id)).toBe(false);
  expect(localParticipants).toEqual(await download('/participants/ecf'));
  expect(localDeclarations).toEqual(await download('/participant-declarations'));
  expect(localDeclarations.get(declared[0])!.attributes.state).toBe('voided');
  expect(localParticipants.get(ects[11].teacher.id)!.attributes.ecf_enrolments).toEqual([expect.objectContaining({ school_urn: school.urn })]);

  // Partnership changes: the provider moves one to another delivery partner, a super user challenges another.
  const deliveryPartner = await createDeliveryPartner();
  await createProviderRelationship(world.leadProvider, deliveryPartner, world.cohort);
  const changed = await api.put(`/partnerships/ecf/${world.partnership.id}`, { data: { type: 'ecf-partnership-update', attributes: { delivery_partner_id: deliveryPartner.id } } });
  expect(changed.status).toBe(200);
  await challengePartnership(userContext('super_user'), { partnershipId: elsewhere.partnership.id, reason: 'mistake', confirmed: true });
  const enrolments = (await api.get(`/participants/ecf/${ects[11].teacher.id}`)).body.data.attributes.ecf_enrolments;
  expect(enrolments).toEqual([expect.objectContaining({ school_urn: world.school.urn, delivery_partner_id: deliveryPartner.id })]);

  // After all of that, every read model is exactly what a rebuild from the base tables would make.
  const client = await openConnection(process.env.DATABASE_URL!);
  try {
    expect((await readModelDrift(client)).filter((d) => d.stale.length || d.missing.length)).toEqual([]);
  } finally {
    await client.end();
  }
});
