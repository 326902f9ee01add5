// Applies prisma/migrations/*/migration.sql in order, each in its own transaction, and records them in
// Prisma's _prisma_migrations table so `prisma migrate status` agrees; then the read models' file
// (prisma/read-models.sql, src/db/read-models.ts) when it changed. Keeps the Prisma CLI (and its engine
// downloads) off the runtime path.
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openConnection } from './connection.js';
import { checksumOf, sha256 } from './checksum.js';
import { MigrationChangedError } from './migration-changed-error.js';
import { applyReadModels } from './read-models.js';

export { checksumOf };

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const MIGRATION_LOCK = 727_001;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** A file matches the checksum recorded when it was applied, whichever line ends it was applied with. */
const unchanged = (recorded: string, sql: string) => recorded === checksumOf(sql) || recorded === sha256(sql);

/** The migrations this build ships, in the order they apply. */
export async function migrationNames(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const client = await openConnection(databaseUrl);
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(CREATE_TABLE);
    const done = new Map(
      (await client.query<{ migration_name: string; checksum: string }>(
        'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      )).rows.map((r) => [r.migration_name, r.checksum]),
    );
    const names = await migrationNames();
    const files = new Map<string, string>();
    for (const name of names) files.set(name, await readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8'));
    // Checked before applying anything, so a changed migration stops the start with the database untouched.
    const changed = names.filter((name) => done.has(name) && !unchanged(done.get(name)!, files.get(name)!));
    if (changed.length) throw new MigrationChangedError(changed);
    for (const name of names) {
      if (done.has(name)) continue;
      const sql = files.get(name)!;
      const checksum = checksumOf(sql);
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${name} failed: ${(error as Error).message}`);
      }
      applied.push(name);
    }
    // After every migration, so the file may use any table or column they made.
    await applyReadModels(client);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
  return applied;
}
