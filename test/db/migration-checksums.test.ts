// An applied migration whose file has since been edited stops the app at start-up, naming the migration
// and saying what to do, before anything else is applied.
import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import pg from 'pg';
import { applyMigrations, checksumOf, MIGRATIONS_DIR } from '../../src/db/migrate.js';
import { MigrationChangedError } from '../../src/db/migration-changed-error.js';
import { startApp } from '../support/app-process.js';

const lastMigration = readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort().at(-1)!;

async function recordChecksum(name: string, checksum: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query('UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2', [checksum, name]);
  } finally {
    await client.end();
  }
}

describe('migration checksums', () => {
  it('lets a database whose applied migrations match their files start, with nothing to apply', async () => {
    await expect(applyMigrations(process.env.DATABASE_URL!)).resolves.toEqual([]);
  });

  it('reads a Windows checkout (CRLF line ends) as the same file', () => {
    expect(checksumOf('CREATE TABLE a ();\r\nCREATE TABLE b ();\r\n')).toBe(checksumOf('CREATE TABLE a ();\nCREATE TABLE b ();\n'));
  });

  it('refuses to start on a migration edited after it was applied, naming it and saying what to do', async () => {
    await recordChecksum(lastMigration, checksumOf('-- the SQL as it was when this database applied it\n'));

    const refusal = await applyMigrations(process.env.DATABASE_URL!).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(MigrationChangedError);
    expect((refusal as Error).message).toContain(`Migration ${lastMigration} changed after being applied to this database`);
    expect((refusal as Error).message).toContain('npm run migrate:new');

    // The app itself stops with the plain message, not a stack.
    const started = await startApp(process.env.DATABASE_URL!).then(
      async (app) => { await app.stop(); return 'started'; },
      (error: Error) => error.message,
    );
    expect(started).toContain(`Cannot start: Migration ${lastMigration} changed after being applied to this database`);
    expect(started).not.toMatch(/\n\s+at /);
  }, 120_000);
});
