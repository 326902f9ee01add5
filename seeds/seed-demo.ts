// Fills an empty database with the demo data that makes every back-office screen realistic: the DfE's
// real calendar, schools and appropriate bodies (seeds/data) plus deterministic generated providers,
// partnerships, participants, declarations, statements and users. Same seed, same data: ids are derived
// from what each row is, and all randomness comes from fixed-seed streams.
import type pg from 'pg';
import { ActionError } from '../src/actions/errors.js';
import { hashPassword } from '../src/auth/password.js';
import { db } from '../src/db/client.js';
import { openConnection } from '../src/db/connection.js';
import { insertTables } from './lib/bulk-insert.js';
import { withChecksAtTheEnd } from './lib/bulk-load.js';
import { buildDemoData } from './build/demo-data.js';
import type { SeedSize } from './build/sizes.js';
import { snapshotChartedStatements } from './statement-snapshots.js';
import { DEMO_API_TOKENS, DEMO_LOGINS, type DemoApiToken, type DemoLogin } from './demo-logins.js';

export type { SeedSize } from './build/sizes.js';

export interface SeedOptions {
  size?: SeedSize;
  log?: (line: string) => void;
  /** The day statements are paid or payable against; defaults to now. Fix it to compare two seeds. */
  today?: Date;
}

export interface SeedSummary {
  size: SeedSize;
  durationMs: number;
  /** Rows written, by table. */
  counts: Record<string, number>;
  logins: readonly DemoLogin[];
  apiTokens: readonly DemoApiToken[];
}

/** Whether the demo users exist. */
export async function isSeeded(): Promise<boolean> {
  return (await db().user.count({ where: { email: { in: DEMO_LOGINS.map((login) => login.email) } } })) > 0;
}

async function refuseUnlessEmpty(): Promise<void> {
  const [users, cohorts, schools, leadProviders] = await Promise.all([
    db().user.count(), db().cohort.count(), db().school.count(), db().leadProvider.count(),
  ]);
  if (users + cohorts + schools + leadProviders === 0) return;
  throw new ActionError(
    'CONFLICT',
    `The database already has data (${users} users, ${cohorts} cohorts, ${schools} schools, ${leadProviders} lead providers). ` +
      'The demo seed only fills an empty database: run `npm run cli -- db:reset --yes` to start again.',
  );
}

async function hashDemoPasswords(): Promise<Map<string, string>> {
  const hashes = await Promise.all(DEMO_LOGINS.map(async (login) => [login.email, await hashPassword(login.password)] as const));
  return new Map(hashes);
}

/** The bulk writes go through their own pg connection to the database db() uses (see lib/bulk-insert.ts). */
async function inOneTransaction(work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = await openConnection();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

export async function seedDemo(options: SeedOptions = {}): Promise<SeedSummary> {
  const started = Date.now();
  const size = options.size ?? 'full';
  const log = options.log ?? (() => {});
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  await refuseUnlessEmpty();

  const tables = buildDemoData(size, options.today ?? new Date(), await hashDemoPasswords());
  log(`Built the ${size} demo data in ${seconds()}`);
  let counts: Record<string, number> = {};
  await inOneTransaction(async (client) => {
    await withChecksAtTheEnd(client, async () => {
      counts = await insertTables(client, tables, (table, rows) => {
        if (rows >= 10_000) log(`  ${table}: ${rows.toLocaleString('en-GB')} rows (${seconds()})`);
      });
    });
    // The rows are history written out of time order (a partnership dated after the records that join
    // it), while the read models' triggers assume writes arrive in time order: bring them in line.
    await client.query('SELECT rebuild_read_models()');
  });
  log(`  read models in line with the rows (${seconds()})`);
  const snapshots = await snapshotChartedStatements(options.today ?? new Date());
  log(`  statement calculations for the dashboard: ${snapshots} (${seconds()})`);
  const durationMs = Date.now() - started;
  log(`Seeded ${Object.values(counts).reduce((a, b) => a + b, 0).toLocaleString('en-GB')} rows in ${seconds()}`);
  return { size, durationMs, counts, logins: DEMO_LOGINS, apiTokens: DEMO_API_TOKENS };
}
