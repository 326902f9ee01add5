// A run left `running` whose lock nobody holds was interrupted: its process stopped (crash, kill,
// restart) before it could record how it ended.
import type { JobRun } from '@prisma/client';
import { db } from '../../db/client.js';
import { jobKey, tryJobLock } from './job-lock.js';

export const INTERRUPTED = 'Interrupted: the process running this job stopped before it finished. Running it again is safe.';

/** Marks the given runs failed, if still running. */
export async function markRunsInterrupted(ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const { count } = await db().jobRun.updateMany({
    where: { id: { in: ids }, state: 'running' },
    data: { state: 'failed', error: INTERRUPTED, finishedAt: new Date() },
  });
  return count;
}

/** Every running run of `job` with this key: the caller holds the key's lock, so none of them is alive. */
export async function markInterruptedRunsOf(job: string, key: string): Promise<number> {
  const running = await db().jobRun.findMany({ where: { job, state: 'running' }, select: { id: true, job: true, args: true } });
  return markRunsInterrupted(running.filter((run) => jobKey(run.job, run.args) === key).map((run) => run.id));
}

/** At start-up: every running run whose lock is free is marked failed. Returns how many. */
export async function recoverInterruptedRuns(): Promise<number> {
  const running = await db().jobRun.findMany({ where: { state: 'running' }, select: { id: true, job: true, args: true } });
  const byKey = new Map<string, Pick<JobRun, 'id'>[]>();
  for (const run of running) {
    const key = jobKey(run.job, run.args);
    byKey.set(key, [...(byKey.get(key) ?? []), run]);
  }
  let recovered = 0;
  for (const [key, runs] of byKey) {
    const lock = await tryJobLock(key);
    if (!lock) continue;
    try {
      recovered += await markRunsInterrupted(runs.map((run) => run.id));
    } finally {
      await lock.release();
    }
  }
  return recovered;
}
