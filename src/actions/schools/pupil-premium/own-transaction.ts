// The import's one transaction runs on a connection of its own rather than in db().$transaction: staging the
// file with COPY needs the connection itself, which Prisma's transaction client does not give out.
import type pg from 'pg';
import { openConnection } from '../../../db/connection.js';

/** Runs `work` in one transaction, committed only when `commit` is true (a preview rolls back). */
export async function inOwnTransaction<T>(commit: boolean, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await openConnection();
  try {
    await client.query('BEGIN');
    const value = await work(client);
    await client.query(commit ? 'COMMIT' : 'ROLLBACK');
    return value;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
