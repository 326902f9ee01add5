// A managed PostgreSQL's restart or failover ends every idle connection. The app must go on: the pools
// replace what they lost, a dedicated connection reports it, and nothing ends the process (an unheard
// 'error' event from pg would, as it once did when a test dropped its database mid-close).
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import { db, disconnectDb } from '../../src/db/client.js';
import { openConnection, openPool } from '../../src/db/connection.js';
import { queryPrepared } from '../../src/db/prepared-statements.js';
import { logger } from '../../src/logging/logger.js';
import { Prisma } from '@prisma/client';

/** Ends every other session on this test's database, as a server restart would, and waits until they are gone. */
async function endOtherSessions(): Promise<number> {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ ended: boolean }>(
      'SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    for (let i = 0; i < 200; i++) {
      const { rows: [left] } = await admin.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      if (left.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return rows.length;
  } finally {
    await admin.end();
  }
}

afterAll(async () => {
  await disconnectDb();
});

describe('idle connections ended by the server', () => {
  it("the app's pools answer the next query on a new connection", async () => {
    const pool = openPool(2);
    expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    expect(await db().$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    expect(await queryPrepared<{ one: number }>(Prisma.sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);

    const warned = jest.spyOn(logger, 'warn');
    expect(await endOtherSessions()).toBeGreaterThanOrEqual(3);
    // Each pool says so in the log (Prisma's adapter would otherwise only note it in its debug output).
    const said = (message: string) => warned.mock.calls.some((call) => call[1] === message);
    for (let i = 0; i < 200 && !said("A connection of Prisma's pool to PostgreSQL was closed by the server"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(said("A connection of Prisma's pool to PostgreSQL was closed by the server")).toBe(true);
    expect(said('A pooled connection to PostgreSQL was closed by the server')).toBe(true);
    warned.mockRestore();

    expect((await pool.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
    expect(await queryPrepared<{ two: number }>(Prisma.sql`SELECT 2 AS two`)).toEqual([{ two: 2 }]);
    expect(await db().$queryRaw<{ two: number }[]>`SELECT 2 AS two`).toEqual([{ two: 2 }]);
    await pool.end();
  });

  it('a dedicated connection lost while idle fails its next query instead of ending the process', async () => {
    const client = await openConnection();
    const ended = new Promise((resolve) => client.once('end', resolve));
    await endOtherSessions();
    await ended;
    await expect(client.query('SELECT 1')).rejects.toThrow();
    await client.end().catch(() => {});
  });
});
