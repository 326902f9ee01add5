// The back office's defences against an attacker, over HTTP against the real app (`npm start` as a
// process): uploads, forged requests, session fixation and ending, role escalation, sign-in throttling,
// headers and the errors clients cause.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { db } from '../../src/db/client.js';
import { createDeclaration, createLeadProvider, createParticipant, createParticipantWorld, createSchool, createUser } from '../support/factories.js';
import { createPortalUser } from '../actions/portal/portal-world.js';
import { createToken } from '../api/support/api-client.js';
import { startApp, type RunningApp } from '../support/app-process.js';
import { StaffClient } from './staff-client.js';

const PASSWORD = 'correct-horse-battery-staple';
let app: RunningApp;
let uploads: string;

beforeAll(async () => {
  uploads = await mkdtemp(path.join(tmpdir(), 'sec-uploads-'));
  app = await startApp(process.env.DATABASE_URL!, { TMPDIR: uploads, UPLOAD_MAX_MB: '1', SEED_DEMO_DATA: 'false', LOGIN_ATTEMPTS_PER_15_MIN: '5' });
}, 360_000);

afterAll(async () => {
  await app?.stop();
  await rm(uploads, { recursive: true, force: true });
});

const leftOver = async () => (await readdir(uploads)).filter((name) => name.startsWith('upload_'));

async function staff(role: Parameters<typeof createUser>[0]) {
  const user = await createUser(role, { password: PASSWORD });
  const client = new StaffClient(app.url);
  expect((await client.signIn(user.email, PASSWORD)).status).toBe(302);
  return { user, client };
}

describe('uploads', () => {
  it('parses no body for an anonymous request, leaving no file behind', async () => {
    const anonymous = new StaffClient(app.url);
    const answer = await anonymous.form('/admin/api/resources/School/actions/importGias', { file: new Blob(['x'.repeat(200_000)]) });
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/admin/login');
    expect(await leftOver()).toEqual([]);
  });

  it('takes files only on the actions that import them, bounds their size, and deletes every one when the request ends', async () => {
    const { client } = await staff('support');
    const school = await createSchool();
    const notAnImport = await client.form(`/admin/api/resources/School/records/${school.id}/edit`, { name: 'Renamed', file: new Blob(['a,b\n']) });
    expect(notAnImport.status).toBe(400);
    const tooBig = await client.form('/admin/api/resources/School/actions/importGias', { mode: 'preview', file: new Blob(['x'.repeat(2 * 1024 * 1024)]) });
    expect(tooBig.status).toBe(413);
    const preview = await client.form('/admin/api/resources/School/actions/importGias', { mode: 'preview', file: new Blob(['URN,EstablishmentName\n']) });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toHaveProperty('view');
    for (let tries = 0; tries < 100 && (await leftOver()).length; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await leftOver()).toEqual([]);
    expect((await db().school.findUniqueOrThrow({ where: { id: school.id } })).name).toBe(school.name);
  });
});

