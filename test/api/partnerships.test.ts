import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Cohort, DeliveryPartner, LeadProvider } from '@prisma/client';
import { db } from '../../src/db/client.js';
import { createCohort, createDeliveryPartner, createLeadProvider, createPartnership, createProviderRelationship, createSchool } from '../support/factories.js';
import { createToken, startApi, type ApiClient } from './support/api-client.js';

let cohort: Cohort;
let leadProvider: LeadProvider;
let deliveryPartner: DeliveryPartner;
let api: ApiClient;

beforeAll(async () => {
  cohort = await createCohort(2024);
  leadProvider = await createLeadProvider({ cohorts: [cohort] });
  deliveryPartner = await createDeliveryPartner();
  await createProviderRelationship(leadProvider, deliveryPartner, cohort);
  api = await startApi(await createToken(leadProvider));
});
afterAll(() => api.close());

const post = (attributes: Record<string, unknown>) => api.post('/partnerships/ecf', { data: { type: 'ecf-partnership', attributes } });
const put = (id: string, deliveryPartnerId: unknown) =>
  api.put(`/partnerships/ecf/${id}`, { data: { type: 'ecf-partnership-update', attributes: { delivery_partner_id: deliveryPartnerId } } });
const errors = (...pairs: [string, string][]) => ({ status: 422, body: { errors: pairs.map(([title, detail]) => ({ title, detail })) } });

describe('POST /partnerships/ecf', () => {
  it('confirms a partnership and answers with it', async () => {
    const school = await createSchool({ primaryContactEmail: 'tutor@school.example' });
    const { status, body } = await post({ cohort: '2024', school_id: school.id, delivery_partner_id: deliveryPartner.id });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      type: 'partnership',
      attributes: {
        cohort: '2024', urn: school.urn, school_id: school.id, delivery_partner_id: deliveryPartner.id, delivery_partner_name: deliveryPartner.name,
        status: 'active', challenged_reason: null, challenged_at: null, induction_tutor_email: 'tutor@school.example',
      },
    });
    expect((await api.get(`/partnerships/ecf/${body.data.id}`)).body).toEqual(body);
    expect(await post({ cohort: '2024', school_id: school.id, delivery_partner_id: deliveryPartner.id })).toEqual(
      errors(['school_id', 'You are already in a confirmed partnership with this school for the entered cohort.']),
    );
  });

  it('reports every blank attribute at once, verbatim', async () => {
    expect(await post({})).toEqual(errors(
      ['cohort', "Enter a '#/cohort'."],
      ['school_id', "Enter a '#/school_id'."],
      ['delivery_partner_id', "Enter a '#/delivery_partner_id'."],
    ));
  });

  it('names unknown cohorts, schools and delivery partners, verbatim', async () => {
    expect(await post({ cohort: '1999', school_id: randomUUID(), delivery_partner_id: randomUUID() })).toEqual(errors(
      ['cohort', "The '#/cohort' you have entered is invalid. Check cohort details and try again."],
      ['school_id', "The '#/school_id' you have entered is invalid. Check school details and try again. Contact the DfE for support if you are unable to find the '#/school_id'."],
      ['delivery_partner_id', "The '#/delivery_partner_id' you have entered is invalid. Check delivery partner details and try again."],
    ));
  });

  // app/services/partnerships/create.rb: presence of every attribute is validated before any value is judged,
  // so blank attributes come first; an unknown cohort leaves the delivery partner without a relationship.
  it('lists blank attributes before wrong ones, as the DfE validates them', async () => {
    expect(await post({ cohort: '1999', school_id: '', delivery_partner_id: 'not-an-id' })).toEqual(errors(
      ['school_id', "Enter a '#/school_id'."],
      ['cohort', "The '#/cohort' you have entered is invalid. Check cohort details and try again."],
      ['delivery_partner_id', "The '#/delivery_partner_id' you have entered is invalid. Check delivery partner details and try again."],
    ));
    expect(await post({ cohort: 'next year', school_id: 'abc', delivery_partner_id: deliveryPartner.id })).toEqual(errors(
      ['cohort', "The '#/cohort' you have entered is invalid. Check cohort details and try again."],
      ['school_id', "The '#/school_id' you have entered is invalid. Check school details and try again. Contact the DfE for support if you are unable to find the '#/school_id'."],
      ['delivery_partner_id', 'The entered delivery partner is not recognised to be working in partnership with you for the given cohort. Contact the DfE for more information.'],
    ));
  });

  it('refuses schools that cannot take funded training or already have a provider, verbatim', async () => {
    const independent = await createSchool({ schoolTypeCode: 11 });
    const closed = await createSchool({ schoolStatusCode: 2 });
    const taken = await createSchool();
    await createPartnership({ school: taken, leadProvider: await createLeadProvider(), deliveryPartner: await createDeliveryPartner(), cohort });
    const attempt = (schoolId: string) => post({ cohort: '2024', school_id: schoolId, delivery_partner_id: deliveryPartner.id });

    expect(await attempt(independent.id)).toEqual(errors(['school_id', 'The school you have entered has not registered to deliver DfE-funded training. Contact the school for more information.']));
    expect(await attempt(closed.id)).toEqual(errors(['school_id', 'The school you have entered is currently ineligible for DfE funding. Contact the school for more information.']));
    expect(await attempt(taken.id)).toEqual(errors(['school_id', 'Another provider is in a confirmed partnership with the school for the cohort you entered. Contact the school for more information.']));
  });

  it('refuses a delivery partner the provider has no relationship with for the cohort', async () => {
    const stranger = await createDeliveryPartner();
    const school = await createSchool();
    expect(await post({ cohort: '2024', school_id: school.id, delivery_partner_id: stranger.id })).toEqual(errors([
      'delivery_partner_id',
      'The entered delivery partner is not recognised to be working in partnership with you for the given cohort. Contact the DfE for more information.',
    ]));
    expect(await db().partnership.count({ where: { schoolId: school.id } })).toBe(0);
  });
});

