// Running a job: recorded in job_runs with progress and outcome, never twice at once for the same
// arguments, and a run left `running` by a dead process is marked failed.
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { jobKey, tryJobLock } from '../../src/actions/jobs/job-lock.js';
import { INTERRUPTED, recoverInterruptedRuns } from '../../src/actions/jobs/mark-runs-interrupted.js';
import { runJob, SKIPPED, type RunnableJob } from '../../src/actions/jobs/run-job.js';
import { db } from '../../src/db/client.js';

let jobs = 0;
/** A job that counts to `rows`, waiting for `gate` (when given) half way. */
function countingJob(rows: number, gate?: Promise<void>): RunnableJob<{ tag?: string }> {
  return {
    name: `counting-${++jobs}`,
    args: z.object({ tag: z.string().optional() }).strict(),
    async run({ progress, args }) {
      await progress.setTotal(rows);
      await progress.advance(Math.floor(rows / 2));
      await gate;
      await progress.advance(rows - Math.floor(rows / 2));
      return { counted: rows, tag: args.tag ?? null };
    },
  };
}

async function until<T>(read: () => Promise<T | null | undefined>, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('runJob', () => {
  it('when the process is stopping, ends after the current step and records why', async () => {
    const stopping = new AbortController();
    const steps: number[] = [];
    const stepped: RunnableJob<object> = {
      name: `stepped-${++jobs}`,
      args: z.object({}).strict(),
      async run({ progress, signal }) {
        for (const step of [1, 2, 3]) {
          signal.throwIfAborted();
          steps.push(step);
          await progress.advance(1);
          // The stop signal arrives while step 1 runs: step 1 still finishes.
          if (step === 1) stopping.abort(new Error('Stopped after its current step: the app was shutting down.'));
        }
        return { steps: steps.length };
      },
    };
    const { run } = await runJob(stepped, {}, { stopping: stopping.signal });
    expect(steps).toEqual([1]);
    expect(await db().jobRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      state: 'failed', rowsDone: 1, error: 'Stopped after its current step: the app was shutting down.',
    });
  });

  it('records a finished run with its arguments, rows and output', async () => {
    const job = countingJob(7);
    const { run, skipped } = await runJob(job, { tag: 'a' });
    expect(skipped).toBe(false);
    expect(await db().jobRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      job: job.name, args: { tag: 'a' }, state: 'succeeded', rowsDone: 7, rowsTotal: 7, output: { counted: 7, tag: 'a' }, error: null,
    });
    expect(run.finishedAt!.getTime()).toBeGreaterThanOrEqual(run.startedAt.getTime());
  });

  it('records a failure with its message, and arguments the job refuses before anything runs', async () => {
    const failing: RunnableJob<object> = { name: 'failing', args: z.object({}).strict(), run: async () => { throw new Error('The contract is missing'); } };
    const { run } = await runJob(failing);
    expect(run).toMatchObject({ state: 'failed', error: 'The contract is missing' });
    expect(run.finishedAt).not.toBeNull();
    await expect(runJob(failing, { unexpected: 1 })).rejects.toThrow();
    expect(await db().jobRun.count({ where: { job: 'failing' } })).toBe(1);
  });

  it('skips a second run of the same job and arguments while the first runs, and records the skip', async () => {
    let open!: () => void;
    const job = countingJob(10, new Promise<void>((resolve) => (open = resolve)));
    const first = runJob(job, { tag: 'x' });
    await until(() => db().jobRun.findFirst({ where: { job: job.name, state: 'running' } }));

    const second = await runJob(job, { tag: 'x' });
    expect(second.skipped).toBe(true);
    expect(second.run).toMatchObject({ state: 'succeeded', output: { skipped: SKIPPED }, rowsDone: 0 });
    // Other arguments are another lock: that run goes ahead.
    const other = runJob(job, { tag: 'y' });
    await until(() => db().jobRun.findFirst({ where: { job: job.name, state: 'running', args: { equals: { tag: 'y' } } } }));

    open();
    expect((await first).run).toMatchObject({ state: 'succeeded', rowsDone: 10 });
    expect((await other).run).toMatchObject({ state: 'succeeded', rowsDone: 10 });
    const runs = await db().jobRun.findMany({ where: { job: job.name }, orderBy: { startedAt: 'asc' } });
    expect(runs.map((r) => [r.args, r.state, (r.output as { skipped?: string }).skipped ?? null])).toEqual([
      [{ tag: 'x' }, 'succeeded', null],
      [{ tag: 'x' }, 'succeeded', SKIPPED],
      [{ tag: 'y' }, 'succeeded', null],
    ]);
  });

  it('keys locks on the arguments whatever their order', () => {
    expect(jobKey('exports', { b: 1, a: 2 })).toBe(jobKey('exports', { a: 2, b: 1 }));
    expect(jobKey('exports', {})).not.toBe(jobKey('statements', {}));
  });
});

describe('interrupted runs', () => {
  it('marks failed, at start-up, runs left running without their lock, and leaves live ones alone', async () => {
    // Runs other tests of this file left behind are recovered first, so the counts below are this test's own.
    await recoverInterruptedRuns();
    const dead = await db().jobRun.create({ data: { job: 'statements', args: {}, rowsDone: 3, rowsTotal: 9 } });
    const live = await db().jobRun.create({ data: { job: 'declaration-exports', args: { statementId: '00000000-0000-4000-8000-000000000001' } } });
    const lock = await tryJobLock(jobKey(live.job, live.args));
    try {
      expect(await recoverInterruptedRuns()).toBe(1);
    } finally {
      await lock!.release();
    }
    expect(await db().jobRun.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({ state: 'failed', error: INTERRUPTED, rowsDone: 3 });
    expect(await db().jobRun.findUniqueOrThrow({ where: { id: live.id } })).toMatchObject({ state: 'running', error: null, finishedAt: null });
    // Its process gone (lock released), the next start recovers it too.
    expect(await recoverInterruptedRuns()).toBe(1);
    expect(await db().jobRun.findUniqueOrThrow({ where: { id: live.id } })).toMatchObject({ state: 'failed' });
  });

  it('has the next run of the same job mark the dead run failed before it starts', async () => {
    const job = countingJob(2);
    const dead = await db().jobRun.create({ data: { job: job.name, args: {} } });
    const stranger = await db().jobRun.create({ data: { job: job.name, args: { tag: 'other' } } });
    const { run } = await runJob(job, {});
    expect(run.state).toBe('succeeded');
    expect((await db().jobRun.findUniqueOrThrow({ where: { id: dead.id } })).state).toBe('failed');
    expect((await db().jobRun.findUniqueOrThrow({ where: { id: stranger.id } })).state).toBe('running');
  });
});
