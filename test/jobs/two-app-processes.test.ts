// Two app processes (`npm start` twice, as two servers behind a load balancer would run, each with a
// local disk of its own) on one database: both serve the back office and the API, each tick of a
// scheduled job runs once between them, an export made through one downloads through the other, the
// sign-in throttle is shared, and maintenance switched on one reaches the other by notification (the
// fallback poll is set to an hour, so nothing else could bring it).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ALREADY_RUN_FOR_TICK } from '../../src/actions/jobs/run-job.js';
import { db } from '../../src/db/client.js';
import { DECLARATIONS_CSV_HEADERS } from '../../src/reports/statements/declarations-csv.js';
import { startApp, type RunningApp } from '../support/app-process.js';
import { createDeclaration, createParticipant, createParticipantWorld, createStatement, createUser } from '../support/factories.js';
import { StaffClient } from '../security/staff-client.js';

const EVERY_FIVE_SECONDS = '*/5 * * * * *';
const AN_HOUR = String(3_600_000);
const env = {
  START_JOBS: 'true', JOB_HOUSEKEEPING_CRON: EVERY_FIVE_SECONDS, JOB_STATEMENTS_CRON: 'off', JOB_EXPORTS_CRON: 'off', JOB_TRN_CHECKS_CRON: 'off',
  SETTINGS_POLL_MS: AN_HOUR,
};

let apps: RunningApp[] = [];
const localDisks: string[] = [];

beforeAll(async () => {
  for (const name of ['first', 'second']) localDisks.push(await mkdtemp(path.join(tmpdir(), `${name}-machine-`)));
  // Each machine's temporary files go to its own folder. The first seeds the demo data and builds the
  // back office's components; the second finds both done, as a machine started from the same built image.
  apps.push(await startApp(process.env.DATABASE_URL!, { ...env, TMPDIR: localDisks[0] }));
  apps.push(await startApp(process.env.DATABASE_URL!, { ...env, TMPDIR: localDisks[1], ADMIN_JS_SKIP_BUNDLE: 'true' }));
}, 600_000);

afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  apps = [];
  await Promise.all(localDisks.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function signedIn(app: RunningApp, email: string, password: string): Promise<StaffClient> {
  const client = new StaffClient(app.url);
  expect((await client.signIn(email, password)).status).toBe(302);
  return client;
}

describe('two app processes on one database', () => {
  it('both serve the back office, the API and the portal', async () => {
    for (const app of apps) {
      expect((await fetch(`${app.url}/livez`)).status).toBe(200);
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'ok', readModels: 'ok' });
      expect((await fetch(`${app.url}/admin/login`)).status).toBe(200);
      expect((await fetch(`${app.url}/api/v3/participants/ecf`)).status).toBe(401);
      expect((await fetch(`${app.url}/check-data/`)).status).toBe(200);
    }
  });

  it('runs each tick of a scheduled job once, whichever process fires first', async () => {
    // Both processes fire every tick: one runs it; the other finds it run, or (under load, the run still
    // going) finds the job's lock taken. A tick that comes while the previous run still holds the lock is
    // skipped by both, as any overlapping run is. No tick is ever run twice.
    const ticks = async () => db().$queryRaw<{ tick: string; runs: number; skips: number; foundRun: number }[]>`
      SELECT args->>'scheduledFor' AS tick,
             count(*) FILTER (WHERE NOT COALESCE(output ? 'skipped', false))::int AS runs,
             count(*) FILTER (WHERE COALESCE(output ? 'skipped', false))::int AS skips,
             count(*) FILTER (WHERE output->>'skipped' = ${ALREADY_RUN_FOR_TICK})::int AS "foundRun"
      FROM job_runs WHERE job = 'housekeeping' AND args ? 'scheduledFor' AND state <> 'running'
      GROUP BY 1 ORDER BY 1`;
    const shared = (seen: { runs: number; skips: number }[]) => seen.filter((t) => t.runs === 1 && t.skips >= 1);
    // Generous: under load a process can miss its 5-second slot; the loop ends as soon as three ticks are in.
    const deadline = Date.now() + 240_000;
    let seen = await ticks();
    const foundRun = (t: { runs: number; foundRun: number }) => t.runs === 1 && t.foundRun >= 1;
    while ((shared(seen).length < 3 || !seen.some(foundRun)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      seen = await ticks();
    }
    expect(shared(seen).length).toBeGreaterThanOrEqual(3);
    expect(seen.filter((t) => t.runs > 1)).toEqual([]);
    // The rule for a tick already run was used too, not only the lock.
    expect(seen.some(foundRun)).toBe(true);
  }, 300_000);

  it('serves an export made through one process through the other', async () => {
    const world = await createParticipantWorld(2024);
    const statement = await createStatement(world.leadProvider, world.cohort, { name: 'Two machines statement' });
    await createDeclaration(await createParticipant(world, { fullName: 'Grace Hopper' }), world.leadProvider, { statement, state: 'eligible' });
    const finance = await createUser('finance', { password: 'finance-two-machines-1' });

    const first = await signedIn(apps[0], finance.email, 'finance-two-machines-1');
    expect((await first.form('/admin/api/pages/jobs', { job: 'declaration-exports', statementId: statement.id })).status).toBe(200);
    const deadline = Date.now() + 120_000;
    let run = null;
    while (Date.now() < deadline) {
      run = await db().jobRun.findFirst({ where: { job: 'declaration-exports', args: { path: ['statementId'], equals: statement.id }, state: { not: 'running' } } });
      if (run) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(run?.state).toBe('succeeded');
    const file = (run!.output as { files: { file: string }[] }).files[0].file;

    const second = await signedIn(apps[1], finance.email, 'finance-two-machines-1');
    const listed = await second.get('/admin/api/pages/jobs');
    if (listed.status !== 200) throw new Error(`The second process answered ${listed.status}:\n${apps[1].output().slice(-3000)}`);
    const page = (await listed.json()) as { exports: { name: string }[] };
    expect(page.exports.map((e) => e.name)).toContain(file);
    const download = await second.get(`/admin/api/pages/jobs?download=${encodeURIComponent(file)}`);
    expect(download.status).toBe(200);
    const csv = await download.text();
    expect(csv.split('\n')[0]).toBe(DECLARATIONS_CSV_HEADERS.join(','));
    expect(csv).toContain('Grace Hopper');
  }, 180_000);

  it('shows maintenance switched on one process on the other as it commits, not at the next poll', async () => {
    const api = `${apps[1].url}/api/v3/participants/ecf`;
    // The second process has read (and cached) the mode: off.
    expect((await fetch(api)).status).toBe(401);
    const admin = await createUser('super_user', { password: 'admin-two-machines-1' });
    const first = await signedIn(apps[0], admin.email, 'admin-two-machines-1');
    const switched = Date.now();
    expect((await first.form('/admin/api/pages/maintenance', { on: 'true' })).status).toBe(200);
    // With the poll an hour away only the notification can bring it; waits generously, then reports the delay.
    let seenAfter: number | null = null;
    while (Date.now() - switched < 120_000) {
      if ((await fetch(api)).status === 503) {
        seenAfter = Date.now() - switched;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(seenAfter).not.toBeNull();
    console.log(`Maintenance mode reached the other process ${seenAfter} ms after the switch was sent.`);
    // Typically a few milliseconds; the bound only has to rule out the poll (an hour) on a loaded CI machine.
    expect(seenAfter!).toBeLessThan(5_000);

    expect((await first.form('/admin/api/pages/maintenance', { on: 'false' })).status).toBe(200);
    const off = Date.now();
    while ((await fetch(api)).status === 503 && Date.now() - off < 120_000) await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await fetch(api)).status).toBe(401);
  }, 300_000);

  // Last: the throttle counts by address too, and every request here comes from 127.0.0.1.
  it('shares the sign-in throttle: failures counted on one process refuse sign-in on the other', async () => {
    const user = await createUser('support', { password: 'correct-horse-battery-staple' });
    for (let i = 0; i < 10; i++) expect((await new StaffClient(apps[0].url).signIn(user.email, 'wrong password')).status).toBe(401);
    expect((await new StaffClient(apps[1].url).signIn(user.email, 'correct-horse-battery-staple')).status).toBe(429);
  });
});
