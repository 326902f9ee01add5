// Every connection the app opens to PostgreSQL is configured here: Prisma's pool, the prepared-statement
// pool, the dedicated connections (COPY, advisory locks, cursors, LISTEN), migrations and the session
// stores. Each session runs with TimeZone=UTC whatever the server's or database's default: the columns are
// `timestamp without time zone` holding UTC, and `now()` written into them (raw SQL, triggers, column
// defaults) is converted with the session's zone.
import pg from 'pg';
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

/** A pg.Pool on the app's database; rows typed as the app reads them. */
export function openPool(max: number, url = appDatabaseUrl()): pg.Pool {
  return new pg.Pool({ connectionString: utcUrl(url), max, types: { getTypeParser: typeParser } });
}

/** A connected pg.Client of its own, outside any pool, for what must stay on one session. */
export async function openConnection(url = appDatabaseUrl()): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: utcUrl(url), types: { getTypeParser: typeParser } });
  await client.connect();
  return client;
}
