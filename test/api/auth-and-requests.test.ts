import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { db } from '../../src/db/client.js';
import { createParticipant, createParticipantWorld, type ParticipantWorld } from '../support/factories.js';
import { createToken, startApi, type ApiClient } from './support/api-client.js';

let world: ParticipantWorld;
let token: string;
let api: ApiClient;

beforeAll(async () => {
  world = await createParticipantWorld(2024);
  await createParticipant(world);
  await createParticipant(world);
  token = await createToken(world.leadProvider);
  api = await startApi(token);
});
afterAll(() => api.close());

const badRequest = (title: string, detail: string) => ({ errors: [{ title, detail }] });

describe('authentication', () => {
  it('refuses a missing, unknown or revoked token with the DfE 401 body', async () => {
    const revoked = await createToken(world.leadProvider, { revokedAt: new Date() });
    for (const bearer of [null, 'not-a-token', revoked]) {
      expect(await api.get('/participants/ecf', bearer)).toEqual({ status: 401, body: { error: 'HTTP Token: Access denied' } });
    }
  });

  it('accepts a valid token and stamps its last use', async () => {
    const fresh = await createToken(world.leadProvider);
    const before = new Date();
    expect((await api.get('/participants/ecf', fresh)).status).toBe(200);
    const stored = await db().apiToken.findFirstOrThrow({ where: { cpdLeadProviderId: world.leadProvider.cpdLeadProviderId, revokedAt: null, lastUsedAt: { gte: before } } });
    expect(stored.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 5);
  });

  it('forbids a token whose owner is not a lead provider', async () => {
    const cpd = await db().cpdLeadProvider.create({ data: { name: `Orphan ${randomUUID()}` } });
    const orphan = await createToken({ cpdLeadProviderId: cpd.id });
    expect(await api.get('/participants/ecf', orphan)).toEqual({ status: 403, body: null });
  });

  it('answers 503 with the message while in maintenance, before checking the token', async () => {
    const closed = await startApi(token, { maintenanceMessage: async () => 'The service is down for maintenance until 10pm.' });
    try {
      expect(await closed.get('/participants/ecf', null)).toEqual({
        status: 503,
        body: { errors: [{ title: 'Service unavailable', detail: 'The service is down for maintenance until 10pm.' }] },
      });
    } finally {
      await closed.close();
    }
    const open = await startApi(token, { maintenanceMessage: () => null });
    try {
      expect((await open.get('/participants/ecf')).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('pagination', () => {
  const invalid = badRequest('Bad request', "The '#/page[page]' and '#/page[per_page]' parameter values must be a valid number (equal and more than 1)");

  it('pages through results without overlap', async () => {
    const first = await api.get('/participants/ecf?page[per_page]=1&page[page]=1');
    const second = await api.get('/participants/ecf?page[per_page]=1&page[page]=2');
    const third = await api.get('/participants/ecf?page[per_page]=1&page[page]=3');
    expect([first.body.data.length, second.body.data.length, third.body.data.length]).toEqual([1, 1, 0]);
    expect(first.body.data[0].id).not.toBe(second.body.data[0].id);
    expect((await api.get('/participants/ecf?page[per_page]=5000')).body.data).toHaveLength(2);
  });

  it('refuses page numbers and sizes that are not whole numbers of at least 1', async () => {
    for (const query of ['page[page]=0', 'page[per_page]=0', 'page[page]=abc', 'page[per_page]=-3', 'page=2']) {
      expect(await api.get(`/participants/ecf?${query}`)).toEqual({ status: 400, body: invalid });
    }
    expect((await api.get('/participants/ecf?page[page]=2abc&page[per_page]=1')).body.data).toHaveLength(1);
  });
});

describe('filters', () => {
  it('must be a hash', async () => {
    expect(await api.get('/participants/ecf?filter=2024')).toEqual({ status: 400, body: badRequest('Bad parameter', 'Filter must be a hash') });
  });

  it('refuses an updated_since that is not an RFC 3339 date-time', async () => {
    for (const value of ['yesterday', '2024-13-45T00:00:00Z', '2024-02-30', '2024-01-01T10:00', '%E0%A4%A']) {
      expect(await api.get(`/participants/ecf?filter[updated_since]=${value}`)).toEqual({
        status: 400,
        body: badRequest('Bad request', "The filter '#/updated_since' must be a valid RCF3339 date"),
      });
    }
    for (const value of ['2024-01-01T00:00:00Z', '2024-01-01T00:00:00.123%2B01:00', '2024-01-01T00:00:00+01:00', '2024-01-01', '2024-01-01T00:00:00%252B0100']) {
      expect((await api.get(`/participants/ecf?filter[updated_since]=${value}`)).status).toBe(200);
    }
  });

  it('refuses an unknown training status, listing the valid ones', async () => {
    expect(await api.get('/participants/ecf?filter[training_status]=paused')).toEqual({
      status: 400,
      body: badRequest('Bad request', `The filter '#/training_status' must be ["active", "deferred", "withdrawn"]`),
    });
  });

  it('requires filter[cohort] for schools', async () => {
    const missing = { status: 400, body: badRequest('Bad parameter', "The filter '#/cohort' must be included in your request") };
    expect(await api.get('/schools/ecf')).toEqual(missing);
    expect(await api.get(`/schools/ecf/${world.school.id}`)).toEqual(missing);
    expect(await api.get('/schools/ecf?filter[cohort]=1999')).toEqual({ status: 200, body: { data: [] } });
  });
});

describe('missing records and malformed bodies', () => {
  it('answers an unknown or malformed id with the DfE 404 body', async () => {
    for (const path of [`/participants/ecf/${randomUUID()}`, '/participants/ecf/123', `/participant-declarations/${randomUUID()}`, `/statements/${randomUUID()}`]) {
      expect(await api.get(path)).toEqual({ status: 404, body: { error: 'Resource not Found' } });
    }
  });

  it('answers a body without data, or unreadable JSON, with 400', async () => {
    const structure = { status: 400, body: badRequest('Bad request', 'correct json data structure required. See API docs for reference') };
    expect(await api.post('/participant-declarations', { participant_id: 'x' })).toEqual(structure);
    expect(await api.post('/participant-declarations', '{"data": ')).toEqual(structure);
    expect(await api.put(`/participants/ecf/${randomUUID()}/defer`, {})).toEqual(structure);
  });
});
