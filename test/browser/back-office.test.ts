// The back office as each role sees it, in a real browser against the real app and database.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { Role } from '@prisma/client';
import { labels } from '../../src/admin/labels.js';
import { db } from '../../src/db/client.js';
import { ownPageHeaders } from '../support/browser.js';
import { demoLogin as login, useBackOfficeSession } from '../support/back-office-session.js';

const ALL: Role[] = ['admin', 'super_user', 'support', 'finance', 'policy'];
const ADMINS: Role[] = ['admin', 'super_user'];

/** Who may open each resource's list. Every resource of the back office must appear here. */
const READERS: Record<string, Role[]> = {
  LeadProvider: ALL,
  CpdLeadProvider: ADMINS,
  DeliveryPartner: ALL,
  ProviderRelationship: ALL,
  Cohort: ALL,
  Schedule: ALL,
  Milestone: ALL,
  CallOffContract: [...ADMINS, 'finance', 'policy'],
  ParticipantBand: [...ADMINS, 'finance', 'policy'],
  MentorCallOffContract: [...ADMINS, 'finance', 'policy'],
  School: ALL,
  PupilPremium: ALL,
  SchoolCohort: ALL,
  Partnership: ALL,
  InductionProgramme: ALL,
  AppropriateBody: ALL,
  Teacher: [...ADMINS, 'support', 'finance'],
  ParticipantProfile: [...ADMINS, 'support', 'finance'],
  InductionRecord: [...ADMINS, 'support', 'finance'],
  ParticipantProfileState: [...ADMINS, 'support', 'finance'],
  AppropriateBodyClaim: [...ADMINS, 'support', 'finance'],
  TrnCheckRequest: [...ADMINS, 'support', 'finance'],
  Statement: [...ADMINS, 'finance'],
  Declaration: [...ADMINS, 'support', 'finance'],
  DeclarationStateChange: [...ADMINS, 'support', 'finance'],
  StatementLineItem: [...ADMINS, 'finance'],
  FinanceAdjustment: [...ADMINS, 'finance'],
  StatementSnapshot: [...ADMINS, 'finance'],
  User: ADMINS,
  ApiToken: ADMINS,
  PortalUser: [...ADMINS, 'support'],
  PortalRole: [...ADMINS, 'support'],
  AuditEvent: ALL,
  JobRun: [...ADMINS, 'finance'],
  Setting: ADMINS,
  EmailOutbox: ADMINS,
};

const session = useBackOfficeSession();

