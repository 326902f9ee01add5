// Housekeeping: magic links expired or used over a day ago go, failed sign-ins over a day old go, and so do
// exports past their keeping days (their large objects with them); everything recent stays.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { runJob } from '../../src/actions/jobs/run-job.js';
import { db } from '../../src/db/client.js';
import { exportsKeepDays, housekeepingJob } from '../../src/jobs/housekeeping-job.js';
import { exportStore } from '../../src/reports/exports/export-store.js';
import { putExport, strayLargeObjects } from '../support/exports.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
beforeAll(() => {
  process.env.EXPORTS_KEEP_DAYS = '7';
});
afterAll(() => {
  delete process.env.EXPORTS_KEEP_DAYS;
});

async function exportAged(name: string, ageMs: number): Promise<void> {
  await putExport(name, 'x');
  await db().exportFile.update({ where: { name }, data: { modifiedAt: new Date(Date.now() - ageMs) } });
}

describe('housekeeping job', () => {
  it('deletes magic links expired or used over a day ago, failed sign-ins over a day old, and old exports', async () => {
    const user = await db().portalUser.create({ data: { email: `hk-${randomUUID()}@example.com`, fullName: 'Portal User' } });
    const link = (tag: string, expiresAt: Date, usedAt: Date | null = null) =>
      db().magicLinkToken.create({ data: { portalUserId: user.id, tokenHash: `${tag}-${randomUUID()}`, expiresAt, usedAt } });
    const now = Date.now();
    const expiredLongAgo = await link('expired-2d', new Date(now - 2 * DAY));
    const usedLongAgo = await link('used-2d', new Date(now + DAY), new Date(now - 2 * DAY));
    const expiredRecently = await link('expired-1h', new Date(now - HOUR));
    const usedRecently = await link('used-1h', new Date(now + HOUR), new Date(now - HOUR));
    const unused = await link('valid', new Date(now + HOUR));

    const account = `hk-${randomUUID()}@example.com`;
    const failure = (ageMs: number) => db().signInFailure.create({ data: { account, ip: '203.0.113.7', createdAt: new Date(now - ageMs) } });
    await failure(2 * DAY);
    await failure(25 * HOUR);
    const recentFailure = await failure(HOUR);

    await exportAged('ECF-Declarations-Old-Cohort2022.csv', 8 * DAY);
    await exportAged('ECF-Declarations-Recent-Cohort2023.csv', 6 * DAY);

    const { run } = await runJob(housekeepingJob);
    expect(run).toMatchObject({ state: 'succeeded', output: { magicLinksDeleted: 2, signInFailuresDeleted: 2, exportsDeleted: ['ECF-Declarations-Old-Cohort2022.csv'], exportsKeptDays: 7 } });
    const left = (await db().magicLinkToken.findMany({ where: { portalUserId: user.id } })).map((t) => t.id).sort();
    expect(left).toEqual([expiredRecently.id, usedRecently.id, unused.id].sort());
    expect(left).not.toContain(expiredLongAgo.id);
    expect(left).not.toContain(usedLongAgo.id);
    expect((await exportStore().list()).map((f) => f.name)).toEqual(['ECF-Declarations-Recent-Cohort2023.csv']);
    expect(await strayLargeObjects()).toBe(0);
    expect((await db().signInFailure.findMany({ where: { account } })).map((f) => f.id)).toEqual([recentFailure.id]);
    expect(housekeepingJob.summarise(run.output as Record<string, unknown>)).toBe('2 magic link(s), 2 old failed sign-in(s) and 1 old export(s) deleted');
  });

  it('refuses a keeping period that is not a whole number of days', () => {
    expect(exportsKeepDays({ EXPORTS_KEEP_DAYS: '14' })).toBe(14);
    expect(exportsKeepDays({})).toBe(30);
    expect(() => exportsKeepDays({ EXPORTS_KEEP_DAYS: 'a week' })).toThrow('EXPORTS_KEEP_DAYS must be a whole number of days');
  });
});
