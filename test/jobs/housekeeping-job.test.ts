// Housekeeping: magic links expired or used over a day ago go, exports past their keeping days go,
// and so do temporary files a killed export left behind; everything recent stays.
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { runJob } from '../../src/actions/jobs/run-job.js';
import { db } from '../../src/db/client.js';
import { exportsKeepDays, housekeepingJob } from '../../src/jobs/housekeeping-job.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'exports-'));
  process.env.EXPORTS_DIR = dir;
  process.env.EXPORTS_KEEP_DAYS = '7';
});
afterAll(async () => {
  delete process.env.EXPORTS_DIR;
  delete process.env.EXPORTS_KEEP_DAYS;
  await rm(dir, { recursive: true, force: true });
});

async function fileAged(name: string, ageMs: number): Promise<void> {
  const file = path.join(dir, name);
  await writeFile(file, 'x');
  const when = new Date(Date.now() - ageMs);
  await utimes(file, when, when);
}

describe('housekeeping job', () => {
  it('deletes magic links expired or used over a day ago, old exports and old temporary files', async () => {
    const user = await db().portalUser.create({ data: { email: `hk-${randomUUID()}@example.com`, fullName: 'Portal User' } });
    const link = (tag: string, expiresAt: Date, usedAt: Date | null = null) =>
      db().magicLinkToken.create({ data: { portalUserId: user.id, tokenHash: `${tag}-${randomUUID()}`, expiresAt, usedAt } });
    const now = Date.now();
    const expiredLongAgo = await link('expired-2d', new Date(now - 2 * DAY));
    const usedLongAgo = await link('used-2d', new Date(now + DAY), new Date(now - 2 * DAY));
    const expiredRecently = await link('expired-1h', new Date(now - HOUR));
    const usedRecently = await link('used-1h', new Date(now + HOUR), new Date(now - HOUR));
    const unused = await link('valid', new Date(now + HOUR));

    await fileAged('ECF-Declarations-Old-Cohort2022.csv', 8 * DAY);
    await fileAged('ECF-Declarations-Recent-Cohort2023.csv', 6 * DAY);
    await fileAged('.ECF-Declarations-Killed-Cohort2024.csv.0b1f.tmp', 2 * DAY);
    await fileAged('.ECF-Declarations-Writing-Cohort2024.csv.77aa.tmp', HOUR);
    await fileAged('notes.txt', 30 * DAY);

    const { run } = await runJob(housekeepingJob);
    expect(run).toMatchObject({ state: 'succeeded', output: { magicLinksDeleted: 2, exportsDeleted: ['ECF-Declarations-Old-Cohort2022.csv'], temporaryFilesDeleted: 1, exportsKeptDays: 7 } });
    const left = (await db().magicLinkToken.findMany({ where: { portalUserId: user.id } })).map((t) => t.id).sort();
    expect(left).toEqual([expiredRecently.id, usedRecently.id, unused.id].sort());
    expect(left).not.toContain(expiredLongAgo.id);
    expect(left).not.toContain(usedLongAgo.id);
    expect((await readdir(dir)).sort()).toEqual(['.ECF-Declarations-Writing-Cohort2024.csv.77aa.tmp', 'ECF-Declarations-Recent-Cohort2023.csv', 'notes.txt']);
    expect(housekeepingJob.summarise(run.output as Record<string, unknown>)).toBe('2 magic link(s), 1 old export(s) and 1 unfinished file(s) deleted');
  });

  it('refuses a keeping period that is not a whole number of days', () => {
    expect(exportsKeepDays({ EXPORTS_KEEP_DAYS: '14' })).toBe(14);
    expect(exportsKeepDays({})).toBe(30);
    expect(() => exportsKeepDays({ EXPORTS_KEEP_DAYS: 'a week' })).toThrow('EXPORTS_KEEP_DAYS must be a whole number of days');
  });
});
