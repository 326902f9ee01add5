// Two app processes (`npm start` twice, as two servers behind a load balancer would run) on one database:
// both serve the back office and the API, and each tick of a scheduled job runs once between them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { db } from '../../src/db/client.js';
import { startApp, type RunningApp } from '../support/app-process.js';
import { createUser } from '../support/factories.js';
import { StaffClient } from '../security/staff-client.js';

const EVERY_FIVE_SECONDS = '*/5 * * * * *';
const jobs = { START_JOBS: 'true', JOB_HOUSEKEEPING_CRON: EVERY_FIVE_SECONDS, JOB_STATEMENTS_CRON: 'off', JOB_EXPORTS_CRON: 'off', JOB_TRN_CHECKS_CRON: 'off' };

let apps: RunningApp[] = [];

beforeAll(async () => {
  // The first seeds the demo data; the second finds it seeded.
  apps.push(await startApp(process.env.DATABASE_URL!, jobs));
  apps.push(await startApp(process.env.DATABASE_URL!, jobs));
}, 600_000);

afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  apps = [];
});

describe('two app processes on one database', () => {
  it('both serve the back office, the API and the portal', async () => {
    for (const app of apps) {
      expect((await fetch(`${app.url}/livez`)).status).toBe(200);
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'ok' });
      expect((await fetch(`${app.url}/admin/login`)).status).toBe(200);
      expect((await fetch(`${app.url}/api/v3/participants/ecf`)).status).toBe(401);
      expect((await fetch(`${app.url}/check-data/`)).status).toBe(200);
    }
  });

  it('runs each tick of a scheduled job once, whichever process fires first', async () => {
    // Both processes fire every tick; wait for a few ticks that both have had time to record.
    const ticks = async () => db().$queryRaw<{ tick: string; runs: number; skips: number }[]>`
      SELECT args->>'scheduledFor' AS tick,
             count(*) FILTER (WHERE NOT COALESCE(output ? 'skipped', false))::int AS runs,
             count(*) FILTER (WHERE COALESCE(output ? 'skipped', false))::int AS skips
      FROM job_runs WHERE job = 'housekeeping' AND args ? 'scheduledFor' AND state <> 'running'
      GROUP BY 1 ORDER BY 1`;
    // Generous: under load a process can miss its 5-second slot; the loop ends as soon as three ticks are in.
    const deadline = Date.now() + 240_000;
    let seen = await ticks();
    while (seen.filter((t) => t.runs + t.skips === 2).length < 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      seen = await ticks();
    }
    const fired = seen.filter((t) => t.runs + t.skips === 2);
    expect(fired.length).toBeGreaterThanOrEqual(3);
    expect(seen.map((t) => t.runs)).toEqual(seen.map(() => 1));
  }, 300_000);

  it('shares the sign-in throttle: failures counted on one process refuse sign-in on the other', async () => {
    const user = await createUser('support', { password: 'correct-horse-battery-staple' });
    for (let i = 0; i < 10; i++) expect((await new StaffClient(apps[0].url).signIn(user.email, 'wrong password')).status).toBe(401);
    expect((await new StaffClient(apps[1].url).signIn(user.email, 'correct-horse-battery-staple')).status).toBe(429);
  });
});
