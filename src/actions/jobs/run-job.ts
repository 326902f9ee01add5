// Runs a job once and records it in job_runs: under the job's advisory lock (a second run of the same
// job and arguments at the same time is skipped, and recorded as skipped), with progress, its output
// or its error. The job itself must be safe to repeat; this only makes sure it never overlaps itself.
import type { JobRun, Prisma } from '@prisma/client';
import type { z } from 'zod';
import { db } from '../../db/client.js';
import { RecordedProgress, type JobProgress } from './job-progress.js';
import { jobKey, tryJobLock } from './job-lock.js';
import { markInterruptedRunsOf } from './mark-runs-interrupted.js';

export type JobOutput = Record<string, unknown>;

export interface JobRunContext<A> {
  args: A;
  progress: JobProgress;
  /** Aborted when the run lost its lock; long loops check it between items. */
  signal: AbortSignal;
}

export interface RunnableJob<A = unknown> {
  name: string;
  args: z.ZodType<A>;
  run(context: JobRunContext<A>): Promise<JobOutput>;
}

export const SKIPPED = 'Skipped: the same job was already running.';

export interface FinishedRun {
  run: JobRun;
  skipped: boolean;
}

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value ?? {})) as Prisma.InputJsonObject;

export async function runJob<A>(job: RunnableJob<A>, rawArgs: unknown = {}): Promise<FinishedRun> {
  const args = job.args.parse(rawArgs ?? {});
  const key = jobKey(job.name, args);
  const lock = await tryJobLock(key);
  if (!lock) {
    const run = await db().jobRun.create({
      data: { job: job.name, args: asJson(args), state: 'succeeded', output: { skipped: SKIPPED }, finishedAt: new Date() },
    });
    return { run, skipped: true };
  }
  try {
    // Holding the lock, any run of this key still marked running died without recording it.
    await markInterruptedRunsOf(job.name, key);
    const started = await db().jobRun.create({ data: { job: job.name, args: asJson(args) } });
    const progress = new RecordedProgress(started.id);
    let finished: Prisma.JobRunUpdateInput;
    try {
      const output = await job.run({ args, progress, signal: lock.signal });
      lock.signal.throwIfAborted();
      finished = { state: 'succeeded', output: asJson(output) };
    } catch (error) {
      finished = { state: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
    const run = await db().jobRun.update({ where: { id: started.id }, data: { ...finished, rowsDone: progress.done, finishedAt: new Date() } });
    return { run, skipped: false };
  } finally {
    await lock.release();
  }
}
