// Inserts many rows, on a plain pg connection, as JSON that PostgreSQL parses and casts in C:
// INSERT ... SELECT FROM json_populate_recordset. Prisma's createMany sends one bind value per cell
// and took 9 s for 20,000 schools on this machine; one JSON.stringify per batch is far cheaper. Batches
// are pipelined: Node prepares the next while PostgreSQL writes the last (two cores, two workers).
import type pg from 'pg';

const BATCH_SIZE = 20_000;
/** Batches sent but not yet written: enough to keep both sides busy without holding every batch in memory. */
const IN_FLIGHT = 2;

/** Enums whose Prisma names are stored with dashes (DeclarationType retained_1 is 'retained-1'). */
const DASHED_ENUMS = new Set(['"DeclarationType"', '"CourseIdentifier"']);

interface Column {
  type: string;
  /** For NOT NULL columns with a default: what a missing value becomes. */
  fallback: string | null;
}

async function schemaColumns(client: pg.ClientBase): Promise<Map<string, Map<string, Column>>> {
  const { rows } = await client.query<{ table: string; name: string; type: string; fallback: string | null }>(`
    SELECT c.relname::text AS table, a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
           CASE WHEN a.attnotnull THEN pg_get_expr(d.adbin, d.adrelid) END AS fallback
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid AND c.relkind = 'r'
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE c.relnamespace = current_schema()::regnamespace AND a.attnum > 0 AND NOT a.attisdropped`);
  const tables = new Map<string, Map<string, Column>>();
  for (const { table, name, type, fallback } of rows) {
    const columns = tables.get(table) ?? new Map<string, Column>();
    columns.set(name, { type, fallback });
    tables.set(table, columns);
  }
  return tables;
}

/** The statement for one table and a function shaping a row for it (dashed enums, `updatedAt`). */
function prepare(table: string, columns: Map<string, Column> | undefined, rows: Record<string, unknown>[]) {
  if (!columns) throw new Error(`No table "${table}"`);
  const keys = new Set<string>();
  for (const row of rows) for (const key in row) keys.add(key);
  for (const key of keys) if (!columns.has(key)) throw new Error(`Table "${table}" has no column "${key}"`);
  const dashed = [...keys].filter((key) => DASHED_ENUMS.has(columns.get(key)!.type));
  const hasUpdatedAt = columns.has('updatedAt');
  if (hasUpdatedAt) keys.add('updatedAt');

  const names = [...keys];
  const selected = names.map((name) => {
    const fallback = columns.get(name)!.fallback;
    return fallback ? `COALESCE(r."${name}", ${fallback})` : `r."${name}"`;
  });
  const sql = `INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(', ')})
    SELECT ${selected.join(', ')} FROM json_populate_recordset(NULL::"${table}", $1::json) AS r`;
  const now = new Date();
  const shape = (row: Record<string, unknown>) => {
    if (!hasUpdatedAt && dashed.length === 0) return row;
    const copy: Record<string, unknown> = { ...row };
    if (hasUpdatedAt) copy.updatedAt = row.updatedAt ?? row.createdAt ?? now;
    for (const key of dashed) if (typeof copy[key] === 'string') copy[key] = (copy[key] as string).replace(/_/g, '-');
    return copy;
  };
  return { sql, shape };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Writes each [table, rows] in order (SQL table names). A key missing from a row is NULL, or the column's
 * default when it has one and is NOT NULL; `updatedAt` defaults to `createdAt`. Returns rows written by table.
 */
export async function insertTables(
  client: pg.ClientBase,
  tables: readonly (readonly [string, readonly object[]])[],
  onWritten: (table: string, rows: number) => void = () => {},
): Promise<Record<string, number>> {
  const schema = await schemaColumns(client);
  const counts: Record<string, number> = {};
  const inFlight: Promise<void>[] = [];
  let failure: { error: unknown } | undefined;
  const settle = async (batch: Promise<void> | undefined) => {
    await batch;
    if (failure) throw failure.error; // the first error; the batches after it fail only because the transaction has
  };
  for (const [table, typedRows] of tables) {
    const rows = typedRows as Record<string, unknown>[];
    counts[table] = rows.length;
    if (rows.length === 0) continue;
    const { sql, shape } = prepare(table, schema.get(table), rows);
    for (let start = 0; start < rows.length; start += BATCH_SIZE) {
      const json = JSON.stringify(rows.slice(start, start + BATCH_SIZE).map(shape));
      const last = start + BATCH_SIZE >= rows.length;
      inFlight.push(
        client.query(sql, [json]).then(
          () => { if (last) onWritten(table, rows.length); },
          (error: unknown) => { failure ??= { error }; },
        ),
      );
      if (inFlight.length >= IN_FLIGHT) await settle(inFlight.shift());
      await nextTurn(); // lets the socket send the batch before the next is prepared
    }
  }
  while (inFlight.length > 0) await settle(inFlight.shift());
  return counts;
}
