import { describe, expect, it } from '@jest/globals';
import { ZodError } from 'zod';
import { db } from '../../../src/db/client.js';
import { ActionError } from '../../../src/actions/errors.js';
import { createDeliveryPartner } from '../../../src/actions/provider-relationships/create-delivery-partner.js';
import { discardDeliveryPartner } from '../../../src/actions/provider-relationships/discard-delivery-partner.js';
import { findRelationshipMatrix } from '../../../src/actions/provider-relationships/find-relationship-matrix.js';
import { saveDeliveryPartnerRelationships } from '../../../src/actions/provider-relationships/save-delivery-partner-relationships.js';
import { updateDeliveryPartner } from '../../../src/actions/provider-relationships/update-delivery-partner.js';
import { createPartnership } from '../../../src/actions/partnerships/create-partnership.js';
import {
  createCohort, createDeliveryPartner as createDeliveryPartnerRow, createLeadProvider, createPartnership as createPartnershipRow,
  createProviderRelationship, createSchool, userContext,
} from '../../support/factories.js';
import { apiContext } from '../partnerships/world.js';

const support = userContext('support');

async function suppliers() {
  const [c2024, c2025] = [await createCohort(2024), await createCohort(2025)];
  const ambition = await createLeadProvider({ cohorts: [c2024, c2025] });
  const teach = await createLeadProvider({ cohorts: [c2024] });
  const partner = await createDeliveryPartnerRow();
  return { c2024, c2025, ambition, teach, partner };
}

async function liveRelationships(deliveryPartnerId: string) {
  const rows = await db().providerRelationship.findMany({ where: { deliveryPartnerId, discardedAt: null } });
  return rows.map((r) => `${r.leadProviderId}:${r.cohortId}`).sort();
}

/** Runs a refused action and proves it wrote nothing; returns what it threw. */
async function untouched<T>(run: () => Promise<T>): Promise<unknown> {
  const count = () => Promise.all([db().deliveryPartner.count(), db().providerRelationship.findMany({ orderBy: { id: 'asc' } }), db().auditEvent.count()]);
  const before = await count();
  const error = await run().then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e);
  expect(await count()).toEqual(before);
  return error;
}

