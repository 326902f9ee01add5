// Writes every row an import makes in ONE statement, whatever their number: each table's rows travel as
// one JSON value that PostgreSQL reads with the table's own column types (json_populate_recordset), and
// each table is written by its own part of a WITH. Prisma's createMany sends one bind value per cell and
// took three seconds for the calendar's thousand statements on a busy two-core machine. Foreign keys are
// checked at the end of the statement, so the order of the parts does not matter.
import type { Prisma } from '@prisma/client';
import type { Tx } from '../../../db/client.js';

/** A row as stored: SQL column names, `@db.Date` values as YYYY-MM-DD, enum values as stored (e.g. 'retained-1'). */
export type StoredRow = Record<string, string | number | boolean | null | Prisma.Decimal | Date | object>;

export interface TableWrite {
  table: string;
  /** Insert new rows (a column left out gets its default), or update existing ones by id (the columns given are set). */
  operation: 'insert' | 'update';
  /** Every row has the same keys. */
  rows: StoredRow[];
  /** Timestamp columns set to the time of the write (kept out of the JSON: a large share of it otherwise). */
  stamped: string[];
}

export async function writeRows(tx: Tx, writes: TableWrite[], now: Date): Promise<void> {
  const given = writes.filter((write) => write.rows.length > 0);
  if (given.length === 0) return;
  const parts = given.map(({ table, operation, rows, stamped }, index) => {
    const source = `json_populate_recordset(NULL::"${table}", $${index + 2}::json) AS r`;
    const columns = Object.keys(rows[0]).map((column) => `"${column}"`);
    const stamps = stamped.map((column) => `"${column}"`);
    const sql =
      operation === 'insert'
        ? `INSERT INTO "${table}" (${[...columns, ...stamps].join(', ')}) SELECT ${[...columns.map((column) => `r.${column}`), ...stamps.map(() => '$1')].join(', ')} FROM ${source}`
        : `UPDATE "${table}" AS t SET ${[...columns.filter((column) => column !== '"id"').map((column) => `${column} = r.${column}`), ...stamps.map((column) => `${column} = $1`)].join(', ')} FROM ${source} WHERE t.id = r.id`;
    return `write_${index} AS (${sql})`;
  });
  // Table and column names are this module's callers' own constants; the values are all parameters.
  await tx.$executeRawUnsafe(`WITH ${parts.join(',\n')} SELECT 1`, now, ...given.map((write) => JSON.stringify(write.rows)));
}

/** A calendar date as a `@db.Date` column stores it. */
export const dateOnly = (date: Date | null): string | null => (date ? date.toISOString().slice(0, 10) : null);
