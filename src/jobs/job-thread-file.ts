// Where a job's worker thread starts: the compiled job-thread.js in a build, otherwise the .mjs entry
// that registers tsx (with no inherited loader flags, so tsx is registered once).
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { JobThreadData, JobThreadReport } from './job-thread.js';

const compiled = import.meta.url.endsWith('.js');

export const JOB_THREAD_FILE = fileURLToPath(new URL(compiled ? './job-thread.js' : './job-thread.mjs', import.meta.url));

/** Worker options, made when the thread is: it gets the environment as it is now (DATABASE_URL included). */
export const jobThreadOptions = (): WorkerOptions => ({ env: { ...process.env }, ...(compiled ? {} : { execArgv: [] }) });

/** Runs a job now in a thread of its own, outside any schedule. Resolves (never rejects) with how it ended. */
export function startJobThread(name: string, args: unknown): Promise<JobThreadReport> {
  const workerData: JobThreadData = { job: { name }, args };
  const worker = new Worker(JOB_THREAD_FILE, { ...jobThreadOptions(), workerData });
  running.add(worker);
  worker.once('exit', () => running.delete(worker));
  return new Promise((resolve) => {
    let report: JobThreadReport | undefined;
    worker.on('message', (message: JobThreadReport | 'done') => {
      if (message !== 'done') report = message;
    });
    worker.on('error', (error) => {
      report ??= { job: name, runId: null, state: 'failed', error: error.message };
    });
    worker.on('exit', () => resolve(report ?? { job: name, runId: null, state: 'failed', error: 'The job thread stopped without reporting.' }));
  });
}

const running = new Set<Worker>();

/**
 * At shutdown: asks every "run now" thread to stop after its current step and waits for them, terminating
 * any still running at the deadline (their runs are marked failed at the next start).
 */
export async function stopJobThreads(deadline: number): Promise<void> {
  await stopWorkers([...running], deadline);
}

export async function stopWorkers(workers: Worker[], deadline: number): Promise<void> {
  await Promise.all(workers.map((worker) => new Promise<void>((resolve) => {
    const timer = setTimeout(() => void worker.terminate(), Math.max(0, deadline - Date.now()));
    worker.once('exit', () => { clearTimeout(timer); resolve(); });
    worker.postMessage('cancel');
  })));
}