describe('saveDeliveryPartnerRelationships', () => {
  it('creates ticked pairs, discards unticked ones and revives re-ticked ones, auditing the change', async () => {
    const s = await suppliers();
    const first = await saveDeliveryPartnerRelationships(support, {
      deliveryPartnerId: s.partner.id,
      pairs: [{ leadProviderId: s.ambition.id, cohortId: s.c2024.id }, `${s.teach.id}:${s.c2024.id}`],
    });
    expect(first).toEqual({ created: 2, revived: 0, discarded: 0 });

    const second = await saveDeliveryPartnerRelationships(support, {
      deliveryPartnerId: s.partner.id,
      pairs: [{ leadProviderId: s.ambition.id, cohortId: s.c2025.id }],
    });
    expect(second).toEqual({ created: 1, revived: 0, discarded: 2 });
    expect(await liveRelationships(s.partner.id)).toEqual([`${s.ambition.id}:${s.c2025.id}`]);

    const third = await saveDeliveryPartnerRelationships(support, {
      deliveryPartnerId: s.partner.id,
      pairs: [`${s.ambition.id}:${s.c2025.id}`, `${s.ambition.id}:${s.c2024.id}`],
    });
    expect(third).toEqual({ created: 0, revived: 1, discarded: 0 });
    expect(await db().providerRelationship.count({ where: { deliveryPartnerId: s.partner.id } })).toBe(3);

    const audits = await db().auditEvent.findMany({ where: { subjectId: s.partner.id }, orderBy: { createdAt: 'asc' } });
    expect(audits.map((a) => a.action)).toEqual(Array(3).fill('delivery_partner.relationships_changed'));
    expect(audits[2].before).toEqual({ relationships: [`${s.ambition.name} 2025`] });
    expect(audits[2].after).toEqual({ relationships: [`${s.ambition.name} 2024`, `${s.ambition.name} 2025`] });
  });

  it('writes no audit event when nothing changes', async () => {
    const s = await suppliers();
    await createProviderRelationship(s.ambition, s.partner, s.c2024);
    const result = await saveDeliveryPartnerRelationships(support, { deliveryPartnerId: s.partner.id, pairs: [`${s.ambition.id}:${s.c2024.id}`] });
    expect(result).toEqual({ created: 0, revived: 0, discarded: 0 });
    expect(await db().auditEvent.count({ where: { subjectId: s.partner.id } })).toBe(0);
  });

  it('refuses to remove a pair live partnerships use, naming the schools, lead provider and cohort', async () => {
    const s = await suppliers();
    await createProviderRelationship(s.ambition, s.partner, s.c2024);
    const oak = await createSchool({ name: 'Oak Primary School' });
    const elm = await createSchool({ name: 'Elm Academy' });
    await createPartnershipRow({ school: oak, leadProvider: s.ambition, deliveryPartner: s.partner, cohort: s.c2024 });
    await createPartnershipRow({ school: elm, leadProvider: s.ambition, deliveryPartner: s.partner, cohort: s.c2024 }, { relationship: true });

    const error = (await untouched(() => saveDeliveryPartnerRelationships(support, { deliveryPartnerId: s.partner.id, pairs: [] }))) as ActionError;
    expect(error.code).toBe('CONFLICT');
    expect(error.fieldErrors).toEqual([
      { field: 'pairs', message: `Used by live partnerships: ${s.ambition.name}, 2024 cohort: Elm Academy (URN ${elm.urn}, relationship), Oak Primary School (URN ${oak.urn})` },
    ]);
    expect(error.message).toContain(s.partner.name);
  });

  it('lets a pair go once its partnerships have been challenged', async () => {
    const s = await suppliers();
    await createProviderRelationship(s.ambition, s.partner, s.c2024);
    await createPartnershipRow({ school: await createSchool(), leadProvider: s.ambition, deliveryPartner: s.partner, cohort: s.c2024 }, {
      challengedAt: new Date(), challengeReason: 'mistake',
    });
    await expect(saveDeliveryPartnerRelationships(support, { deliveryPartnerId: s.partner.id, pairs: [] })).resolves.toEqual({ created: 0, revived: 0, discarded: 1 });
  });

  it('refuses a cohort the lead provider is not contracted for', async () => {
    const s = await suppliers();
    const error = (await untouched(() =>
      saveDeliveryPartnerRelationships(support, { deliveryPartnerId: s.partner.id, pairs: [`${s.teach.id}:${s.c2025.id}`] }),
    )) as ActionError;
    expect(error.fieldErrors).toEqual([{ field: 'pairs', message: `${s.teach.name} is not contracted for the 2025 cohort` }]);
  });

  it('refuses users without suppliers.edit and deleted delivery partners', async () => {
    const s = await suppliers();
    const finance = userContext('finance');
    expect(await untouched(() => saveDeliveryPartnerRelationships(finance, { deliveryPartnerId: s.partner.id, pairs: [] }))).toMatchObject({ code: 'FORBIDDEN' });
    const gone = await createDeliveryPartnerRow({ discardedAt: new Date() });
    expect(await untouched(() => saveDeliveryPartnerRelationships(support, { deliveryPartnerId: gone.id, pairs: [] }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never both removes a pair and lets a partnership be reported on it at the same time', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const s = await suppliers();
      await createProviderRelationship(s.ambition, s.partner, s.c2024);
      const school = await createSchool();
      const results = await Promise.allSettled([
        createPartnership(apiContext(s.ambition), { cohort: 2024, schoolId: school.id, deliveryPartnerId: s.partner.id }),
        saveDeliveryPartnerRelationships(support, { deliveryPartnerId: s.partner.id, pairs: [] }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const partnered = (await db().partnership.count({ where: { schoolId: school.id } })) === 1;
      expect(await liveRelationships(s.partner.id)).toHaveLength(partnered ? 1 : 0);
    }
  });
});

describe('delivery partner create, update and delete', () => {
  it('creates a delivery partner with its matrix, squashing spaces in the name', async () => {
    const s = await suppliers();
    const created = await createDeliveryPartner(support, { name: '  North   West Hub ', pairs: [`${s.ambition.id}:${s.c2024.id}`] });
    expect(created.name).toBe('North West Hub');
    expect(await liveRelationships(created.id)).toEqual([`${s.ambition.id}:${s.c2024.id}`]);
    const actions = (await db().auditEvent.findMany({ where: { subjectId: created.id }, orderBy: { createdAt: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['delivery_partner.created', 'delivery_partner.relationships_changed']);
  });

  it.each([[''], ['   '], [null]])('refuses a blank name (%j) with "Enter a name"', async (name) => {
    const error = await untouched(() => createDeliveryPartner(support, { name }));
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => i.message)).toEqual(['Enter a name']);
  });

  it('renames and re-ticks in one save; leaves relationships alone when no pairs are sent', async () => {
    const s = await suppliers();
    await createProviderRelationship(s.ambition, s.partner, s.c2024);
    await updateDeliveryPartner(support, { id: s.partner.id, name: 'Renamed Partner' });
    expect(await liveRelationships(s.partner.id)).toHaveLength(1);
    const updated = await updateDeliveryPartner(support, { id: s.partner.id, name: 'Renamed Partner', pairs: [`${s.teach.id}:${s.c2024.id}`] });
    expect(updated.name).toBe('Renamed Partner');
    expect(await liveRelationships(s.partner.id)).toEqual([`${s.teach.id}:${s.c2024.id}`]);
    const rename = await db().auditEvent.findFirstOrThrow({ where: { subjectId: s.partner.id, action: 'delivery_partner.updated' } });
    expect(rename.after).toEqual({ name: 'Renamed Partner' });
    expect(await db().auditEvent.count({ where: { subjectId: s.partner.id, action: 'delivery_partner.updated' } })).toBe(1);
  });

  it('refuses to delete a delivery partner schools are in partnership with, naming them', async () => {
    const s = await suppliers();
    await createProviderRelationship(s.ambition, s.partner, s.c2024);
    const school = await createSchool({ name: 'Birch School' });
    await createPartnershipRow({ school, leadProvider: s.ambition, deliveryPartner: s.partner, cohort: s.c2024 });
    const error = (await untouched(() => discardDeliveryPartner(support, { id: s.partner.id }))) as ActionError;
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`Birch School (URN ${school.urn})`);
    expect(error.message).toContain(`${s.ambition.name}, 2024 cohort`);
  });

  it('deletes (discards) an unused delivery partner with its relationships', async () => {
    const s = await suppliers();
    await createProviderRelationship(s.ambition, s.partner, s.c2024);
    const discarded = await discardDeliveryPartner(support, { id: s.partner.id, reason: 'Merged into another hub' });
    expect(discarded.discardedAt).toBeInstanceOf(Date);
    expect(await liveRelationships(s.partner.id)).toEqual([]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectId: s.partner.id, action: 'delivery_partner.discarded' } });
    expect(audit).toMatchObject({ reason: 'Merged into another hub', after: expect.objectContaining({ relationshipsDiscarded: 1 }) });
  });
});

describe('findRelationshipMatrix', () => {
  it("shows each lead provider's contracted cohorts, ticked where related, with partnerships that lock them", async () => {
    const s = await suppliers();
    await createProviderRelationship(s.ambition, s.partner, s.c2024);
    await createPartnershipRow({ school: await createSchool(), leadProvider: s.ambition, deliveryPartner: s.partner, cohort: s.c2024 });
    const rows = await findRelationshipMatrix(s.partner.id);
    expect(rows.find((r) => r.leadProviderId === s.ambition.id)?.cells).toEqual([
      { cohortId: s.c2024.id, startYear: 2024, value: `${s.ambition.id}:${s.c2024.id}`, selected: true, livePartnerships: 1 },
      { cohortId: s.c2025.id, startYear: 2025, value: `${s.ambition.id}:${s.c2025.id}`, selected: false, livePartnerships: 0 },
    ]);
    expect(rows.find((r) => r.leadProviderId === s.teach.id)?.cells.map((c) => c.selected)).toEqual([false]);
    const blank = await findRelationshipMatrix();
    expect(blank.flatMap((r) => r.cells).every((c) => !c.selected && c.livePartnerships === 0)).toBe(true);
  });
});
