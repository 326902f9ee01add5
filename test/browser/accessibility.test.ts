// WCAG 2.2 AA in a real browser: axe-core over every page of the back office, for every role that may open it,
// and over the sign-in pages and the check data portal. The pages come from the app itself, as the role matrix
// reads them (test/access/role-matrix.test.ts holds each against its table): every resource action each role
// may use (lists with their filter drawer open, record pages, the drawers and check-your-answers steps that
// actions open, bulk actions on one record), every custom page the menu gives the role, and every GET route of
// the portal routers (test/access/route-list.ts); so a new page is checked without touching this file.
// Past their first state: every import's preview and refusal (a new import needs its sample files here), and the
// previews, dry runs, forms and check-your-answers steps users open within the custom pages.
// Lean, as CI time is tight: one app, one browser, one sign-in per role; moves within AdminJS's single-page app
// rather than reloading; a page whose markup (text aside) matches one already checked for another role is not
// checked again; the menu and top bar are checked on the dashboard and then left out.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '@prisma/client';
import type AdminJS from 'adminjs';
import type { CurrentAdmin } from 'adminjs';
import type { Page } from 'playwright-core';
import { requestAdjustment } from '../../src/actions/approvals/request-adjustment.js';
import { buildAdmin } from '../../src/admin/index.js';
import { Components } from '../../src/admin/components/index.js';
import { pagesFor } from '../../src/admin/page-access.js';
import { db } from '../../src/db/client.js';
import { createPortalRouter } from '../../src/portal/router.js';
import { tokenFromOutbox } from '../actions/portal/portal-world.js';
import { routesOf } from '../access/route-list.js';
import { seriousViolations, type Violation } from '../support/axe.js';
import { useBackOfficeSession } from '../support/back-office-session.js';
import { COHORT_FIXTURE_NAMES } from '../actions/cohorts/cohort-setup-files.js';
import { createDeclaration, createParticipant, createParticipantWorld, createUser } from '../support/factories.js';

const ROLES: Role[] = ['admin', 'super_user', 'support', 'finance', 'policy'];
// AdminJS's own delete is nobody's (the role matrix); its bulk form needs a selection the sweep does not make.
const NOT_PAGES = new Set(['delete', 'bulkDelete', 'search', 'list']);

const session = useBackOfficeSession();
let admin: AdminJS;

beforeAll(() => {
  admin = buildAdmin();
});

const adminOf = (role: Role) => ({ id: `axe-${role}`, email: `${role}@example.com`, role }) as unknown as CurrentAdmin;

interface Visit {
  path: string;
  /** Opens what the page hides behind a button (the list's filter drawer). */
  open?: string;
  /**
   * What the page is made of. A page all of whose parts were checked on pages already seen is not checked again:
   * AdminJS draws its generated pages from one component per kind of field, and our actions each from one component.
   */
  parts: string[];
}

const GENERATED = new Set(['list', 'show', 'edit', 'new']);
// One component each, whatever the list: checked once.
const SAME_EVERYWHERE = new Set(['download', 'savedFilters']);

/**
 * AdminJS builds its list, show, edit and new pages from one component per kind of field: such a page is made of
 * the kinds of field it shows (and whether its list has bulk actions), whatever the resource or role.
 */
function generatedParts(resource: AdminJS['resources'][number], kind: string, role: Role): string[] {
  const where = kind === 'new' ? 'edit' : kind;
  const parts = new Set<string>();
  for (const property of resource.decorate().getProperties({ where: where as 'list' | 'show' | 'edit' })) {
    const component = (property.options.components as Record<string, string> | undefined)?.[where] ?? '';
    parts.add(`${where} ${property.type()}${property.availableValues() ? ' enum' : ''}${property.isArray() ? ' array' : ''} ${component}`);
  }
  if (kind === 'list') {
    for (const property of resource.decorate().getProperties({ where: 'filter' })) parts.add(`filter ${property.type()}${property.availableValues() ? ' enum' : ''}`);
    const bulk = Object.values(resource.decorate().actions).some((action) => action.isAccessible(adminOf(role)) && action.toJSON(adminOf(role)).actionType === 'bulk');
    parts.add(`list bulk ${bulk}`);
  }
  return [...parts];
}

