// Bree inside the app (or the separate `jobs` process): each job on its cron schedule, each run in a
// worker thread. Schedules come from the environment (JOB_STATEMENTS_CRON, JOB_EXPORTS_CRON,
// JOB_HOUSEKEEPING_CRON; "off" leaves a job unscheduled). At start, runs a crash left `running` are
// marked failed.
import Bree from 'bree';
import { recoverInterruptedRuns } from '../actions/jobs/mark-runs-interrupted.js';
import type { Worker } from 'node:worker_threads';
import { JOB_THREAD_FILE, jobThreadOptions, stopWorkers } from './job-thread-file.js';
import type { JobThreadReport } from './job-thread.js';
import { JOBS } from './registry.js';

export interface SchedulerOptions {
  log: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

export interface JobSchedule {
  job: string;
  cron: string;
}

/** START_JOBS=false keeps the scheduler off (e.g. web processes when a separate `jobs` process runs them). */
export const jobsEnabled = (env: NodeJS.ProcessEnv = process.env): boolean => env.START_JOBS !== 'false';

export function jobSchedules(env: NodeJS.ProcessEnv = process.env): JobSchedule[] {
  return JOBS.map((job) => ({ job: job.name, cron: (env[job.schedule.env] ?? job.schedule.default).trim() })).filter((s) => s.cron !== 'off');
}

function describe(report: JobThreadReport): string {
  if (report.state === 'failed') return `Job ${report.job} failed (run ${report.runId}): ${report.error}`;
  return `Job ${report.job} ${report.state} (run ${report.runId})`;
}

/**
 * Starts the schedules; resolves with a function that stops them: no new runs, a run in progress is asked to
 * stop after its current step and is terminated if it has not by the deadline (a time in ms, default now).
 */
export async function startScheduler({ log, env = process.env }: SchedulerOptions): Promise<(deadline?: number) => Promise<void>> {
  const recovered = await recoverInterruptedRuns();
  if (recovered) log(`Jobs: ${recovered} run(s) interrupted by a stop were marked failed.`);

  const schedules = jobSchedules(env);
  const bree = new Bree({
    root: false,
    logger: { info: () => {}, warn: (message: unknown) => log(`Jobs: ${String(message)}`), error: (message: unknown) => log(`Jobs: ${String(message)}`) },
    worker: jobThreadOptions(),
    // Five fields, or six with seconds first.
    jobs: schedules.map(({ job, cron }) => ({ name: job, path: JOB_THREAD_FILE, cron, hasSeconds: cron.split(/\s+/).length === 6 })),
    workerMessageHandler: ({ message }: { message: unknown }) => {
      if (message && typeof message === 'object') log(describe(message as JobThreadReport));
    },
    errorHandler: (error, meta) => log(`Job ${meta.name} stopped with an error: ${error instanceof Error ? error.message : String(error)}`),
  });
  try {
    await bree.start();
  } catch (error) {
    await bree.stop().catch(() => {});
    const names = JOBS.map((job) => `${job.schedule.env} (${job.name})`).join(', ');
    throw new Error(`Cannot schedule the jobs: ${(error as Error).message}. Check ${names}.`);
  }
  log(`Jobs scheduled: ${schedules.map((s) => `${s.job} "${s.cron}"`).join(', ') || 'none'}.`);
  return async (deadline = Date.now()) => {
    const workers = [...(bree.workers as Map<string, Worker>).values()];
    const stopped = bree.stop();
    await stopWorkers(workers, deadline);
    await stopped;
  };
}
