// Lead providers' API tokens: made by an admin (shown once) or on the command line, stored only as a
// hash, listed with their last use, and revoked so that the next request is refused.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { createApiToken } from '../../src/actions/api-tokens/create-api-token.js';
import { ALREADY_REVOKED, revokeApiToken } from '../../src/actions/api-tokens/revoke-api-token.js';
import { createApiTokenPage } from '../../src/admin/confirm/create-api-token-page.js';
import { hashApiToken } from '../../src/auth/api-token.js';
import { db } from '../../src/db/client.js';
import { createLeadProvider, userContext } from '../support/factories.js';
import { startApi, type ApiClient } from './support/api-client.js';

const admin = userContext('admin');
let api: ApiClient;

beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const denied = { status: 401, body: { error: 'HTTP Token: Access denied' } };

/** `npm run cli -- api-tokens:create ...` as an operator runs it, against this test's database. */
function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'api-tokens:create', ...args], { env: { ...process.env, NODE_OPTIONS: '' } },
      (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }));
  });
}

describe('API tokens', () => {
  it('are stored only as a hash, work at once, and show their last use', async () => {
    const leadProvider = await createLeadProvider();
    const created = await createApiToken(admin, { leadProviderId: leadProvider.id, description: 'Maytas' });

    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.hashedToken).toBe(hashApiToken(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'api_token.created', subjectId: created.id } });
    expect(JSON.stringify(audit)).not.toContain(created.token);
    expect(stored.lastUsedAt).toBeNull();

    expect((await api.get('/participants/ecf', created.token)).status).toBe(200);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();
  });

  it('are refused with 401 once revoked, and a second revocation is refused and records nothing', async () => {
    const leadProvider = await createLeadProvider();
    const created = await createApiToken(admin, { leadProviderId: leadProvider.id });
    await revokeApiToken(admin, { id: created.id });
    expect(await api.get('/participants/ecf', created.token)).toEqual(denied);

    await expect(revokeApiToken(admin, { id: created.id })).rejects.toThrow(ALREADY_REVOKED);
    expect(await db().auditEvent.count({ where: { action: 'api_token.revoked', subjectId: created.id } })).toBe(1);
  });

  it('may be made and revoked only by admins', async () => {
    const leadProvider = await createLeadProvider();
    await expect(createApiToken(userContext('finance'), { leadProviderId: leadProvider.id })).rejects.toThrow('You do not have permission to do this.');
    expect(await db().apiToken.count({ where: { cpdLeadProviderId: leadProvider.cpdLeadProviderId } })).toBe(0);

    const created = await createApiToken(admin, { leadProviderId: leadProvider.id });
    await expect(revokeApiToken(userContext('support'), { id: created.id })).rejects.toThrow('You do not have permission to do this.');
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).revokedAt).toBeNull();
  });

  it("are shown once on the back office's confirmation screen", async () => {
    const leadProvider = await createLeadProvider();
    const screen = await createApiTokenPage.load(admin, leadProvider.id);
    expect(screen.rows).toContainEqual(['Tokens in use', '0']);

    const result = await createApiTokenPage.submit(admin, leadProvider.id, { description: 'Student records system' });
    if (typeof result === 'string') throw new Error('expected the token on an outcome screen');
    const token = result.outcome.rows.find(([label]) => label === 'Token')![1];
    expect(result.outcome.done).toBe(true);
    expect((await api.get('/participants/ecf', token)).status).toBe(200);
    expect((await createApiTokenPage.load(admin, leadProvider.id)).rows).toContainEqual(['Tokens in use', '1']);
  });

  it('are made on the command line, printing {"token": ...} as the last line with --json', async () => {
    const leadProvider = await createLeadProvider();
    const { code, stdout } = await cli('--lead-provider', leadProvider.name, '--json');
    expect(code).toBe(0);
    const last = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(Object.keys(last)).toEqual(['token']);
    expect((await api.get('/participants/ecf', last.token)).status).toBe(200);

    const unknown = await cli('--lead-provider', 'No Such Provider', '--json');
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout.trim().split('\n').pop()!)).toMatchObject({ ok: false, error: 'Lead provider "No Such Provider" not found' });
  });
});
