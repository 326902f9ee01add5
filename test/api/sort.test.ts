// `sort` on every list endpoint that documents it (created_at and updated_at, each either way), read as the
// DfE's Api::V3::Concerns::Orderable reads it (app/services/api/v3/concerns/orderable.rb): a comma list,
// "-" for descending, and a column it does not know left out rather than refused
// (spec/services/api/v3/concerns/orderable_spec.rb: "-full_name,id,invalid" sorts by full_name and id).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { db } from '../../src/db/client.js';
import {
  createDeliveryPartner, createParticipant, createParticipantWorld, createPartnership, createProviderRelationship, createSchool, type ParticipantWorld,
} from '../support/factories.js';
import { createToken, startApi, type ApiClient } from './support/api-client.js';

let a: ParticipantWorld;
let api: ApiClient;

/** Distinct times whose created order is the reverse of their updated order, so each sort is told apart. */
const at = (n: number) => ({ created: new Date(Date.UTC(2023, 0, n, 10)), updated: new Date(Date.UTC(2025, 0, 10 - n, 10)) });

beforeAll(async () => {
  a = await createParticipantWorld(2024);
  const b = await createParticipantWorld(2024, { cohort: a.cohort, schedule: a.schedule });
  api = await startApi(await createToken(a.leadProvider));
  const old = new Date(Date.UTC(2020, 0, 1));
  await db().$executeRaw`UPDATE delivery_partners SET "updatedAt" = ${old}`;
  await db().$executeRaw`UPDATE provider_relationships SET "updatedAt" = ${old}`;
  await db().$executeRaw`UPDATE schools SET "updatedAt" = ${old}`;
  await db().$executeRaw`UPDATE school_cohorts SET "updatedAt" = ${old}`;
  await db().$executeRaw`UPDATE partnerships SET "updatedAt" = ${old}, "createdAt" = ${old}`;
  const participants: { id: string; updated: Date }[] = [];
  for (let n = 1; n <= 3; n += 1) {
    const { created, updated } = at(n);
    const partner = await createDeliveryPartner({ name: `Partner ${String.fromCharCode(100 - n)}` });
    await createProviderRelationship(a.leadProvider, partner, a.cohort);
    await db().$executeRaw`UPDATE provider_relationships SET "updatedAt" = ${old} WHERE "deliveryPartnerId" = ${partner.id}::uuid`;
    await db().$executeRaw`UPDATE delivery_partners SET "createdAt" = ${created}, "updatedAt" = ${updated} WHERE id = ${partner.id}::uuid`;
    const school = await createSchool();
    await db().$executeRaw`UPDATE schools SET "createdAt" = ${created}, "updatedAt" = ${updated} WHERE id = ${school.id}::uuid`;
    const partnership = await createPartnership({ school: await createSchool(), leadProvider: a.leadProvider, deliveryPartner: partner, cohort: a.cohort });
    await db().$executeRaw`UPDATE schools SET "updatedAt" = ${old} WHERE id = ${partnership.schoolId}::uuid`;
    await db().$executeRaw`UPDATE partnerships SET "createdAt" = ${created}, "updatedAt" = ${updated} WHERE id = ${partnership.id}::uuid`;
    const participant = await createParticipant(a);
    await db().$executeRaw`UPDATE teachers SET "createdAt" = ${created} WHERE id = ${participant.teacher.id}::uuid`;
    const mentor = await createParticipant(b, { type: 'mentor' });
    await db().inductionRecord.update({ where: { id: participant.inductionRecord.id }, data: { mentorProfileId: mentor.profile.id } });
    await db().$executeRaw`UPDATE induction_records SET "updatedAt" = ${old} WHERE "participantProfileId" IN (${participant.profile.id}::uuid, ${mentor.profile.id}::uuid)`;
    await db().$executeRaw`UPDATE teachers SET "createdAt" = ${created}, "updatedAt" = ${updated} WHERE id = ${mentor.teacher.id}::uuid`;
    participants.push({ id: participant.teacher.id, updated });
  }
  // Last: every write above moves a participant's updated_at (kept by triggers) to now.
  for (const { id, updated } of participants) {
    await db().$executeRaw`UPDATE participant_updated_at SET "updatedAt" = ${updated} WHERE "teacherId" = ${id}::uuid`;
  }
});
afterAll(() => api.close());

const LISTS = ['/participants/ecf', '/partnerships/ecf', '/delivery-partners', '/schools/ecf?filter[cohort]=2024', '/unfunded-mentors/ecf'];

async function values(list: string, sort: string, attribute: string): Promise<string[]> {
  const { status, body } = await api.get(`${list}${list.includes('?') ? '&' : '?'}page[per_page]=3000&sort=${sort}`);
  expect(status).toBe(200);
  return body.data.map((resource: { attributes: Record<string, string> }) => resource.attributes[attribute]);
}

describe('sort on every list endpoint', () => {
  it.each(LISTS.flatMap((list) => ['created_at', 'updated_at'].map((column) => [list, column])))('%s by %s, ascending and descending', async (list, column) => {
    // Participants show no created_at of their own: their enrolments' profiles do, so check by id order instead.
    const attribute = list === '/participants/ecf' && column === 'created_at' ? null : column;
    const ascending = await values(list, column, attribute ?? 'full_name');
    const descending = await values(list, `-${column}`, attribute ?? 'full_name');
    expect(new Set(ascending).size).toBeGreaterThanOrEqual(3);
    if (attribute) {
      expect(ascending).toEqual([...ascending].sort());
      expect(descending).toEqual([...ascending].sort().reverse());
    } else {
      expect(descending).toEqual([...ascending].reverse());
    }
    expect(await values(list, `+${column}`, attribute ?? 'full_name')).toEqual(ascending);
  });

  it('leaves out a column it does not know, as the DfE does, rather than refusing the request', async () => {
    for (const list of LISTS) {
      expect([list, await values(list, 'no_such_column,-updated_at', 'updated_at')]).toEqual([list, await values(list, '-updated_at', 'updated_at')]);
      expect([list, await values(list, 'no_such_column', 'updated_at')]).toEqual([list, await values(list, 'created_at', 'updated_at')]);
    }
  });

  it('sorts delivery partners by name too (spec/requests/api/v3/delivery_partners_spec.rb)', async () => {
    const names = await values('/delivery-partners', '-name', 'name');
    expect(names).toEqual([...names].sort().reverse());
    expect(await values('/delivery-partners', 'name,-updated_at', 'name')).toEqual([...names].sort());
  });
});
