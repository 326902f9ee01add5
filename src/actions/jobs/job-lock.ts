// One PostgreSQL advisory lock per job and arguments, held on a connection of its own for the whole
// run: two processes on one database never run the same job at once, and a process that dies loses
// its lock with its connection, which is how an interrupted run is told from a running one.
import { openConnection } from '../../db/connection.js';

/** First key of the two-key lock form (the migration lock uses the one-key form, a separate space). */
const JOB_LOCK_SPACE = 727_100;

export interface JobLock {
  /** Aborted when the connection holding the lock is lost: the run must stop, as another may now start. */
  signal: AbortSignal;
  release(): Promise<void>;
}

/** `job` plus its arguments with keys sorted, so equal arguments make equal keys. */
export function jobKey(job: string, args: unknown): string {
  const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
  const sorted = (value: unknown): unknown =>
    isObject(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sorted(v)])) : value;
  // A scheduled run's recorded tick is not part of what it does: every tick of a job shares one key.
  const what = isObject(args) ? Object.fromEntries(Object.entries(args).filter(([k]) => k !== 'scheduledFor')) : (args ?? {});
  return `${job}:${JSON.stringify(sorted(what))}`;
}

/** The lock for `key`, or null at once when another session holds it. */
export async function tryJobLock(key: string): Promise<JobLock | null> {
  const client = await openConnection();
  const lost = new AbortController();
  client.on('error', (error) => lost.abort(new Error(`Lost the database connection holding the job lock: ${error.message}`)));
  const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [JOB_LOCK_SPACE, key]);
  if (!rows[0].locked) {
    await client.end();
    return null;
  }
  return {
    signal: lost.signal,
    // Closing the session releases its advisory locks.
    release: () => client.end().catch(() => {}),
  };
}
