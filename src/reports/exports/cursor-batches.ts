// Reads a query's rows batch by batch through a server-side cursor, on a connection of its own (a slow
// download never holds one of Prisma's) and in one read-only snapshot, so a file made while others write
// is still one consistent picture.
import type { Prisma } from '@prisma/client';
import { openConnection } from '../../db/connection.js';

async function* batchesOf<T>(query: Prisma.Sql, batchSize: number, rowMode?: 'array'): AsyncGenerator<T[]> {
  const client = await openConnection();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Every row is read, so plan for all of them rather than the first few.
    await client.query('SET LOCAL cursor_tuple_fraction = 1');
    await client.query(`DECLARE batches NO SCROLL CURSOR FOR ${query.text}`, query.values);
    for (;;) {
      const batch = await client.query<T & object>({ text: `FETCH FORWARD ${batchSize} FROM batches`, ...(rowMode ? { rowMode } : {}) });
      if (batch.rows.length === 0) break;
      yield batch.rows;
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

/** Rows as arrays, in the query's column order. */
export const cursorBatches = (query: Prisma.Sql, batchSize = 2000) => batchesOf<unknown[]>(query, batchSize, 'array');

/** Rows as objects keyed by column name. */
export const cursorRecordBatches = <T>(query: Prisma.Sql, batchSize = 2000) => batchesOf<T>(query, batchSize);
