// The body of a job's worker thread (Bree's, or a "run now" from the Jobs page): runs the job once,
// recorded, then tells the parent how it ended.
import { parentPort, workerData } from 'node:worker_threads';
import { runJob } from '../actions/jobs/run-job.js';
import { disconnectDb } from '../db/client.js';
import { findJob } from './registry.js';
import { scheduledTick } from './scheduled-tick.js';

export interface JobThreadData {
  /** Bree passes the job under `job` (with its schedule); a "run now" passes the same shape without one. */
  job: { name: string; cron?: string; hasSeconds?: boolean };
  args?: unknown;
}

export interface JobThreadReport {
  job: string;
  /** Null when the thread failed before a run was recorded. */
  runId: string | null;
  state: 'succeeded' | 'failed' | 'skipped';
  error: string | null;
}

const { job: { name, cron, hasSeconds }, args } = workerData as JobThreadData;
const job = findJob(name);
if (!job) throw new Error(`Unknown job "${name}"`);
// The parent asks a running job to stop ('cancel', as Bree sends it) when the process is shutting down.
const stopping = new AbortController();
const onMessage = (message: unknown) => {
  if (message === 'cancel') stopping.abort(new Error('Stopped after its current step: the app was shutting down.'));
};
parentPort?.on('message', onMessage);
try {
  const scheduledFor = cron ? scheduledTick(cron, !!hasSeconds) : undefined;
  const { run, skipped } = await runJob(job, args ?? {}, { scheduledFor, stopping: stopping.signal });
  const report: JobThreadReport = { job: name, runId: run.id, state: skipped ? 'skipped' : run.state === 'failed' ? 'failed' : 'succeeded', error: run.error };
  parentPort?.postMessage(report);
} finally {
  parentPort?.off('message', onMessage);
  await disconnectDb();
}
parentPort?.postMessage('done');