/** The login form, filled in and sent (for sign-ins that must fail; session.signIn for those that work). */
async function submitLogin(email: string, password: string): Promise<Page> {
  const page = await session.newPage();
  await page.goto(`${session.url}/admin/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

/** Waits until the browser tab is called `title`. */
const tabTitled = (page: Page, title: string) => page.waitForFunction((t) => document.title === t, title);

/**
 * Goes to `path` inside the running back office, as its menu links do (the router follows the address),
 * instead of loading the whole app again for each page: one load is enough to prove the pages load.
 */
async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, path);
}

describe('signing in', () => {
  it('prints a demo login for every role when the app starts', () => {
    for (const role of ALL) expect(session.app.output()).toContain(login(role).email);
  });

  it('shows an error for a wrong password and for an unknown email alike', async () => {
    for (const email of [login('admin').email, 'nobody@example.com']) {
      const page = await submitLogin(email, 'wrong-password-123');
      await expect(page.getByText('Wrong email and/or password').waitFor()).resolves.toBeUndefined();
      expect(page.url()).toContain('/admin/login');
      await page.close();
    }
  });
});

describe.each(ALL)('as %s', (role) => {
  let page: Page;

  beforeAll(async () => {
    page = await session.signIn(role);
  });

  afterAll(() => page.close());

  it('may list exactly the resources the role may read', async () => {
    for (const [resource, readers] of Object.entries(READERS)) {
      const response = await page.request.get(`${session.url}/admin/api/resources/${resource}/actions/list?perPage=5`);
      const body = await response.json().catch(() => ({}));
      // A refused list answers with a ForbiddenError and no page metadata.
      expect({ resource, listed: body.meta !== undefined && !body.record?.baseError }).toEqual({ resource, listed: readers.includes(role) });
    }
  }, 120_000);

  it('opens the list pages of its menu in the browser', async () => {
    const readable = Object.entries(READERS).filter(([, readers]) => readers.includes(role)).map(([resource]) => resource);
    // Every list page is opened by the admins; other roles open the pages that matter to them most.
    const pages = role === 'admin' ? readable : readable.filter((r) => ['School', 'Partnership', 'Statement', 'Declaration', 'Cohort', 'ParticipantProfile'].includes(r));
    await page.goto(`${session.url}/admin/resources/${pages[0]}`);
    for (const resource of pages) {
      // Headed and tabbed with the list's name ("Schools"), never AdminJS's "List".
      await navigateInApp(page, `/admin/resources/${resource}`);
      await page.locator('h2', { hasText: labels[resource] }).first().waitFor();
      await tabTitled(page, `${labels[resource]} – ECF back office`);
    }
  }, 300_000);

  it('opens a school record, headed with its name, with Edit only for roles that may edit schools', async () => {
    await page.goto(`${session.url}/admin/resources/School`);
    await page.locator('tbody tr').first().click();
    await page.waitForURL(/\/records\/[^/]+\/show/);
    await page.getByText('URN', { exact: true }).first().waitFor();
    const id = page.url().split('/records/')[1].split('/')[0];
    const { record } = await (await page.request.get(`${session.url}/admin/api/resources/School/records/${id}/show`)).json();
    const name = record.params.name as string;
    await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
    await tabTitled(page, `${name} – Schools – ECF back office`);
    await page.getByText('History').waitFor();
    const canEdit = ['admin', 'super_user', 'support'].includes(role);
    expect(await page.getByRole('button', { name: 'Edit' }).count() > 0 || await page.getByRole('link', { name: 'Edit' }).count() > 0).toBe(canEdit);
  });

  it("names an audit event's subject by its title, linked, only for a role that may read it, and dates it as people read", async () => {
    await page.goto(`${session.url}/admin/resources/AuditEvent?filters.subjectType=Declaration`);
    const row = page.locator('tbody tr').first();
    await row.waitFor();
    expect((await row.locator('[data-property-name="createdAt"]').innerText()).trim()).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{1,2}:\d{2}(am|pm)$/);
    const subject = row.locator('[data-property-name="subjectId"]');
    if (READERS.Declaration.includes(role)) {
      // "Christopher Hill, completed": the declaration's participant and type, linking to the declaration.
      const link = subject.getByRole('link');
      expect(await link.innerText()).toMatch(/^[A-Z][^,]+, [a-z0-9-]+$/);
      await link.click();
      await page.waitForURL(/\/resources\/Declaration\/records\/[^/]+\/show/);
    } else {
      expect(await subject.getByRole('link').count()).toBe(0);
      expect((await subject.innerText()).trim()).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('role limits', () => {
  it('refuses the edit endpoint to finance even when called directly', async () => {
    const page = await session.signIn('finance');
    const list = await (await page.request.get(`${session.url}/admin/api/resources/School/actions/list?perPage=1`)).json();
    const id = list.records[0].id;
    const response = await page.request.post(`${session.url}/admin/api/resources/School/records/${id}/edit`, { headers: await ownPageHeaders(page), multipart: { name: 'Changed by finance' } });
    const body = await response.json().catch(() => ({}));
    expect(body.record?.params?.name).not.toBe('Changed by finance');
    await page.close();
  });

  it('lets support correct a school name, recorded in its history', async () => {
    const page = await session.signIn('support');
    const list = await (await page.request.get(`${session.url}/admin/api/resources/School/actions/list?perPage=1`)).json();
    const id = list.records[0].id;
    await page.goto(`${session.url}/admin/resources/School/records/${id}/edit`);
    await page.fill('input[name=name]', 'Renamed Academy');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByText('school.updated').waitFor();
    await page.getByTestId('audit-trail').getByText(login('support').email).waitFor();
    await page.close();
  });

  it('lets support add a person as a user of a delivery partner, who is emailed', async () => {
    const page = await session.signIn('support');
    const partners = await (await page.request.get(`${session.url}/admin/api/resources/DeliveryPartner/actions/list?perPage=1`)).json();
    const deliveryPartnerId = partners.records[0].id;
    await page.goto(`${session.url}/admin/resources/PortalUser/actions/new`);
    await page.fill('input[name=email]', 'new.portal.user@example.org');
    await page.fill('input[name=fullName]', 'New Portal User');
    const response = await page.request.post(`${session.url}/admin/api/resources/PortalUser/actions/new`, { headers: await ownPageHeaders(page),
      multipart: { email: 'new.portal.user@example.org', fullName: 'New Portal User', deliveryPartnerId },
    });
    expect((await response.json()).notice?.type).toBe('success');
    const person = await db().portalUser.findUniqueOrThrow({ where: { email: 'new.portal.user@example.org' }, include: { roles: true } });
    expect(person.roles.map((r) => r.deliveryPartnerId)).toEqual([deliveryPartnerId]);
    expect(await db().emailOutbox.count({ where: { to: 'new.portal.user@example.org' } })).toBe(1);
    await page.close();
  });
});


/**
 * Words a validator, the database or a stack would write: none may reach a person. Checked in every message a page
 * or an action answers with (notices, refusals, problems, errors), never in the records shown beside them.
 */
const NOT_FOR_PEOPLE: RegExp[] = [
  /Invalid input/i, /\bexpected\b/i, /\breceived\b/i, /Invalid (enum|option|uuid|date|string|type)/i, /Prisma/i, /Unique constraint/i,
  /violates/i, /invalid_(type|format|value|union)|too_(small|big)|unrecognized_keys/, /\bP\d{4}\b/, /ZodError|TypeError|ReferenceError/,
  /\n\s+at |\bat .+:\d+:\d+/, /Cannot read propert/i, /\b(NaN|undefined|null)\b/,
];
const MESSAGE_KEYS = new Set(['message', 'messages', 'notice', 'errors', 'error', 'refusals', 'problems', 'blockers', 'result']);

/** Every string under a message-bearing key of an answer. */
function messagesIn(value: unknown, inMessage = false): string[] {
  if (typeof value === 'string') return inMessage ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => messagesIn(item, inMessage));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => messagesIn(item, inMessage || MESSAGE_KEYS.has(key)));
  return [];
}

type Form = Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
describe('a button that is a link, opened by its own address', () => {
  it('goes where the button goes (a bookmarked "Participant page" or "Voided declarations"), and is refused to a role that may not use it', async () => {
    const teacher = await db().teacher.findFirstOrThrow({ where: { participantProfiles: { some: {} } } });
    const statement = await db().statement.findFirstOrThrow();

    const support = await session.signIn('support');
    await support.goto(`${session.url}/admin/resources/Teacher/records/${teacher.id}/participantPage`);
    await support.waitForURL((url) => url.pathname === '/admin/pages/participants' && url.searchParams.get('id') === teacher.id);
    await support.getByRole('heading', { name: teacher.fullName }).first().waitFor();
    await support.close();

    const finance = await session.signIn('finance');
    await finance.goto(`${session.url}/admin/resources/Statement/records/${statement.id}/voidedDeclarations`);
    await finance.waitForURL((url) => url.pathname.startsWith('/admin/resources/StatementLineItem') && url.searchParams.get('filters.state') === 'voided' && url.searchParams.get('filters.statement') === statement.id);
    await finance.locator('h2', { hasText: 'Statement line items' }).first().waitFor();
    await finance.close();

    // Policy may not read participants: no redirect, AdminJS's page says so.
    const policy = await session.signIn('policy');
    await policy.goto(`${session.url}/admin/resources/Teacher/records/${teacher.id}/participantPage`);
    expect(new URL(policy.url()).pathname).toBe(`/admin/resources/Teacher/records/${teacher.id}/participantPage`);
    await policy.close();
  });
});

describe('values of a fixed set', () => {
  it('are written in words on lists, record pages and references: "ECT", "Full induction programme"', async () => {
    const page = await session.signIn('finance');
    await page.goto(`${session.url}/admin/resources/ParticipantProfile?filters.type=ect`);
    const row = page.locator('tbody tr').first();
    await row.waitFor();
    expect((await row.locator('[data-property-name="type"]').innerText()).trim()).toBe('ECT');
    const statuses = await page.locator('tbody [data-property-name="trainingStatus"]').allInnerTexts();
    expect(statuses.length).toBeGreaterThan(0);
    for (const status of statuses) expect(status.trim()).toMatch(/^(Active|Deferred|Withdrawn)$/);

    // A school's cohort: its programme choice in words, and its default programme named by its kind in words.
    const list = await (await page.request.get(`${session.url}/admin/api/resources/SchoolCohort/actions/list?filters.inductionProgrammeChoice=full_induction_programme&perPage=50`)).json();
    const record = list.records.find((r: { params: Record<string, unknown> }) => r.params.defaultInductionProgramme);
    await page.goto(`${session.url}/admin/resources/SchoolCohort/records/${record.id}/show`);
    await page.getByText('History', { exact: true }).waitFor();
    const shown = await page.locator('section, [data-css="app-content"]').first().innerText();
    expect(shown).toContain('Full induction programme');
    expect(shown).not.toContain('full_induction_programme');
    expect(shown).not.toMatch(/inductionProgrammeChoice/);
    await page.close();
  });
});

const csv = (text: string) => ({ name: 'upload.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

describe('messages people read', () => {
  let page: Page;
  let headers: Record<string, string>;
  /** What each bad request was answered with, for one assertion over them all. */
  const answers: { request: string; status: number; messages: string[]; body: string }[] = [];

  async function send(method: 'get' | 'post', path: string, form?: Form) {
    const response = method === 'get'
      ? await page.request.get(`${session.url}${path}`)
      : await page.request.post(`${session.url}${path}`, { headers, multipart: form ?? {} });
    const body = await response.text();
    let json: unknown;
    try { json = JSON.parse(body); } catch { json = undefined; }
    answers.push({ request: `${method.toUpperCase()} ${path} ${JSON.stringify(form ?? {}, (k, v) => (k === 'buffer' ? undefined : v))}`, status: response.status(), messages: messagesIn(json), body: body.slice(0, 500) });
    return json as Record<string, unknown> | undefined;
  }

  beforeAll(async () => {
    page = await session.signIn('super_user');
    headers = await ownPageHeaders(page);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('answers bad input on every custom page in plain words', async () => {
    const profile = await db().participantProfile.findFirstOrThrow({ where: { archivedAt: null } });
    const statement = await db().statement.findFirstOrThrow();
    // Each custom page (src/admin/page-access.ts) with the kinds of bad input a person can send it.
    const BAD: Record<string, Form[]> = {
      participants: [
        { op: 'details', teacherId: profile.teacherId, fullName: '', email: 'not an email', reason: '' },
        { op: 'identity', teacherId: profile.teacherId, trn: 'abc', dateOfBirth: '31/02/1990', nationalInsuranceNumber: '12', reason: 'x' },
        { op: 'identity', teacherId: 'not-an-id' },
        { op: 'trnCheck', participantProfileId: NO_SUCH_ID, reason: 'Checking the TRN again' },
        { op: 'note', participantProfileId: profile.id, note: '' },
        { op: 'trainingStatus', participantProfileId: profile.id, trainingStatus: 'sideways', statusReason: '', reason: '' },
        { op: 'transfer', participantProfileId: profile.id, schoolUrn: '12', startDate: 'next Tuesday', reason: 'x' },
        { op: 'provider', participantProfileId: profile.id, provider: 'nope|nope', reason: '' },
        { op: 'archive', participantProfileId: 'zzz', reason: '' },
        { op: 'nonsense' },
      ],
      duplicates: [{ keep: 'nope', remove: NO_SUCH_ID, reason: '', dryRun: 'perhaps' }, {}],
      statements: [
        { op: 'authorise', statementId: 'not-an-id', checksDone: 'maybe' },
        { op: 'addAdjustment', statementId: statement.id, paymentType: '', amount: 'lots' },
        { op: 'changeAdjustment', adjustmentId: NO_SUCH_ID, paymentType: 'x', amount: '1e999' },
        { op: 'removeAdjustment', adjustmentId: 'nope' },
      ],
      approvals: [{ op: 'approve', id: 'nope' }, { op: 'reject', id: NO_SUCH_ID, reason: '' }],
      jobs: [{ job: 'nonsense' }, { job: '' }],
      auditLog: [{ op: 'saveFilter', name: '' }, { op: 'deleteFilter', id: 'nope' }],
      frozenCohortMoves: [{ op: 'preview', ids: 'a,b', page: 'first' }, { op: 'start', ids: '', reason: '' }],
      maintenance: [{ on: 'perhaps', until: 'tomorrow-ish' }, { on: 'true', until: 'yesterday' }],
    };
    const { pageLabels } = await import('../../src/admin/labels.js');
    expect(Object.keys(BAD).sort()).toEqual(Object.keys(pageLabels).sort());
    for (const [name, forms] of Object.entries(BAD)) {
      for (const form of forms) await send('post', `/admin/api/pages/${name}`, form);
    }
    await send('get', '/admin/api/pages/auditLog?from=not-a-date&to=31/02/2026&page=last');
    await send('get', '/admin/api/pages/statements?statement=not-an-id');
    expect(await (await page.request.get(`${session.url}/admin/api/pages/maintenance`)).json()).toMatchObject({ on: false });
  }, 300_000);

  it('answers bad input on every import and record form in plain words', async () => {
    for (const [resource, action, form] of [
      ['PupilPremium', 'import', { mode: 'preview', file: csv('URN,Pupil Premium Incentive,Sparsity Incentive\n100000,1,0\n') }],
      ['PupilPremium', 'import', { startYear: 'twenty', mode: 'preview' }],
      ['Cohort', 'importSetup', { mode: 'preview', cohorts: csv('nonsense\n1,2,3\n') }],
      ['School', 'importGias', { mode: 'preview', file: csv('not,a,gias,file\n') }],
      ['DeliveryPartner', 'new', { name: '' }],
      ['User', 'new', { email: 'not an email', role: 'emperor' }],
      ['PortalUser', 'new', { email: 'x', fullName: '', deliveryPartnerId: 'nope' }],
    ] as [string, string, Form][]) await send('post', `/admin/api/resources/${resource}/actions/${action}`, form);

    // Every record form the back office offers (found from each record's actions), sent empty and sent nonsense.
    const records: [string, string][] = [
      ['School', (await db().school.findFirstOrThrow()).id],
      ['SchoolCohort', (await db().schoolCohort.findFirstOrThrow()).id],
      ['Partnership', (await db().partnership.findFirstOrThrow({ where: { challengedAt: null } })).id],
      ['ParticipantProfile', (await db().participantProfile.findFirstOrThrow({ where: { archivedAt: null } })).id],
      ['Declaration', (await db().declaration.findFirstOrThrow({ where: { state: { not: 'voided' } } })).id],
      ['DeliveryPartner', (await db().deliveryPartner.findFirstOrThrow()).id],
      ['LeadProvider', (await db().leadProvider.findFirstOrThrow()).id],
      ['User', (await db().user.findFirstOrThrow()).id],
      ['PortalUser', (await db().portalUser.findFirstOrThrow()).id],
    ];
    const trnCheck = await db().trnCheckRequest.findFirst();
    if (trnCheck) records.push(['TrnCheckRequest', trnCheck.id]);
    const formsSent: string[] = [];
    for (const [resource, id] of records) {
      const shown = await (await page.request.get(`${session.url}/admin/api/resources/${resource}/records/${id}/show`)).json();
      const actions = (shown.record?.recordActions ?? []) as { name: string }[];
      for (const { name } of actions) {
        if (['show', 'delete', 'participantPage', 'users'].includes(name)) continue;
        const path = `/admin/api/resources/${resource}/records/${id}/${name}`;
        const opened = await (await page.request.get(`${session.url}${path}`)).json().catch(() => ({}));
        const fields = name === 'edit'
          ? Object.keys(opened.record?.params ?? {}).filter((key) => !/^(id|createdAt|updatedAt)$|\./.test(key))
          : name === 'changeCohort' ? ['targetStartYear', 'reason'] : ((opened.confirm?.fields ?? []) as { name: string }[]).map((f) => f.name);
        if (!fields.length) continue;
        formsSent.push(`${resource}.${name}`);
        await send('post', path, Object.fromEntries(fields.map((f) => [f, ''])));
        await send('post', path, Object.fromEntries(fields.map((f) => [f, 'not-a-value ✗'])));
      }
    }
    // The forms this sweep reached: a form it cannot find is a form it does not check.
    expect(formsSent).toEqual(expect.arrayContaining([
      'School.edit', 'School.replaceInductionTutor', 'SchoolCohort.changeInductionProgramme', 'Partnership.challenge',
      'ParticipantProfile.changeCohort', 'Declaration.voidDeclaration',
      'DeliveryPartner.edit', 'LeadProvider.edit', 'User.edit', 'PortalUser.edit',
    ]));
  }, 300_000);

  it('said none of it with a validator\'s, the database\'s or a stack\'s words, and answered each', () => {
    const leaks = answers.filter((a) => a.status >= 500 || a.messages.some((m) => NOT_FOR_PEOPLE.some((pattern) => pattern.test(m))));
    expect(leaks.map((a) => ({ request: a.request, status: a.status, said: a.status >= 500 ? a.body : a.messages.filter((m) => NOT_FOR_PEOPLE.some((p) => p.test(m))) }))).toEqual([]);
    expect(answers.length).toBeGreaterThan(40);
  });
});
