import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { db } from '../../src/db/client.js';
import {
  createCohort, createDeliveryPartner, createLeadProvider, createPartnership, createProviderRelationship, createSchool, createSchoolCohort,
} from '../support/factories.js';
import { createToken, startApi, type ApiClient } from './support/api-client.js';
import type { Cohort, LeadProvider } from '@prisma/client';

let cohort: Cohort;
let leadProvider: LeadProvider;
let api: ApiClient;

beforeAll(async () => {
  cohort = await createCohort(2024);
  leadProvider = await createLeadProvider({ cohorts: [cohort] });
  api = await startApi(await createToken(leadProvider));
});
afterAll(() => api.close());

const schoolIds = async (query = '') => (await api.get(`/schools/ecf?filter[cohort]=2024&page[per_page]=3000${query}`)).body.data.map((s: { id: string }) => s.id);

describe('GET /schools/ecf', () => {
  it('lists eligible schools, not ineligible or CIP-only ones, plus any school already partnered for the cohort', async () => {
    const eligible = await createSchool();
    const closed = await createSchool({ schoolStatusCode: 2, schoolStatusName: 'Closed' });
    const independent = await createSchool({ schoolTypeCode: 11, schoolTypeName: 'Other independent school' });
    const welshPartnered = await createSchool({ administrativeDistrictCode: 'W06000001' });
    const otherProvider = await createLeadProvider();
    const dp = await createDeliveryPartner();
    await createPartnership({ school: welshPartnered, leadProvider: otherProvider, deliveryPartner: dp, cohort });
    const relationshipOnly = await createSchool({ schoolTypeCode: 10 });
    await createPartnership({ school: relationshipOnly, leadProvider: otherProvider, deliveryPartner: dp, cohort }, { relationship: true });

    const listed = await schoolIds();
    expect(listed).toEqual(expect.arrayContaining([eligible.id, welshPartnered.id]));
    for (const school of [closed, independent, relationshipOnly]) expect(listed).not.toContain(school.id);
  });

  it('shows the school for the cohort: its programme choice and whether it is in a confirmed partnership', async () => {
    const school = await createSchool();
    await createSchoolCohort(school, cohort, { inductionProgrammeChoice: 'core_induction_programme' });
    const { body } = await api.get(`/schools/ecf/${school.id}?filter[cohort]=2024`);
    expect(body.data).toEqual({
      id: school.id,
      type: 'school',
      attributes: expect.objectContaining({ name: school.name, urn: school.urn, cohort: '2024', in_partnership: false, induction_programme_choice: 'school_led' }),
    });

    const challenged = await createSchool();
    await createPartnership({ school: challenged, leadProvider, deliveryPartner: await createDeliveryPartner(), cohort }, { challengedAt: new Date(), challengeReason: 'mistake' });
    const partnered = await createSchool();
    await createPartnership({ school: partnered, leadProvider, deliveryPartner: await createDeliveryPartner(), cohort });
    const inPartnership = async (id: string) => (await api.get(`/schools/ecf/${id}?filter[cohort]=2024`)).body.data.attributes.in_partnership;
    expect([await inPartnership(challenged.id), await inPartnership(partnered.id)]).toEqual([false, true]);
    expect((await api.get(`/schools/ecf/${partnered.id}?filter[cohort]=2024`)).body.data.attributes.induction_programme_choice).toBe('not_yet_known');
  });

  it('filters by URN and by updated_since (the school or its choice for the cohort)', async () => {
    const school = await createSchool();
    expect(await schoolIds(`&filter[urn]=${school.urn}`)).toEqual([school.id]);
    const since = new Date(Date.now() + 1000);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await schoolIds(`&filter[updated_since]=${since.toISOString()}`)).toEqual([]);
    await createSchoolCohort(school, cohort, { inductionProgrammeChoice: 'no_early_career_teachers' });
    expect(await schoolIds(`&filter[updated_since]=${since.toISOString()}`)).toEqual([school.id]);
  });

  it('sorts by updated_at when asked', async () => {
    const { body } = await api.get('/schools/ecf?filter[cohort]=2024&sort=-updated_at&page[per_page]=3000');
    const times = body.data.map((s: { attributes: { updated_at: string } }) => s.attributes.updated_at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('does not find a school outside the list, or for an unknown cohort', async () => {
    const closed = await createSchool({ schoolStatusCode: 2 });
    expect((await api.get(`/schools/ecf/${closed.id}?filter[cohort]=2024`)).status).toBe(404);
    const school = await createSchool();
    expect((await api.get(`/schools/ecf/${school.id}?filter[cohort]=2031`)).status).toBe(404);
  });
});

describe('GET /delivery-partners', () => {
  it('lists only delivery partners in a provider relationship with the caller, with their cohorts', async () => {
    const cohort2025 = await createCohort(2025);
    const mine = await createDeliveryPartner();
    await createProviderRelationship(leadProvider, mine, cohort);
    await createProviderRelationship(leadProvider, mine, cohort2025);
    const notMine = await createDeliveryPartner();
    await createProviderRelationship(await createLeadProvider(), notMine, cohort);
    const discarded = await createDeliveryPartner();
    await db().providerRelationship.create({ data: { leadProviderId: leadProvider.id, deliveryPartnerId: discarded.id, cohortId: cohort.id, discardedAt: new Date() } });

    const { body } = await api.get('/delivery-partners');
    expect(body.data.map((d: { id: string }) => d.id)).toEqual([mine.id]);
    expect(body.data[0].attributes).toMatchObject({ name: mine.name, cohort: ['2024', '2025'] });
    expect((await api.get('/delivery-partners?filter[cohort]=2023')).body.data).toEqual([]);
    expect((await api.get('/delivery-partners?filter[cohort]=2025')).body.data).toHaveLength(1);
    expect((await api.get(`/delivery-partners/${mine.id}`)).body.data.id).toBe(mine.id);
    expect((await api.get(`/delivery-partners/${notMine.id}`)).status).toBe(404);
  });
});
