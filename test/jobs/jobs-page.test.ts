// The back office's Jobs page handler: what each role sees, "run now", and finance-only export
// downloads streamed through the AdminJS page route (served here by a bare Express app standing in
// for @adminjs/express, which passes the Express response and the session's user the same way).
import type { AddressInfo } from 'node:net';
import type { Role } from '@prisma/client';
import type { CurrentAdmin, PageContext } from 'adminjs';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { db } from '../../src/db/client.js';
import { jobsPageHandler } from '../../src/admin/jobs/jobs-page.js';
import { ALREADY_RUN_FOR_TICK } from '../../src/actions/jobs/run-job.js';
import type { JobsPageData } from '../../src/admin/jobs/jobs-page-data.js';
import { putExport } from '../support/exports.js';
import { createLeadProvider, createParticipantWorld, createStatement, createUser } from '../support/factories.js';

const FILE = 'ECF-Declarations-TestProvider-Cohort2024-Allstatements.csv';
const CSV = 'Participant ID,Participant Name\nabc,Ada Lovelace\n';
let server: ReturnType<express.Express['listen']>;
let base: string;
const users = new Map<Role, CurrentAdmin>();

const contextFor = (currentAdmin?: CurrentAdmin) => ({ currentAdmin, _admin: { options: { rootPath: '/admin' } } }) as unknown as PageContext;
const handle = (request: object, currentAdmin?: CurrentAdmin) => jobsPageHandler(request, {} as never, contextFor(currentAdmin));

