import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Cohort, LeadProvider } from '@prisma/client';
import { createCohort, createLeadProvider, createStatement } from '../support/factories.js';
import { createToken, startApi, type ApiClient } from './support/api-client.js';
import { isoTime } from '../../src/api/http/format.js';

let cohort: Cohort;
let leadProvider: LeadProvider;
let api: ApiClient;

beforeAll(async () => {
  cohort = await createCohort(2024);
  leadProvider = await createLeadProvider({ cohorts: [cohort] });
  api = await startApi(await createToken(leadProvider));
});
afterAll(() => api.close());

describe('GET /statements', () => {
  it("lists the caller's output-fee statements by payment date, and nobody else's", async () => {
    const cohort2023 = await createCohort(2023);
    const may = await createStatement(leadProvider, cohort, { name: 'May 2025', deadlineDate: new Date('2025-04-30'), paymentDate: new Date('2025-05-25'), state: 'paid' });
    const january = await createStatement(leadProvider, cohort, { name: 'January 2025', deadlineDate: new Date('2024-12-31'), paymentDate: new Date('2025-01-25') });
    const older = await createStatement(leadProvider, cohort2023, { name: 'March 2024', deadlineDate: new Date('2024-02-29'), paymentDate: new Date('2024-03-25') });
    await createStatement(leadProvider, cohort, { name: 'Service fee only', outputFee: false });
    await createStatement(await createLeadProvider(), cohort, { name: 'June 2025' });

    const { body } = await api.get('/statements');
    expect(body.data.map((s: { id: string }) => s.id)).toEqual([older.id, january.id, may.id]);
    expect(body.data[2]).toEqual({
      id: may.id,
      type: 'statement',
      attributes: {
        month: 'May', year: '2025', type: 'ecf', cohort: '2024', cut_off_date: '2025-04-30', payment_date: '2025-05-25', paid: true,
        created_at: isoTime(may.createdAt), updated_at: isoTime(may.updatedAt),
      },
    });
    expect((await api.get('/statements?filter[cohort]=2023')).body.data.map((s: { id: string }) => s.id)).toEqual([older.id]);
    expect((await api.get('/statements?filter[type]=npq')).body.data).toEqual([]);
    expect((await api.get(`/statements/${january.id}`)).body.data.attributes.month).toBe('January');
    expect((await api.get(`/statements?filter[updated_since]=${new Date(Date.now() + 60_000).toISOString()}`)).body.data).toEqual([]);
  });

  it("does not show another provider's statement", async () => {
    const theirs = await createStatement(await createLeadProvider(), cohort, { name: 'July 2025' });
    expect(await api.get(`/statements/${theirs.id}`)).toEqual({ status: 404, body: { error: 'Resource not Found' } });
  });
});
