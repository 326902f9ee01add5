// The one transaction an import runs in, committed only when it is applied (a preview rolls back, so it
// may stage and even rehearse its writes). Two kinds: Prisma's interactive transaction, and a connection of
// the import's own for an import that stages with COPY, which needs the connection itself (Prisma's
// transaction client does not give it out).
import type pg from 'pg';
import { db, type Tx } from '../../db/client.js';
import { openConnection } from '../../db/connection.js';
import type { AuditWriter } from '../audit/record-audit.js';
import { RollBack } from '../roll-back.js';

export interface ImportTransaction<W extends AuditWriter> {
  /** Runs `work` in one transaction, committed only when `commit` is true. */
  run<T>(commit: boolean, work: (writer: W) => Promise<T>): Promise<T>;
}

/** Prisma's transaction; a large file may take longer than Prisma's default 5 seconds on a busy server. */
export function prismaTransaction({ maxWait = 30_000, timeout = 300_000 } = {}): ImportTransaction<Tx> {
  return {
    async run(commit, work) {
      try {
        return await db().$transaction(async (tx) => {
          const value = await work(tx);
          if (!commit) throw new RollBack(value);
          return value;
        }, { maxWait, timeout });
      } catch (error) {
        if (error instanceof RollBack) return error.result as Awaited<ReturnType<typeof work>>;
        throw error;
      }
    },
  };
}

/** A connection of the import's own (COPY needs it), closed when the transaction ends. */
export function ownConnectionTransaction(): ImportTransaction<pg.Client> {
  return {
    async run(commit, work) {
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
    },
  };
}