beforeAll(async () => {
  await putExport(FILE, CSV);
  for (const role of ['admin', 'super_user', 'support', 'finance', 'policy'] as Role[]) {
    const user = await createUser(role);
    users.set(role, { id: user.id, email: user.email, title: user.fullName, role } as CurrentAdmin);
  }
  const app = express();
  // As @adminjs/express does: the session's user, the query, and the Express response.
  app.get('/admin/api/pages/jobs', (request, response, next) => {
    const role = request.header('x-role') as Role | undefined;
    jobsPageHandler({ method: 'get', query: request.query }, response, contextFor(role ? users.get(role) : undefined))
      .then((body: unknown) => { if (body) response.json(body); })
      .catch(next);
  });
  server = app.listen(0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
});

const download = (file: string, role?: Role) => fetch(`${base}/admin/api/pages/jobs?download=${encodeURIComponent(file)}`, { headers: role ? { 'x-role': role } : {} });
const downloadsRecorded = () => db().auditEvent.count({ where: { action: 'export.downloaded' } });

describe('Jobs page data', () => {
  it('shows finance the jobs, runs and finished exports, with download links', async () => {
    const run = await db().jobRun.create({ data: { job: 'declaration-exports', args: {}, state: 'running', rowsDone: 40, rowsTotal: 100 } });
    const page = (await handle({ method: 'get', query: {} }, users.get('finance'))) as JobsPageData;
    expect(page).toMatchObject({ allowed: true, canRun: true, canDownload: true });
    expect(page.jobs.map((j) => [j.name, j.label])).toEqual([['statements', 'Statements'], ['declaration-exports', 'Declaration exports'], ['housekeeping', 'Housekeeping'], ['trn-checks', 'Manual TRN checks']]);
    expect(page.runs).toContainEqual(expect.objectContaining({ id: run.id, label: 'Declaration exports', state: 'running', rowsDone: 40, rowsTotal: 100 }));
    expect(page.exports).toEqual([{ name: FILE, bytes: CSV.length, modifiedAt: expect.any(String), href: `/admin/api/pages/jobs?download=${FILE}` }]);
    expect(page.statements).toBeUndefined();
  });

  it('shows a scheduled run another process had already made as skipped, with its reason', async () => {
    // Two app processes fire each tick; the loser records a skip, which must not be read as the job's output.
    const skip = await db().jobRun.create({
      data: { job: 'housekeeping', args: { scheduledFor: '2026-12-05T03:30:00.000Z' }, state: 'succeeded', output: { skipped: ALREADY_RUN_FOR_TICK }, finishedAt: new Date() },
    });
    const page = (await handle({ method: 'get', query: {} }, users.get('finance'))) as JobsPageData;
    expect(page.runs).toContainEqual(expect.objectContaining({ id: skip.id, label: 'Housekeeping', state: 'skipped', result: ALREADY_RUN_FOR_TICK }));
  });

  it('lets admins run jobs without seeing exports, and shows support and policy nothing', async () => {
    for (const role of ['admin', 'super_user'] as Role[]) {
      expect(await handle({ method: 'get', query: {} }, users.get(role))).toMatchObject({ allowed: true, canRun: true, canDownload: false, exports: null });
    }
    for (const role of ['support', 'policy'] as Role[]) {
      expect(await handle({ method: 'get', query: {} }, users.get(role))).toEqual({ allowed: false, canRun: false, canDownload: false, jobs: [], runs: [], exports: null });
    }
  });

  it('lists statements to export one by one when asked', async () => {
    const world = await createParticipantWorld(2024, { leadProvider: await createLeadProvider({ name: 'Page Provider' }) });
    const statement = await createStatement(world.leadProvider, world.cohort, { name: 'June 2025' });
    const page = (await handle({ method: 'get', query: { include: 'statements' } }, users.get('admin'))) as JobsPageData;
    expect(page.statements).toContainEqual({ value: statement.id, label: 'Page Provider, 2024 cohort, June 2025 (open)' });
  });
});

describe('Run now', () => {
  it('starts the job for finance, records who asked, and the run appears', async () => {
    const before = await db().jobRun.count({ where: { job: 'housekeeping' } });
    const reply = await handle({ method: 'post', payload: { job: 'housekeeping' } }, users.get('finance'));
    expect(reply).toMatchObject({ notice: { message: 'Housekeeping started. Its progress shows below.', type: 'success' } });
    expect(await db().auditEvent.findFirst({ where: { action: 'job.run_requested', subjectId: 'housekeeping' } }))
      .toMatchObject({ actorType: 'user', actorId: users.get('finance')!.id, subjectType: 'Job', after: {} });
    const started = Date.now();
    while ((await db().jobRun.count({ where: { job: 'housekeeping', state: { not: 'running' } } })) === before && Date.now() - started < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await db().jobRun.findFirst({ where: { job: 'housekeeping' }, orderBy: { startedAt: 'desc' } })).toMatchObject({ state: 'succeeded' });
  });

  it('refuses support and policy, an unknown statement, and one statement for another job, leaving no trace', async () => {
    const runs = await db().jobRun.count();
    const requested = await db().auditEvent.count({ where: { action: 'job.run_requested' } });
    for (const role of ['support', 'policy'] as Role[]) {
      expect(await handle({ method: 'post', payload: { job: 'statements' } }, users.get(role))).toMatchObject({ notice: { message: 'You do not have permission to do this.', type: 'error' } });
    }
    expect(await handle({ method: 'post', payload: { job: 'declaration-exports', statementId: '00000000-0000-4000-8000-000000000000' } }, users.get('finance')))
      .toMatchObject({ notice: { message: 'Statement not found', type: 'error' } });
    expect(await handle({ method: 'post', payload: { job: 'statements', statementId: '00000000-0000-4000-8000-000000000000' } }, users.get('admin')))
      .toMatchObject({ notice: { message: 'Only the declaration exports can be run for one statement.', type: 'error' } });
    expect(await handle({ method: 'post', payload: { job: 'reindex' } }, users.get('admin'))).toEqual({ notice: { message: 'Choose a job to run', type: 'error', errors: ['Choose a job to run'] } });
    expect(await db().jobRun.count()).toBe(runs);
    expect(await db().auditEvent.count({ where: { action: 'job.run_requested' } })).toBe(requested);
  });
});

describe('Export downloads', () => {
  it('streams the file to finance as an attachment and records the download', async () => {
    const before = await downloadsRecorded();
    const response = await download(FILE, 'finance');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${FILE}"`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe(CSV);
    expect(await downloadsRecorded()).toBe(before + 1);
    expect(await db().auditEvent.findFirst({ where: { action: 'export.downloaded' }, orderBy: { createdAt: 'desc' } }))
      .toMatchObject({ actorId: users.get('finance')!.id, subjectType: 'Export', subjectId: FILE, after: { bytes: CSV.length } });
  });

  it('refuses admins, super users, support, policy and anyone signed out, recording nothing', async () => {
    const before = await downloadsRecorded();
    for (const role of ['admin', 'super_user', 'support', 'policy', undefined] as (Role | undefined)[]) {
      const response = await download(FILE, role);
      expect([role, response.status]).toEqual([role, 403]);
      expect(await response.text()).not.toContain('Ada Lovelace');
    }
    expect(await downloadsRecorded()).toBe(before);
  });

  it('serves only files of the export store, by name', async () => {
    const before = await downloadsRecorded();
    for (const name of ['../secret.csv', `.${FILE}.1234.tmp`, 'missing.csv', '/etc/passwd', 'ECF..csv/../../secret.csv']) {
      const response = await download(name, 'finance');
      expect([name, response.status]).toEqual([name, 404]);
      expect(await response.text()).toBe('Export not found');
    }
    expect(await downloadsRecorded()).toBe(before);
  });
});
