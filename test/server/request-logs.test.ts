// The app's logs as an operator collects them: `npm start`'s process writes one JSON line per request with
// its id (also the X-Request-Id header, and the reference on an error page), who made it, method, route,
// status and duration; never a token, password, cookie, email or query string.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLeadProvider, createUser } from '../support/factories.js';
import { createToken } from '../api/support/api-client.js';
import { startApp, type RunningApp } from '../support/app-process.js';
import { StaffClient } from '../security/staff-client.js';

const PASSWORD = 'correct-horse-battery-staple';
let app: RunningApp;

beforeAll(async () => {
  app = await startApp(process.env.DATABASE_URL!, { SEED_DEMO_DATA: 'false', LOG_LEVEL: 'info', TRUST_PROXY: '1', TEST_SLOW_REQUESTS: 'true' });
}, 360_000);

afterAll(async () => {
  await app?.stop();
});

type LogLine = Record<string, unknown>;

const logLines = (): LogLine[] => app.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as LogLine);

/** The request's log line, once written (it is written when the response has finished). */
async function requestLine(requestId: string): Promise<LogLine> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const line = logLines().find((l) => l.msg === 'request' && l.requestId === requestId);
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`No log line for request ${requestId}:\n${app.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('request logs', () => {
  it("logs an API call with the token's lead provider, its route, status and duration, and not the token", async () => {
    const leadProvider = await createLeadProvider({ name: 'Logged Provider' });
    const token = await createToken(leadProvider);
    const answer = await fetch(`${app.url}/api/v3/participants/ecf?filter[updated_since]=2020-01-01T00:00:00Z`, { headers: { authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(200);
    const id = answer.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = await requestLine(id);
    expect(line).toMatchObject({ level: 'info', method: 'GET', route: '/api/v3/participants/ecf', path: '/api/v3/participants/ecf', status: 200, leadProvider: 'Logged Provider' });
    expect(typeof line.durationMs).toBe('number');
    expect(typeof line.time).toBe('string');
    expect(app.output()).not.toContain(token);
    expect(app.output()).not.toContain('updated_since');
  });

  it("logs a staff user's id and role, never their email, password or session cookie", async () => {
    const user = await createUser('finance', { password: PASSWORD });
    const client = new StaffClient(app.url);
    expect((await client.signIn(user.email, PASSWORD)).status).toBe(302);
    const answer = await client.get('/admin/api/resources/Statement/actions/list');
    expect(answer.status).toBe(200);
    const line = await requestLine(answer.headers.get('x-request-id')!);
    expect(line).toMatchObject({ method: 'GET', status: 200, user: user.id, role: 'finance', route: '/admin/api/resources/:resourceId/actions/:action' });
    const output = app.output();
    expect(output).not.toContain(user.email);
    expect(output).not.toContain(PASSWORD);
    expect(output).not.toContain(client.sessionId!);
  });

  it("masks a portal sign-in link's token in the path", async () => {
    const answer = await fetch(`${app.url}/check-data/sign-in/a-secret-link-token-123`);
    const line = await requestLine(answer.headers.get('x-request-id')!);
    expect(line).toMatchObject({ route: '/check-data/sign-in/:token', path: '/check-data/sign-in/:token' });
    expect(app.output()).not.toContain('a-secret-link-token-123');
  });

  it("keeps a trusted proxy's X-Request-Id, and replaces one that is not a plain id", async () => {
    const kept = await fetch(`${app.url}/livez`, { headers: { 'x-request-id': 'lb-7f3a-0001' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a-0001');
    expect(await requestLine('lb-7f3a-0001')).toMatchObject({ route: '/livez', status: 200 });
    const replaced = await fetch(`${app.url}/livez`, { headers: { 'x-request-id': 'bad id\twith "quotes"' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs a failure with the id the error page shows', async () => {
    const answer = await fetch(`${app.url}/__test/slow?fail=1`);
    expect(answer.status).toBe(500);
    const id = answer.headers.get('x-request-id')!;
    const page = await answer.text();
    expect(page).toContain(id);
    expect(page).not.toContain('on purpose');
    expect(await requestLine(id)).toMatchObject({ level: 'error', status: 500 });
    const failure = logLines().find((l) => l.msg === 'Request failed' && l.requestId === id);
    expect(failure).toMatchObject({ level: 'error', err: { message: 'A failure made on purpose by the test hook' } });
  });
});
