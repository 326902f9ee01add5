// Reads a query's rows batch by batch through a server-side cursor, on a connection of its own (a slow
// download never holds one of Prisma's) and in one read-only snapshot, so a file made while others write
// is still one consistent picture. Rows come as arrays, in the query's column order.
import type { Prisma } from '@prisma/client';
import { openDedicatedConnection } from './dedicated-connection.js';

export async function* cursorBatches(query: Prisma.Sql, batchSize = 2000): AsyncGenerator<unknown[][]> {
  const client = await openDedicatedConnection();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Every row is read, so plan for all of them rather than the first few.
    await client.query('SET LOCAL cursor_tuple_fraction = 1');
    await client.query(`DECLARE batches NO SCROLL CURSOR FOR ${query.text}`, query.values);
    for (;;) {
      const batch = await client.query<unknown[]>({ text: `FETCH FORWARD ${batchSize} FROM batches`, rowMode: 'array' });
      if (batch.rows.length === 0) break;
      yield batch.rows;
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}