/** What the role may open: each list (filter drawer open), resource action, record action on the first record, bulk action, custom page. */
async function visitsFor(page: Page, role: Role): Promise<Visit[]> {
  const visits: Visit[] = [];
  for (const resource of admin.resources) {
    const id = resource.id();
    const actions = Object.entries(resource.decorate().actions).filter(([, action]) => action.isAccessible(adminOf(role)));
    if (!actions.some(([name]) => name === 'list')) continue;
    visits.push({ path: `/admin/resources/${id}`, open: `[data-css="${id}-filter-button"]`, parts: generatedParts(resource, 'list', role) });
    const list = await page.request.get(`${session.url}/admin/api/resources/${id}/actions/list?perPage=1`);
    const record = ((await list.json()) as { records?: Array<{ id: string; params: Record<string, unknown> }> }).records?.[0];
    for (const [name, action] of actions) {
      if (NOT_PAGES.has(name)) continue;
      // Our own actions' pages (confirm steps, imports, drawers) are each checked once, for the first role that has them.
      const parts = GENERATED.has(name) ? generatedParts(resource, name, role) : [SAME_EVERYWHERE.has(name) ? name : `${id} ${name}`];
      const { actionType: type, component } = action.toJSON(adminOf(role));
      // No component: a link that redirects to a page checked on its own (src/admin/filtered-list-link.ts).
      if (component === false) continue;
      // Sorted, so the saved-filter drawer shows its form for saving the list's sort too.
      if (type === 'resource') visits.push({ path: `/admin/resources/${id}/actions/${name}${name === 'savedFilters' ? '?direction=desc' : ''}`, parts });
      else if (record && type === 'record') visits.push({ path: `/admin/resources/${id}/records/${record.id}/${name}`, parts });
      else if (record && type === 'bulk') visits.push({ path: `/admin/resources/${id}/bulk/${name}?recordIds=${record.id}`, parts });
    }
  }
  // Custom pages show each role what it may do there: checked for every role.
  for (const name of pagesFor(role)) visits.push({ path: `/admin/pages/${name}`, parts: [`${name} ${role}`] });
  return visits;
}

/** Waits until the page has no request in flight and shows no loader, twice in a row. */
async function settled(page: Page, inFlight: () => number): Promise<void> {
  let quiet = 0;
  const since = Date.now();
  while (quiet < 2) {
    if (Date.now() - since > 60_000) throw new Error(`${page.url()} did not settle in 60 s (${inFlight()} requests in flight)`);
    await page.waitForTimeout(100);
    const loading = await page.locator('.adminjs_Loader').count();
    quiet = inFlight() === 0 && loading === 0 ? quiet + 1 : 0;
  }
}

function trackRequests(page: Page): () => number {
  let count = 0;
  page.on('request', () => (count += 1));
  const done = () => (count = Math.max(0, count - 1));
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return () => count;
}

/** A page's own content: the menu and top bar are checked once, on the dashboard. */
const CONTENT = { include: '[data-css="app-content"]', exclude: ['[data-css="topbar"]'] };

