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
export const ALREADY_RUN_FOR_TICK = 'Skipped: another process already ran this scheduled run.';

export interface FinishedRun {
  run: JobRun;
  skipped: boolean;
}

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value ?? {})) as Prisma.InputJsonObject;

export interface RunOptions {
  /** The schedule's tick a cron-fired run belongs to: another process's run for the same tick makes this one a skip. */
  scheduledFor?: string;
  /** Aborted when the process is stopping: the job ends after its current step, recorded as failed with the reason. */
  stopping?: AbortSignal;
}

export async function runJob<A>(job: RunnableJob<A>, rawArgs: unknown = {}, { scheduledFor, stopping }: RunOptions = {}): Promise<FinishedRun> {
  const args = job.args.parse(rawArgs ?? {});
  const key = jobKey(job.name, args);
  const recorded = asJson(scheduledFor ? { ...asJson(args), scheduledFor } : args);
  const skip = async (reason: string) => ({
    run: await db().jobRun.create({ data: { job: job.name, args: recorded, state: 'succeeded', output: { skipped: reason }, finishedAt: new Date() } }),
    skipped: true,
  });
  const lock = await tryJobLock(key);
  if (!lock) return skip(SKIPPED);
  try {
    if (scheduledFor && (await ranForTick(job.name, scheduledFor))) return await skip(ALREADY_RUN_FOR_TICK);
    // Holding the lock, any run of this key still marked running died without recording it.
    await markInterruptedRunsOf(job.name, key);
    const started = await db().jobRun.create({ data: { job: job.name, args: recorded } });
    const progress = new RecordedProgress(started.id);
    let finished: Prisma.JobRunUpdateInput;
    try {
      const signal = stopping ? AbortSignal.any([lock.signal, stopping]) : lock.signal;
      const output = await job.run({ args, progress, signal });
      signal.throwIfAborted();
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

/** A run (not a skip) of the job for this tick, by any process. */
async function ranForTick(job: string, scheduledFor: string): Promise<boolean> {
  const [row] = await db().$queryRaw<{ ran: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM job_runs WHERE job = ${job} AND args->>'scheduledFor' = ${scheduledFor} AND NOT COALESCE(output ? 'skipped', false)
    ) AS ran`;
  return row.ran;
}
