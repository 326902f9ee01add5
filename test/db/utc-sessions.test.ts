// Timestamps are stored as UTC whatever the server's default time zone: every way the app connects
// (Prisma's pool, the prepared-statement pool, a dedicated connection as COPY and job locks use) runs its
// session in UTC. The test database's default is set to Pacific/Auckland (UTC+13 in December), so a
// session left in the default zone writes `now()` hours in the future.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Prisma } from '@prisma/client';
import pg from 'pg';
import { importGias } from '../../src/actions/schools/import-gias.js';
import { db, disconnectDb } from '../../src/db/client.js';
import { openConnection } from '../../src/db/connection.js';
import { queryPrepared } from '../../src/db/prepared-statements.js';
import { userContext } from '../support/factories.js';

const MINUTE = 60_000;
const closeToNow = (at: Date) => expect(Math.abs(at.getTime() - Date.now())).toBeLessThan(MINUTE);

beforeAll(async () => {
  const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  await disconnectDb();
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`ALTER DATABASE "${database}" SET timezone = 'Pacific/Auckland'`);
  await admin.end();
});

afterAll(async () => {
  await disconnectDb();
});

describe('sessions in UTC on a server whose default time zone is not UTC', () => {
  it('the database default really is Pacific/Auckland for a connection that does not ask for UTC', async () => {
    const plain = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await plain.connect();
    const { rows } = await plain.query<{ tz: string }>(`SELECT current_setting('TimeZone') AS tz`);
    await plain.end();
    expect(rows[0].tz).toBe('Pacific/Auckland');
  });

  it("a GIAS import through Prisma's pool stamps schools and their audit with the current UTC time", async () => {
    await db().school.deleteMany({ where: { urn: { startsWith: '1000' } } });
    await db().school.create({
      data: { urn: '100002', name: 'Camden Secondary School', schoolTypeCode: 1, postcode: 'NW1 1TX', administrativeDistrictCode: 'E09000007', section41Approved: false, schoolStatusCode: 1, updatedAt: new Date('2020-01-01T00:00:00Z') },
    });
    const content = readFileSync('test/fixtures/gias/edubasealldata-sample.csv');

    const result = await importGias(userContext('support'), { fileName: 'edubasealldata-sample.csv', content, mode: 'apply' });

    expect(result.applied).toBe(true);
    const added = await db().school.findUniqueOrThrow({ where: { urn: '100004' } });
    closeToNow(added.createdAt);
    closeToNow(added.updatedAt);
    closeToNow((await db().school.findUniqueOrThrow({ where: { urn: '100002' } })).updatedAt);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'gias.imported' } });
    closeToNow(audit.createdAt);
    const [session] = await db().$queryRaw<{ tz: string }[]>`SELECT current_setting('TimeZone') AS tz`;
    expect(session.tz).toBe('UTC');
  });

  it('the prepared-statement pool reads the clock in UTC', async () => {
    const [row] = await queryPrepared<{ tz: string; at: Date }>(Prisma.sql`SELECT current_setting('TimeZone') AS tz, now()::timestamp AS at`);
    expect(row.tz).toBe('UTC');
    closeToNow(row.at);
  });

  it('a dedicated connection (COPY, job locks) writes column defaults in UTC', async () => {
    const client = await openConnection();
    try {
      await client.query(`INSERT INTO audit_events (id, "actorType", "actorLabel", action, "subjectType", "subjectId")
                          VALUES (gen_random_uuid(), 'system', 'test', 'utc.checked', 'Test', 'dedicated')`);
    } finally {
      await client.end();
    }
    closeToNow((await db().auditEvent.findFirstOrThrow({ where: { action: 'utc.checked' } })).createdAt);
  });
});