describe('PUT /partnerships/ecf/{id}', () => {
  it('changes the delivery partner', async () => {
    const partnership = await createPartnership({ school: await createSchool(), leadProvider, deliveryPartner, cohort });
    const replacement = await createDeliveryPartner();
    await createProviderRelationship(leadProvider, replacement, cohort);
    const { status, body } = await put(partnership.id, replacement.id);
    expect(status).toBe(200);
    expect(body.data.attributes).toMatchObject({ delivery_partner_id: replacement.id, delivery_partner_name: replacement.name });
  });

  it('refuses a challenged partnership, a blank or unknown delivery partner, verbatim', async () => {
    const challenged = await createPartnership({ school: await createSchool(), leadProvider, deliveryPartner, cohort }, { challengedAt: new Date(), challengeReason: 'not_confirmed' });
    const other = await createDeliveryPartner();
    await createProviderRelationship(leadProvider, other, cohort);
    expect(await put(challenged.id, other.id)).toEqual(errors([
      'delivery_partner_id',
      'Your update cannot be made as this partnership has been challenged by the school. If this partnership has been challenged in error, submit a new partnership confirmation using the endpoint POST /api/v3/partnerships/ecf.',
    ]));
    expect(await put(challenged.id, '')).toEqual(errors(['delivery_partner_id', "Enter a '#/delivery_partner_id'."]));
    expect(await put(challenged.id, randomUUID())).toEqual(errors([
      'delivery_partner_id', "The '#/delivery_partner_id' you have entered is invalid. Check delivery partner details and try again.",
    ]));
  });

  it("does not find another provider's partnership", async () => {
    const theirs = await createPartnership({ school: await createSchool(), leadProvider: await createLeadProvider(), deliveryPartner, cohort });
    expect(await put(theirs.id, deliveryPartner.id)).toEqual({ status: 404, body: { error: 'Resource not Found' } });
    expect((await api.get(`/partnerships/ecf/${theirs.id}`)).status).toBe(404);
  });
});

describe('GET /partnerships/ecf', () => {
  it("lists the caller's partnerships, not relationships or other providers', with filters", async () => {
    const cohort2023 = await createCohort(2023);
    const own = await createPartnership({ school: await createSchool(), leadProvider, deliveryPartner, cohort });
    const old = await createPartnership({ school: await createSchool(), leadProvider, deliveryPartner, cohort: cohort2023 });
    const relationship = await createPartnership({ school: await createSchool(), leadProvider, deliveryPartner, cohort }, { relationship: true });
    const challenged = await createPartnership({ school: await createSchool(), leadProvider, deliveryPartner, cohort }, { challengedAt: new Date(), challengeReason: 'no_ects' });
    const theirs = await createPartnership({ school: await createSchool(), leadProvider: await createLeadProvider(), deliveryPartner, cohort });
    const list = async (query = '') => (await api.get(`/partnerships/ecf?page[per_page]=3000${query}`)).body.data;

    const ids = (await list()).map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([own.id, old.id, challenged.id]));
    expect(ids).not.toContain(relationship.id);
    expect(ids).not.toContain(theirs.id);
    expect((await list('&filter[cohort]=2023')).map((p: { id: string }) => p.id)).toEqual([old.id]);
    expect((await list(`&filter[delivery_partner_id]=${randomUUID()}`))).toEqual([]);
    const shownChallenged = (await list()).find((p: { id: string }) => p.id === challenged.id);
    expect(shownChallenged.attributes).toMatchObject({ status: 'challenged', challenged_reason: 'no_ects' });

    const since = new Date(Date.now() + 1000);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await list(`&filter[updated_since]=${since.toISOString()}`)).toEqual([]);
    await db().school.update({ where: { id: own.schoolId }, data: { name: 'Renamed school' } });
    expect((await list(`&filter[updated_since]=${since.toISOString()}`)).map((p: { id: string }) => p.id)).toEqual([own.id]);
  });
});
