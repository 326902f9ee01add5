import pg from 'pg';
import { ensureEmbeddedServer } from '../../src/db/embedded.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { TEMPLATE_DATABASE, TEST_PG_DIR, TEST_PG_PORT, testServerUrl } from './test-database.js';

export default async function globalSetup(): Promise<void> {
  process.env.EMBEDDED_PG_FSYNC = 'off';
  const server = await ensureEmbeddedServer({ dataDir: TEST_PG_DIR, port: TEST_PG_PORT });
  (globalThis as { __testPg?: typeof server }).__testPg = server;

  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  // Databases left behind by an interrupted run.
  const stale = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'ecf_test_%'");
  for (const { datname } of stale.rows) await admin.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  await admin.end();

  await applyMigrations(testServerUrl(TEMPLATE_DATABASE));
}
