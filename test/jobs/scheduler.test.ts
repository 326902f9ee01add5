// The scheduler: schedules from the environment, recovery of runs a stop interrupted, and Bree really
// running a job in its worker thread on schedule.
import { describe, expect, it } from '@jest/globals';
import { INTERRUPTED } from '../../src/actions/jobs/mark-runs-interrupted.js';
import { db } from '../../src/db/client.js';
import { jobSchedules, jobsEnabled, startScheduler } from '../../src/jobs/scheduler.js';


describe('schedules', () => {
  it('come from the environment, with defaults, and "off" leaves a job out', () => {
    expect(jobSchedules({})).toEqual([
      { job: 'statements', cron: '15 2 * * *' },
      { job: 'declaration-exports', cron: '45 2 * * *' },
      { job: 'housekeeping', cron: '30 3 * * *' },
      { job: 'trn-checks', cron: '0 6 * * *' },
    ]);
    expect(jobSchedules({ JOB_STATEMENTS_CRON: '0 6 * * 1-5', JOB_EXPORTS_CRON: 'off', JOB_HOUSEKEEPING_CRON: ' 0 4 * * * ', JOB_TRN_CHECKS_CRON: 'off' })).toEqual([
      { job: 'statements', cron: '0 6 * * 1-5' },
      { job: 'housekeeping', cron: '0 4 * * *' },
    ]);
    expect(jobsEnabled({})).toBe(true);
    expect(jobsEnabled({ START_JOBS: 'false' })).toBe(false);
  });

  it('refuses a schedule that is not a cron expression, naming the variables', async () => {
    await expect(startScheduler({ log: () => {}, env: { JOB_STATEMENTS_CRON: 'every day', JOB_EXPORTS_CRON: 'off', JOB_HOUSEKEEPING_CRON: 'off', JOB_TRN_CHECKS_CRON: 'off' } }))
      .rejects.toThrow(/Cannot schedule the jobs: .*Check JOB_STATEMENTS_CRON \(statements\)/s);
  });
});

describe('startScheduler', () => {
  it('marks interrupted runs failed, then runs a job on its schedule in a worker thread', async () => {
    const dead = await db().jobRun.create({ data: { job: 'statements', args: {} } });
    const lines: string[] = [];
    const stop = await startScheduler({
      log: (line) => lines.push(line),
      env: { JOB_STATEMENTS_CRON: 'off', JOB_EXPORTS_CRON: 'off', JOB_HOUSEKEEPING_CRON: '* * * * * *', JOB_TRN_CHECKS_CRON: 'off' },
    });
    try {
      expect((await db().jobRun.findUniqueOrThrow({ where: { id: dead.id } })).error).toBe(INTERRUPTED);
      expect(lines).toContain('Jobs: 1 run(s) interrupted by a stop were marked failed.');
      expect(lines).toContain('Jobs scheduled: housekeeping "* * * * * *".');
      const started = Date.now();
      while (!lines.some((l) => l.startsWith('Job housekeeping succeeded')) && Date.now() - started < 45_000) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await stop();
    }
    const run = await db().jobRun.findFirstOrThrow({ where: { job: 'housekeeping', state: 'succeeded' }, orderBy: { startedAt: 'asc' } });
    expect(lines).toContain(`Job housekeeping succeeded (run ${run.id})`);
    expect(run.output).toMatchObject({ magicLinksDeleted: 0, exportsDeleted: [] });
  });
});