type Upload = { name: string; mimeType: string; buffer: Buffer };
const upload = (name: string, text: string): Upload => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
const fixture = (file: string): Upload => upload(file.replace(/.*\//, ''), readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8'));

/**
 * For each import page (`resource action`), the files of a preview (with warnings or rows left out where the import
 * has them) and of a refusal, by field name. A new import fails the sweep until it has its own here.
 */
const IMPORT_SAMPLES: Record<string, { preview: Record<string, Upload>; refused: Record<string, Upload> }> = {
  'School importGias': {
    preview: { file: fixture('gias/edubasealldata-sample.csv') },
    refused: { file: fixture('gias/edubasealldata-bad.csv') },
  },
  'PupilPremium import': {
    // The same school twice with different values, and a URN that is not ours: a warning and a row left out.
    preview: { file: upload('flags.csv', 'URN,Pupil Premium Incentive,Sparsity Incentive\n100000,1,1\n100000,1,0\n999999,1,1\n') },
    refused: { file: upload('flags.csv', 'URN,Pupil Premium Incentive,Sparsity Incentive\nnot-a-urn,maybe,1\n') },
  },
  'Cohort importSetup': {
    preview: Object.fromEntries(Object.entries(COHORT_FIXTURE_NAMES).map(([field, file]) => [field, fixture(`cohort-import/${file}`)])),
    refused: { statement: upload('statements.csv', 'type,name,cohort,deadline_date,payment_date,output_fee\necf,September 2028,2028,2028-09-01,2028-11-25,yes\n') },
  },
};

const report = (failures: Array<{ where: string; violations: Violation[] }>) =>
  failures.map(({ where, violations }) => `${where}\n${violations.map((v) => `  ${v.impact} ${v.rule} (${v.help})\n    ${v.nodes.join('\n    ')}`).join('\n')}`).join('\n');

describe('WCAG 2.2 AA (axe-core, serious and critical)', () => {
  it('holds on the sign-in page', async () => {
    const page = await session.newPage();
    await page.goto(`${session.url}/admin/login`);
    const violations = await seriousViolations(page);
    await page.close();
    expect(report(violations.length ? [{ where: '/admin/login', violations }] : [])).toBe('');
  });

  // The parts already checked, across roles (see Visit).
  const checked = new Set<string>();
  it.each(ROLES)('holds on every back-office page %s may open, its drawers and previews open', async (role) => {
    const page = await session.signIn(role);
    const inFlight = trackRequests(page);
    const failures: Array<{ where: string; violations: Violation[] }> = [];
    const check = async (where: string, scope?: Parameters<typeof seriousViolations>[1]) => {
      const violations = await seriousViolations(page, scope);
      if (violations.length) failures.push({ where: `${role} ${where}`, violations });
    };
    await page.getByTestId('dashboard-figures').waitFor();
    await settled(page, inFlight);
    // The menu, top bar and dashboard once, whole; after that the content of each page.
    await check('/admin');
    let reload = false;
    for (const visit of await visitsFor(page, role)) {
      if (visit.parts.every((part) => checked.has(part))) continue;
      for (const part of visit.parts) checked.add(part);
      // Within the single-page app, as a click on a link would go; loaded afresh after a check-your-answers step,
      // which leaves AdminJS's next redirecting action showing its loader.
      if (reload) await page.goto(`${session.url}${visit.path}`);
      else await page.evaluate((path) => { window.history.pushState({}, '', path); window.dispatchEvent(new PopStateEvent('popstate')); }, visit.path);
      reload = false;
      await settled(page, inFlight);
      // The filter drawer stays open from one list to the next.
      const drawer = visit.open?.replace('-filter-button', '-filter-drawer');
      if (visit.open && drawer && !(await page.locator(drawer).isVisible()) && (await page.locator(visit.open).count())) {
        await page.locator(visit.open).first().click();
        await settled(page, inFlight);
      }
      await check(visit.path, CONTENT);
      if (process.env.A11Y_TIMING) console.log(`${role} ${visit.path}`);
      // A confirm step's or bulk action's check-your-answers, once per component that draws one (Continue checks nothing).
      for (const step of ['confirm-page', 'bulk-action-page']) {
        const proceed = page.getByTestId(step).getByRole('button', { name: 'Continue', exact: true });
        if (checked.has(`${step} check-your-answers`) || !(await proceed.isVisible())) continue;
        checked.add(`${step} check-your-answers`);
        await proceed.click();
        await page.getByTestId('check-your-answers').waitFor();
        await check(`${visit.path} (check your answers)`, CONTENT);
        reload = true;
      }
    }
    await page.close();
    expect(report(failures)).toBe('');
  }, 600_000);

  it('holds on every import\'s preview and on its list of problems when it refuses a file', async () => {
    // Every action drawn by the import page, each for the first role that may use it.
    const imports = admin.resources.flatMap((resource) => Object.entries(resource.decorate().actions).flatMap(([name, action]) => {
      const role = ROLES.find((r) => action.isAccessible(adminOf(r)));
      return role && action.toJSON(adminOf(role)).component === Components.ImportPage
        ? [{ key: `${resource.id()} ${name}`, path: `/admin/resources/${resource.id()}/actions/${name}`, role }] : [];
    }));
    expect(imports.filter(({ key }) => !IMPORT_SAMPLES[key]).map(({ key }) => `${key} has no sample files in IMPORT_SAMPLES`)).toEqual([]);
    const failures: Array<{ where: string; violations: Violation[] }> = [];
    const pages = new Map<Role, Page>();
    for (const { key, path, role } of imports) {
      if (!pages.has(role)) pages.set(role, await session.signIn(role));
      const page = pages.get(role)!;
      for (const [state, files] of Object.entries(IMPORT_SAMPLES[key])) {
        await page.goto(`${session.url}${path}`);
        for (const [field, file] of Object.entries(files)) await page.setInputFiles(`#import-${field}`, file);
        await page.getByRole('button', { name: 'Preview' }).click();
        await page.getByText(state === 'preview' ? 'Preview: this is what applying will do' : 'Nothing can be imported until these problems are corrected').waitFor();
        const violations = await seriousViolations(page, CONTENT);
        if (violations.length) failures.push({ where: `${role} ${path} (${state})`, violations });
      }
    }
    for (const page of pages.values()) await page.close();
    expect(report(failures)).toBe('');
  }, 120_000);

  it('holds in the steps a super user opens within the custom pages: previews, dry runs, forms and their check-your-answers', async () => {
    // A participant whose cohort may change, one whose may not, and a request waiting for a second finance user.
    const from = await createParticipantWorld(2023);
    await createParticipantWorld(2024, { school: from.school });
    const movable = await createParticipant(from, { fullName: `Ada Lovelace ${randomUUID().slice(0, 6)}` });
    const declared = await createParticipant(from, { fullName: `Emmy Noether ${randomUUID().slice(0, 6)}` });
    await createDeclaration(declared, from.leadProvider, { state: 'submitted' });
    const statement = await db().statement.findFirstOrThrow({ where: { state: 'payable' } });
    const requester = await createUser('finance');
    await requestAdjustment({ actor: { kind: 'user', id: requester.id, email: requester.email, role: 'finance' } }, { statementId: statement.id, paymentType: 'Late start', amount: '-50000' });

    const page = await session.signIn('super_user');
    const failures: Array<{ where: string; violations: Violation[] }> = [];
    const check = async (where: string) => {
      const violations = await seriousViolations(page, CONTENT);
      if (violations.length) failures.push({ where, violations });
    };

    await page.goto(`${session.url}/admin/pages/frozenCohortMoves`);
    await page.getByRole('button', { name: /^Select all eligible/ }).click();
    await page.getByRole('button', { name: 'Preview the move' }).click();
    await page.getByTestId('confirm-move').waitFor();
    await check('frozen cohort moves (preview)');

    for (const [participant, state] of [[declared, 'refused'], [movable, 'check your answers']] as const) {
      await page.goto(`${session.url}/admin/resources/ParticipantProfile/records/${participant.profile.id}/changeCohort`);
      await page.getByTestId('change-cohort-page').getByText('Their current cohort is: 2023').waitFor();
      await page.getByLabel('New cohort').selectOption('2024');
      await page.getByLabel('Reason for the change (recorded in the audit log)').fill('Ticket 78: started a year late');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByTestId(state === 'refused' ? 'change-cohort-refusals' : 'check-your-answers').waitFor();
      await check(`change cohort (${state})`);
    }

    await page.goto(`${session.url}/admin/pages/duplicates`);
    await page.getByTestId('duplicate-pairs').getByRole('button', { name: 'Compare' }).first().click();
    await page.fill('#merge-reason', 'Registered twice by the school');
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByTestId('merge-report').waitFor();
    await check('duplicates (compare and dry run)');

    await page.goto(`${session.url}/admin/pages/participants`);
    await page.getByLabel('Find a participant by participant ID, name, email address, TRN, or school name or URN').fill(movable.teacher.fullName);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('search-results').getByRole('link', { name: movable.teacher.fullName }).waitFor();
    await check('participants (search results)');
    await page.getByTestId('search-results').getByRole('link', { name: movable.teacher.fullName }).click();
    const participant = page.getByTestId('participant');
    await participant.getByTestId('audit-timeline').waitFor();
    await check('participants (participant)');
    // Each form a button opens, and the first check-your-answers step among them.
    let checkedAnswers = false;
    const openers = await participant.getByRole('button').allInnerTexts();
    expect(openers).not.toEqual([]);
    for (const opener of openers) {
      await participant.getByRole('button', { name: opener, exact: true }).click();
      const form = participant.locator('[data-testid^="form-"]');
      await form.waitFor();
      await check(`participants (${opener})`);
      const proceed = form.getByRole('button', { name: 'Continue', exact: true });
      if (!checkedAnswers && (await proceed.count())) {
        checkedAnswers = true;
        await proceed.click();
        await form.getByTestId('check-your-answers').waitFor();
        await check(`participants (${opener}, check your answers)`);
        await form.getByRole('button', { name: 'Change', exact: true }).click();
      }
      await form.getByRole('button', { name: 'Cancel', exact: true }).click();
      await form.waitFor({ state: 'detached' });
    }

    expect(checkedAnswers).toBe(true);

    await page.goto(`${session.url}/admin/pages/statements?statement=${statement.id}`);
    await page.getByTestId('statement').waitFor();
    await page.getByRole('button', { name: 'Add adjustment' }).click();
    await page.getByTestId('statement-check').waitFor();
    await check('statements (add an adjustment, check your answers)');

    await page.goto(`${session.url}/admin/pages/approvals`);
    const pending = page.getByTestId('pending-approvals').locator('[data-testid^="approval-"]', { hasText: requester.email });
    await pending.getByRole('button', { name: 'Approve' }).click();
    await pending.getByTestId('check-your-answers').waitFor();
    await check('approvals (approve, check your answers)');

    await page.close();
    expect(report(failures)).toBe('');
  }, 120_000);

  it('holds on every page of the check data portal and the schools\' challenge pages', async () => {
    const router = createPortalRouter({ sessionSecret: 'a-secret-long-enough-for-the-portal-sessions', databaseUrl: process.env.DATABASE_URL });
    const portalRoutes = routesOf(router).filter((route) => route.startsWith('GET ') && !/\.(css|csv)$/.test(route)).map((route) => route.slice(4));
    const challengeRoutes = routesOf(router.schoolChallenge).filter((route) => route.startsWith('GET ') && !route.endsWith('.css')).map((route) => route.slice(4));
    await router.close();
    const page = await session.newPage();
    const failures: Array<{ where: string; violations: Violation[] }> = [];
    const check = async (where: string) => {
      const violations = await seriousViolations(page);
      if (violations.length) failures.push({ where, violations });
    };
    const seen: string[] = [];
    // Through the pages as a delivery partner user goes: sign in with the emailed link, choose, read.
    const email = 'dp.lead@example.org';
    await page.goto(`${session.url}/check-data/`);
    await check('/check-data/');
    seen.push('/');
    await page.getByLabel('Email address').fill(email);
    await page.keyboard.press('Enter');
    await page.waitForURL(/check-email/);
    await check(page.url());
    seen.push('/check-email');
    await page.goto(`${session.url}/check-data/sign-in/${await tokenFromOutbox(email)}`);
    await check('/check-data/sign-in/:token');
    seen.push('/sign-in/:token');
    await page.locator('form button[type=submit]').first().click();
    await page.waitForURL(/choose-organisation|participants/);
    for (const path of ['/choose-organisation', '/participants']) {
      await page.goto(`${session.url}/check-data${path}`);
      await check(`/check-data${path}`);
      seen.push(path);
    }
    expect(seen.sort()).toEqual(portalRoutes.sort());
    for (const path of challengeRoutes) {
      await page.goto(`${session.url}/report-incorrect-partnership${path === '/' ? '/?token=not-a-real-token' : path}`);
      await check(`/report-incorrect-partnership${path}`);
    }
    await page.close();
    expect(report(failures)).toBe('');
  }, 120_000);
});
