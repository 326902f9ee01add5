// Every connection the app opens to PostgreSQL is configured here: Prisma's pool, the prepared-statement
// pool, the dedicated connections (COPY, advisory locks, cursors, LISTEN, the pupil premium import's own
// transaction), migrations, creating the database and the session stores' pools. Each session runs with
// TimeZone=UTC whatever the server's or database's default: the columns are `timestamp without time zone`
// holding UTC, and `now()` written into them (raw SQL, triggers, column defaults) is converted with the
// session's zone.
import pg from 'pg';
import { logger } from '../logging/logger.js';
import { typeParser } from './type-parser.js';

const UTC_OPTION = '-c TimeZone=UTC';

/** `url` with `options=-c TimeZone=UTC` added to any options it already carries (pg reads them from the URL). */
export function utcUrl(url: string): string {
  const parsed = new URL(url);
  const given = parsed.searchParams.get('options');
  if (given?.includes(UTC_OPTION)) return url;
  parsed.searchParams.set('options', given ? `${given} ${UTC_OPTION}` : UTC_OPTION);
  return parsed.toString();
}

/** DATABASE_URL (set by openDatabase() at start-up, or by the test set-up per test file), in UTC. */
export function appDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: call openDatabase() first.');
  return utcUrl(url);
}

// A server restart, a managed database's failover or a dropped database ends idle connections with an
// 'error' event; unheard, Node would end the process with it. The pool replaces such a connection on next
// use, and a query on a lost one fails on its own: both are only worth a line in the log.
// pg's errors carry the whole client (its connection settings among them): only the reason is logged.
const reason = (error: unknown) => (error instanceof Error ? { message: error.message, code: (error as { code?: unknown }).code } : undefined);

/** An 'error' listener for a connection or pool: logs the server closing it (`what` names which). */
export const logLostConnection = (what: string) => (error: Error) =>
  logger.warn({ reason: reason(error) }, `A ${what} to PostgreSQL was closed by the server`);

/** For libraries that report their own failures (the session stores' queries): to the log as warnings. */
export const logDatabaseComplaint = (...args: unknown[]): void =>
  logger.warn({ reason: reason(args.find((arg) => arg instanceof Error)) }, typeof args[0] === 'string' ? args[0] : 'Database connection error');

/** A pg.Pool on the app's database; rows typed as the app reads them. */
export function openPool(max: number, url = appDatabaseUrl()): pg.Pool {
  const pool = new pg.Pool({ connectionString: utcUrl(url), max, types: { getTypeParser: typeParser } });
  pool.on('error', logLostConnection('pooled connection'));
  return pool;
}

/**
 * The pool a session store (connect-pg-simple) runs on: opened here, so it has the app's session settings and
 * logs a lost connection like every other; the store's owner ends it. Ten, as connect-pg-simple's own was.
 */
export const openSessionStorePool = (url: string): pg.Pool => openPool(10, url);

/** A connected pg.Client of its own, outside any pool, for what must stay on one session. */
export async function openConnection(url = appDatabaseUrl()): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: utcUrl(url), types: { getTypeParser: typeParser } });
  client.on('error', logLostConnection('dedicated connection'));
  await client.connect();
  return client;
}
