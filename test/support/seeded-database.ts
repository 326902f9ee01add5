// The small demo seed, made once per test run and copied into each test file that wants it: seeding costs
// tens of seconds (the dashboard's statement calculations), copying a database well under one.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { disconnectDb } from '../../src/db/client.js';
import { TEMPLATE_DATABASE, testServerUrl } from './test-database.js';

// Named like the per-file databases, so global set-up drops it at the start of each run (the schema or the seed may have changed).
const SEEDED_TEMPLATE = 'ecf_test_seeded_template';
const SEEDING = 'ecf_test_seeding_template';

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function runSeedProcess(databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/seed-template.ts'], {
      env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Seeding the test template failed (${code}):\n${output}`))));
  });
}

/** Makes the seeded template unless another test file already has (jest workers wait on one advisory lock). */
async function ensureSeededTemplate(): Promise<void> {
  await withAdmin(async (client) => {
    await client.query("SELECT pg_advisory_lock(hashtext('ecf_test_seeded_template'))");
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [SEEDED_TEMPLATE]);
      if (rowCount) return;
      await client.query(`DROP DATABASE IF EXISTS "${SEEDING}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${SEEDING}" TEMPLATE "${TEMPLATE_DATABASE}"`);
      await runSeedProcess(testServerUrl(SEEDING));
      // Renamed only when complete: a half-seeded template is never copied.
      await client.query(`ALTER DATABASE "${SEEDING}" RENAME TO "${SEEDED_TEMPLATE}"`);
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('ecf_test_seeded_template'))");
    }
  });
}

/**
 * Replaces this test file's database (test/setup-db.ts) with a copy of the small demo seed, as `npm start`
 * would have seeded it. Call in a beforeAll before anything else uses the database.
 */
export async function useSeededDatabase(): Promise<void> {
  await ensureSeededTemplate();
  const name = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  await disconnectDb();
  await withAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${SEEDED_TEMPLATE}"`);
  });
}
