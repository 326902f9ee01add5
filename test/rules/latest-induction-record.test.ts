// "The latest induction record" (src/rules/latest-induction-record.ts) and "an unchallenged partnership"
// (src/rules/unchallenged-partnership.ts): SQL and code agree, and ties come out the same way every time.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Prisma } from '@prisma/client';
import { db } from '../../src/db/client.js';
import { latestInductionRecordFirst, latestInductionRecordFor, latestInductionRecordOrder } from '../../src/rules/latest-induction-record.js';
import { CHALLENGED_PARTNERSHIP, isUnchallenged, UNCHALLENGED_PARTNERSHIP, unchallengedPartnershipSql } from '../../src/rules/unchallenged-partnership.js';
import { createParticipant, createParticipantWorld } from '../support/factories.js';

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('the latest induction record', () => {
  it('puts the open-ended record first, then the newest start, and breaks a full tie by id, in SQL and in code alike', async () => {
    const world = await createParticipantWorld(2024);
    const { profile, inductionRecord: first } = await createParticipant(world, { startDate: at('2024-09-01') });
    await db().inductionRecord.update({ where: { id: first.id }, data: { endDate: at('2025-01-01'), inductionStatus: 'changed' } });
    const createdAt = at('2025-01-01');
    const base = { participantProfileId: profile.id, inductionProgrammeId: world.programme.id, scheduleId: world.schedule.id, createdAt };
    // Two open records alike in every ordered column but the id.
    await db().inductionRecord.create({ data: { ...base, startDate: at('2025-01-01') } });
    await db().inductionRecord.create({ data: { ...base, startDate: at('2025-01-01') } });

    const records = await db().inductionRecord.findMany({ where: { participantProfileId: profile.id } });
    const inCode = [...records].sort(latestInductionRecordFirst).map((r) => r.id);
    const inSql = (await db().$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT r.id FROM induction_records r WHERE r."participantProfileId" = ${profile.id}::uuid ORDER BY ${latestInductionRecordOrder('r')}`)).map((r) => r.id);
    expect(inSql).toEqual(inCode);
    expect(inSql[2]).toBe(first.id);
    expect(inSql[0] > inSql[1]).toBe(true);

    const latest = await db().$transaction((tx) => latestInductionRecordFor(tx, profile.id, { leadProviderId: world.leadProvider.id }));
    expect(latest?.id).toBe(inSql[0]);
  });

  it('leaves out records through a challenged partnership when asked', async () => {
    const world = await createParticipantWorld(2024);
    const { profile } = await createParticipant(world);
    await db().partnership.update({ where: { id: world.partnership.id }, data: { challengedAt: new Date(), challengeReason: 'mistake' } });

    expect(await db().$transaction((tx) => latestInductionRecordFor(tx, profile.id, { leadProviderId: world.leadProvider.id, unchallengedOnly: true }))).toBeNull();
    expect(await db().$transaction((tx) => latestInductionRecordFor(tx, profile.id, { leadProviderId: world.leadProvider.id }))).not.toBeNull();
  });
});

describe('an unchallenged partnership', () => {
  it('is the same partnerships through Prisma, SQL and code', async () => {
    const world = await createParticipantWorld(2024);
    const other = await createParticipantWorld(2024);
    await db().partnership.update({ where: { id: other.partnership.id }, data: { challengedAt: new Date(), challengeReason: 'mistake' } });
    const ids = [world.partnership.id, other.partnership.id];

    const viaPrisma = (await db().partnership.findMany({ where: { id: { in: ids }, ...UNCHALLENGED_PARTNERSHIP } })).map((p) => p.id);
    const viaSql = (await db().$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT p.id FROM partnerships p WHERE p.id IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))}) AND ${unchallengedPartnershipSql('p')}`)).map((p) => p.id);
    const viaCode = (await db().partnership.findMany({ where: { id: { in: ids } } })).filter(isUnchallenged).map((p) => p.id);

    expect(viaPrisma).toEqual([world.partnership.id]);
    expect(viaSql).toEqual([world.partnership.id]);
    expect(viaCode).toEqual([world.partnership.id]);
    const viaChallenged = (await db().partnership.findMany({ where: { id: { in: ids }, ...CHALLENGED_PARTNERSHIP } })).map((p) => p.id);
    expect(viaChallenged).toEqual([other.partnership.id]);
  });
});

describe('the shared rules', () => {
  // A condition or ordering written by hand drifts from the rule (one checked challengedAt only, one ordered by
  // createdAt): outside src/rules and prisma/read-models.sql, code uses the rule's function or fragment.
  const HAND_WRITTEN = [
    /"challenged(At|Reason)"\s+IS\s+(NOT\s+)?NULL/i,
    /challenged(At|Reason)\s*[!=]==?\s*null/,
    /challenged(At|Reason):\s*\{\s*not:\s*null/,
    /\.challenged(At|Reason)\s*(\|\|(?!\s*null)|&&|\?(?!\.))/,
    /"startDate"\s+DESC/i,
    /startDate:\s*'desc'/,
  ];
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return path === join('src', 'rules') ? [] : sources(path);
      return /\.tsx?$/.test(e.name) ? [path] : [];
    });

  it('are not spelt out by hand anywhere else', () => {
    const found = ['src', 'scripts', 'bench', 'seeds'].flatMap(sources).flatMap((file) =>
      readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (HAND_WRITTEN.some((re) => re.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [])));
    expect(found).toEqual([]);
  });
});