describe('forged requests', () => {
  it('refuses a change from another origin, or without the session token, and accepts it from our pages', async () => {
    const { client } = await staff('support');
    const school = await createSchool();
    const edit = `/admin/api/resources/School/records/${school.id}/edit`;
    const forger = new StaffClient(app.url, { origin: 'http://localhost:1' });
    forger.cookies = new Map(client.cookies);
    expect((await forger.form(edit, { name: 'Forged from elsewhere' })).status).toBe(403);
    expect((await client.form(edit, { name: 'Forged without token' }, { token: false })).status).toBe(403);
    expect((await db().school.findUniqueOrThrow({ where: { id: school.id } })).name).toBe(school.name);

    expect((await client.form(edit, { name: 'Renamed here' })).status).toBe(200);
    expect((await db().school.findUniqueOrThrow({ where: { id: school.id } })).name).toBe('Renamed here');
  });

  it('refuses every kind of state-changing back-office request without the token or from another origin: each custom page (approvals among them), resource, record and bulk actions', async () => {
    const { client } = await staff('super_user');
    const school = await createSchool();
    const portalUser = await createPortalUser();
    const world = await createParticipantWorld(2024);
    await createToken(world.leadProvider);
    const apiToken = await db().apiToken.findFirstOrThrow({ where: { cpdLeadProviderId: world.leadProvider.cpdLeadProviderId } });
    const participant = await createParticipant(world);
    const declaration = await createDeclaration(participant, world.leadProvider, { state: 'submitted' });
    const forger = new StaffClient(app.url, { origin: 'http://localhost:1' });
    forger.cookies = new Map(client.cookies);
    const json = (body: object) => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const requests: [string, { body: string; headers: Record<string, string> }][] = [
      ...['approvals', 'statements', 'jobs', 'frozenCohortMoves', 'participants', 'duplicates', 'maintenance'].map((page) =>
        [`/admin/api/pages/${page}`, json({ op: 'approve', requestId: school.id, ids: '[]' })] as [string, ReturnType<typeof json>]),
      ['/admin/api/resources/User/actions/new', json({ email: 'forged@example.com', fullName: 'Forged', role: 'super_user', password: 'a-long-forged-passphrase' })],
      [`/admin/api/resources/School/records/${school.id}/edit`, json({ name: 'Forged by JSON' })],
      [`/admin/api/resources/School/records/${school.id}/replaceInductionTutor`, json({ fullName: 'Forged Tutor', email: 'forged-tutor@example.com', reason: 'Forged' })],
      [`/admin/api/resources/School/bulk/bulkDelete?recordIds=${school.id}`, json({})],
      // Our own bulk actions (src/admin/bulk): their confirm changes every selected row.
      [`/admin/api/resources/PortalUser/bulk/disablePortalUsers?recordIds=${portalUser.id}`, json({ op: 'confirm' })],
      [`/admin/api/resources/ApiToken/bulk/revokeApiTokens?recordIds=${apiToken.id}`, json({ op: 'confirm' })],
      [`/admin/api/resources/Declaration/bulk/voidDeclarations?recordIds=${declaration.id}`, json({ op: 'confirm', reason: 'Forged void' })],
      [`/admin/api/resources/ParticipantProfile/bulk/requestTrnChecks?recordIds=${participant.profile.id}`, json({ op: 'confirm' })],
    ];
    for (const [path, init] of requests) {
      expect({ path, status: (await client.request('POST', path, { ...init, token: false })).status }).toEqual({ path, status: 403 });
      expect({ path, status: (await forger.request('POST', path, init)).status }).toEqual({ path, status: 403 });
    }
    expect(await db().school.findUniqueOrThrow({ where: { id: school.id } })).toMatchObject({ name: school.name, inductionTutorEmail: school.inductionTutorEmail });
    expect(await db().user.count({ where: { email: 'forged@example.com' } })).toBe(0);
    expect(await db().portalUser.findUniqueOrThrow({ where: { id: portalUser.id } })).toMatchObject({ disabledAt: null });
    expect(await db().apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).toMatchObject({ revokedAt: null });
    expect(await db().declaration.findUniqueOrThrow({ where: { id: declaration.id } })).toMatchObject({ state: 'submitted' });
    expect(await db().trnCheckRequest.count({ where: { participantProfileId: participant.profile.id } })).toBe(0);
    // The same page from our own page (with the token) is answered.
    expect((await client.request('POST', '/admin/api/pages/approvals', json({ op: 'approve', requestId: school.id }))).status).toBe(200);
    const [disable] = requests.filter(([path]) => path.includes('disablePortalUsers'));
    expect((await client.request('POST', ...disable)).status).toBe(200);
    expect((await db().portalUser.findUniqueOrThrow({ where: { id: portalUser.id } })).disabledAt).toBeInstanceOf(Date);
  });

  it('refuses a sign-in form posted from another origin', async () => {
    const user = await createUser('admin', { password: PASSWORD });
    const forger = new StaffClient(app.url, { origin: 'http://localhost:1' });
    expect((await forger.signIn(user.email, PASSWORD)).status).toBe(403);
  });
});

describe('sessions', () => {
  it('gives a new session id at sign-in, so a planted id is worth nothing', async () => {
    const { client: planted } = await staff('policy');
    const victim = await createUser('admin', { password: PASSWORD });
    const client = new StaffClient(app.url);
    client.cookies = new Map(planted.cookies);
    const before = client.sessionId;
    expect((await client.signIn(victim.email, PASSWORD)).status).toBe(302);
    expect(client.sessionId).not.toBe(before);
    // The planted id was replaced, not upgraded: whoever holds it is signed out.
    expect((await planted.get('/admin/api/resources/User/actions/list')).status).toBe(302);
  });

  it("ends a user's sessions when their role, password or status changes", async () => {
    const { client: superUser } = await staff('super_user');
    const changes: Record<string, string>[] = [{ role: 'finance', reason: 'Moved team' }, { password: 'a-brand-new-long-passphrase' }];
    for (const change of changes) {
      const { user, client } = await staff('support');
      expect((await client.get('/admin/api/resources/School/actions/list')).status).toBe(200);
      const answer = await superUser.form(`/admin/api/resources/User/records/${user.id}/edit`, { fullName: user.fullName, ...change });
      expect(answer.status).toBe(200);
      expect((await client.get('/admin/api/resources/School/actions/list')).status).toBe(302);
    }
    const { user, client } = await staff('support');
    expect((await superUser.request('POST', `/admin/api/resources/User/records/${user.id}/disable`)).status).toBe(200);
    expect(await db().session.count({ where: { sess: { path: ['adminUser', 'id'], equals: user.id } } })).toBe(0);
    expect((await client.get('/admin/api/resources/School/actions/list')).status).toBe(302);
  });
});

