// A bulk load into empty tables, the way PostgreSQL's documentation advises ("Populating a Database"):
// drop foreign keys and plain indexes, load, then put them back. Re-adding a foreign key checks every
// row in one join instead of one lookup per inserted row (which was over half the database's work for
// declarations), and an index built once is cheaper than one grown row by row. Inside the caller's
// transaction, so a failed load leaves the schema as it was.
import type pg from 'pg';

interface Definition {
  table: string;
  name: string;
  definition: string;
}

export async function withChecksAtTheEnd(client: pg.ClientBase, load: () => Promise<void>): Promise<void> {
  const { rows: foreignKeys } = await client.query<Definition>(`
    SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
    FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace`);
  const { rows: indexes } = await client.query<Definition>(`
    SELECT tablename AS table, indexname AS name, indexdef AS definition
    FROM pg_indexes i
    WHERE schemaname = current_schema() AND indexdef NOT LIKE 'CREATE UNIQUE %'
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = current_schema()::regnamespace)`);

  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  await load();
  for (const index of indexes) await client.query(index.definition);
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.definition}`);
}