describe('role changes', () => {
  it('lets only a super user grant or remove super_user, never on oneself, and audits who and why', async () => {
    const { user: admin, client } = await staff('admin');
    const target = await createUser('support');
    await client.form(`/admin/api/resources/User/records/${target.id}/edit`, { fullName: target.fullName, role: 'super_user', reason: 'Please' });
    await client.form('/admin/api/resources/User/actions/new', { email: 'sneaky@example.com', fullName: 'Sneaky', role: 'super_user', password: PASSWORD });
    await client.form(`/admin/api/resources/User/records/${admin.id}/edit`, { fullName: admin.fullName, role: 'super_user', reason: 'Me' });
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe('support');
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe('admin');
    expect(await db().user.count({ where: { email: 'sneaky@example.com' } })).toBe(0);

    const { user: superUser, client: superClient } = await staff('super_user');
    const noReason = await superClient.form(`/admin/api/resources/User/records/${target.id}/edit`, { fullName: target.fullName, role: 'super_user' });
    expect(JSON.stringify(await noReason.json())).toContain('Give a reason for the change of role');
    await superClient.form(`/admin/api/resources/User/records/${target.id}/edit`, { fullName: target.fullName, role: 'super_user', reason: 'Covers payments in December' });
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe('super_user');
    const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectId: target.id, action: 'user.role_changed' } });
    expect(audit).toMatchObject({ actorId: superUser.id, ipAddress: expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$|^::1$/), reason: 'Covers payments in December', before: { role: 'support' }, after: { role: 'super_user' } });
  });

  it('refuses a common or short password wherever one is set', async () => {
    const { client } = await staff('admin');
    for (const password of ['qwerty123456', 'Password1234', 'short']) {
      const answer = await client.form('/admin/api/resources/User/actions/new', { email: `weak-${password}@example.com`, fullName: 'Weak', role: 'policy', password });
      expect(JSON.stringify(await answer.json())).toMatch(/too common|at least 12 characters/);
    }
    expect(await db().user.count({ where: { email: { startsWith: 'weak-' } } })).toBe(0);
  });
});

describe('search', () => {
  it('finds nothing, rather than failing, when a search cannot match a title that is an id, a number or a state', async () => {
    const { client } = await staff('admin');
    for (const resource of ['PortalRole', 'Declaration', 'Cohort', 'StatementLineItem', 'DeclarationStateChange']) {
      for (const text of ['abc', '12', '0b1e']) {
        const answer = await client.get(`/admin/api/resources/${resource}/search/${text}`);
        expect([resource, text, answer.status]).toEqual([resource, text, 200]);
      }
    }
  });
});

// Last: its failures from this address refuse sign-in from it for the rest of the file.
describe('sign-in throttling', () => {
  it('counts failures per account, whatever X-Forwarded-For says, and never counts successes', async () => {
    const user = await createUser('finance', { password: PASSWORD });
    for (let i = 0; i < 8; i++) expect((await new StaffClient(app.url).signIn(user.email, PASSWORD)).status).toBe(302);
    for (let i = 0; i < 5; i++) {
      const client = new StaffClient(app.url);
      const answer = await client.request('POST', '/admin/login', {
        body: new URLSearchParams({ email: user.email, password: 'wrong' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `198.51.100.${i}` },
      });
      expect(answer.status).toBe(401);
    }
    const refused = await new StaffClient(app.url).signIn(user.email, PASSWORD);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('Too many failed attempts to sign in');
  });
});

describe('headers', () => {
  it('sends a strict CSP, no framing, nosniff and no-store on the back office, the API, the API docs and the portal', async () => {
    for (const url of ['/admin/login', '/api/v3/participants/ecf', '/api/docs/', '/check-data/']) {
      const answer = await fetch(`${app.url}${url}`);
      const csp = answer.headers.get('content-security-policy') ?? '';
      expect([url, csp]).toEqual([url, expect.stringMatching(/default-src '(self|none)'/)]);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/https?:/);
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
    const login = await (await fetch(`${app.url}/admin/login`)).text();
    expect(login).not.toContain('fonts.googleapis.com');
  });
});

describe('errors a client causes', () => {
  it('answers unreadable API bodies with 4xx in the API error shape', async () => {
    const token = await createToken(await createLeadProvider());
    const post = (headers: Record<string, string>, body: BodyInit) =>
      fetch(`${app.url}/api/v3/participant-declarations`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers }, body });
    const cases: [Record<string, string>, BodyInit, number][] = [
      [{ 'content-type': 'application/json; charset=klingon' }, '{}', 415],
      [{ 'content-type': 'application/json', 'content-encoding': 'gzip' }, 'not gzip at all', 400],
      [{ 'content-type': 'application/json', 'content-encoding': 'br-ish' }, '{}', 415],
      [{ 'content-type': 'application/json' }, JSON.stringify({ data: 'x'.repeat(2 * 1024 * 1024) }), 413],
    ];
    for (const [headers, body, status] of cases) {
      const answer = await post(headers, body);
      expect([headers, answer.status]).toEqual([headers, status]);
      expect(await answer.json()).toEqual({ errors: [{ title: 'Bad request', detail: expect.any(String) }] });
    }
  });
});
