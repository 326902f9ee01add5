import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { importPupilPremium } from '../../../src/actions/schools/import-pupil-premium.js';
import { unknownUrnsCsv } from '../../../src/actions/schools/pupil-premium/unknown-urns-csv.js';
import { createCohort, createSchool, userContext } from '../../support/factories.js';

const policy = userContext('policy');
const REAL_FILE = 'pupil_premium_and_sparsity_2024.csv';
const realFile = readFileSync(new URL(`../../../seeds/data/${REAL_FILE}`, import.meta.url));
// A guard against row-by-row writing (which takes minutes), loose enough for a busy test machine;
// bench/pupil-premium-import.ts measures the real figures.
const TIME_LIMIT_MS = 10_000;
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/pupil-premium/${name}`, import.meta.url));

// The real file goes into 2024; the small fixtures into 2025, so the two never see each other's flags.
const preview = (fileName: string, content: Buffer | string, startYear = 2025) =>
  importPupilPremium(policy, { startYear, fileName, content, mode: 'preview' });
const apply = (fileName: string, content: Buffer | string, startYear = 2025) =>
  importPupilPremium(policy, { startYear, fileName, content, mode: 'apply' });

async function stored(urn: string, startYear = 2025) {
  const row = await db().pupilPremium.findFirst({ where: { startYear, school: { urn } } });
  return row && { pupilPremium: row.pupilPremiumIncentive, sparsity: row.sparsityIncentive };
}

async function snapshot() {
  return { pupilPremiums: await db().pupilPremium.count(), auditEvents: await db().auditEvent.count() };
}

async function schoolsWithUrns(urns: string[]) {
  await db().school.createMany({ data: urns.map((urn) => ({ urn, name: `School ${urn}` })), skipDuplicates: true });
}

function withoutApplied<T extends { applied: boolean }>(result: T): Omit<T, 'applied'> {
  const { applied: _applied, ...rest } = result;
  return rest;
}

/** An independent reading of the real file: the last row of each URN, and every line it is on. */
function realFileByUrn() {
  const byUrn = new Map<string, { pupilPremium: boolean; sparsity: boolean; lines: number[] }>();
  realFile.toString('utf8').split(/\r?\n/).forEach((text, index) => {
    if (index === 0 || text === '') return;
    const [urn, pupilPremium, sparsity] = text.split(',');
    const lines = [...(byUrn.get(urn)?.lines ?? []), index + 1];
    byUrn.set(urn, { pupilPremium: pupilPremium === '1', sparsity: sparsity === '1', lines });
  });
  return byUrn;
}

beforeAll(async () => {
  await createCohort(2024);
  await createCohort(2025);
});

describe('importing the real 2024 file', () => {
  const byUrn = realFileByUrn();
  // Published with two different rows each; left unknown here so the file can apply (see the repeats test).
  const conflicting = ['103895', '118159', '146558'];
  const candidates = [...byUrn.keys()].filter((urn) => !conflicting.includes(urn));
  const sampled = ['100005', '100006', '100978', '150937', '150975'];
  const known = [...new Set([...sampled, ...candidates.filter((_, index) => index % 11 === 0)])].slice(0, 2000);
  const alreadyRight = known.slice(100, 200);
  const alreadyWrong = known.slice(200, 300);

  let previewed: Awaited<ReturnType<typeof importPupilPremium>>;
  beforeAll(async () => {
    await schoolsWithUrns(known);
    const schools = await db().school.findMany({ where: { urn: { in: [...alreadyRight, ...alreadyWrong] } } });
    await db().pupilPremium.createMany({
      data: schools.map((school) => {
        const flags = byUrn.get(school.urn)!;
        const wrong = alreadyWrong.includes(school.urn);
        return {
          schoolId: school.id,
          startYear: 2024,
          pupilPremiumIncentive: wrong ? !flags.pupilPremium : flags.pupilPremium,
          sparsityIncentive: flags.sparsity,
        };
      }),
    });
    const other = await db().school.findUniqueOrThrow({ where: { urn: '100005' } });
    await db().pupilPremium.create({ data: { schoolId: other.id, startYear: 2023, pupilPremiumIncentive: true, sparsityIncentive: true } });
  });

  it('previews the counts, unknown URNs and repeats without writing anything', async () => {
    const before = await snapshot();
    const started = Date.now();
    previewed = await preview(REAL_FILE, realFile, 2024);
    const took = Date.now() - started;

    expect(previewed).toMatchObject({ applied: false, rows: 22452, created: 1800, updated: 100, unchanged: 100, errors: [] });
    const created = known.filter((urn) => !alreadyRight.includes(urn) && !alreadyWrong.includes(urn)).map((urn) => byUrn.get(urn)!);
    const corrected = alreadyWrong.map((urn) => byUrn.get(urn)!);
    expect(previewed.flags).toEqual({
      pupilPremium: {
        set: [...created, ...corrected].filter((flags) => flags.pupilPremium).length,
        unset: corrected.filter((flags) => !flags.pupilPremium).length,
      },
      sparsity: { set: created.filter((flags) => flags.sparsity).length, unset: 0 },
    });
    expect(previewed.unknownUrns).toHaveLength(byUrn.size - 2000);
    expect(previewed.unknownUrns).toContainEqual({ urn: '103895', lines: [1683, 1684] });
    expect(previewed.unknownUrns).toContainEqual({ urn: candidates[3], lines: byUrn.get(candidates[3])!.lines });
    expect(previewed.warnings).toHaveLength(16);
    expect(previewed.warnings).toContainEqual({
      file: REAL_FILE,
      line: 516,
      column: 'URN',
      message: 'URN 100978 is on lines 515 and 516 with the same values, so it is imported once',
    });
    expect(previewed.warnings).toContainEqual(expect.objectContaining({
      line: 1684,
      message: 'URN 103895 is on lines 1683 and 1684 with different values (Pupil Premium Incentive 1 and 0), but it is not one of our schools so nothing is imported for it',
    }));
    expect(await snapshot()).toEqual(before);
    expect(took).toBeLessThan(TIME_LIMIT_MS);
  });

  it('applies every known URN, once, in a few seconds', async () => {
    const started = Date.now();
    const result = await apply(REAL_FILE, realFile, 2024);
    const took = Date.now() - started;

    expect(result.applied).toBe(true);
    expect(withoutApplied(result)).toEqual(withoutApplied(previewed));
    expect(took).toBeLessThan(TIME_LIMIT_MS);
    expect(await db().pupilPremium.count({ where: { startYear: 2024 } })).toBe(2000);
    for (const urn of [...sampled, alreadyWrong[0], alreadyRight[0]]) {
      const { pupilPremium, sparsity } = byUrn.get(urn)!;
      expect({ urn, flags: await stored(urn, 2024) }).toEqual({ urn, flags: { pupilPremium, sparsity } });
    }
    expect(await stored('100005', 2024)).toEqual({ pupilPremium: false, sparsity: true });
    expect(await stored('100006', 2024)).toEqual({ pupilPremium: true, sparsity: true });
    expect(await stored('100005', 2023)).toEqual({ pupilPremium: true, sparsity: true });
    expect(await db().school.count({ where: { urn: { in: conflicting } } })).toBe(0);
  });

  it('records the import with its counts, and the before and after flags of every changed school', async () => {
    const cohort = await db().cohort.findUniqueOrThrow({ where: { startYear: 2024 } });
    const summary = await db().auditEvent.findMany({ where: { action: 'pupil_premium.imported' } });
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({
      actorLabel: 'policy@example.com',
      subjectType: 'Cohort',
      subjectId: cohort.id,
      reason: `Pupil premium and sparsity import for 2024 from ${REAL_FILE}`,
      after: expect.objectContaining({ file: REAL_FILE, startYear: 2024, rows: 22452, created: 1800, updated: 100, unchanged: 100, unknownUrns: byUrn.size - 2000 }),
    });

    const [changes] = await db().auditEvent.findMany({ where: { action: 'pupil_premium.flags_changed', subjectId: cohort.id } });
    const before = changes.before as { schools: Record<string, string> };
    const after = changes.after as { format: string; schools: Record<string, string> };
    expect(after.format).toBe('URN: Pupil Premium Incentive,Sparsity Incentive');
    expect(Object.keys(before.schools)).toHaveLength(100);
    expect(Object.keys(after.schools)).toHaveLength(1900);
    const cell = (flag: boolean) => (flag ? '1' : '0');
    const wrong = byUrn.get(alreadyWrong[0])!;
    expect(before.schools[alreadyWrong[0]]).toBe(`${cell(!wrong.pupilPremium)},${cell(wrong.sparsity)}`);
    expect(after.schools[alreadyWrong[0]]).toBe(`${cell(wrong.pupilPremium)},${cell(wrong.sparsity)}`);
    expect(before.schools['100006']).toBeUndefined();
    expect(after.schools['100006']).toBe('1,1');
    expect(after.schools[alreadyRight[0]]).toBeUndefined();
  });

  it('changes nothing when the same file is imported again', async () => {
    const updatedAt = (await db().pupilPremium.findFirstOrThrow({ where: { startYear: 2024, school: { urn: '100006' } } })).updatedAt;
    const result = await apply(REAL_FILE, realFile, 2024);

    expect(result).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 2000 });
    expect(result.flags).toEqual({ pupilPremium: { set: 0, unset: 0 }, sparsity: { set: 0, unset: 0 } });
    expect(await db().auditEvent.count({ where: { action: 'pupil_premium.flags_changed' } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: 'pupil_premium.imported' } })).toBe(2);
    expect((await db().pupilPremium.findFirstOrThrow({ where: { startYear: 2024, school: { urn: '100006' } } })).updatedAt).toEqual(updatedAt);
  });

  it('gives the unknown URNs as CSV with their lines', () => {
    const csv = unknownUrnsCsv(previewed.unknownUrns);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('URN,Lines in file');
    expect(lines).toHaveLength(previewed.unknownUrns.length + 1);
    expect(lines).toContain('103895,"1683, 1684"');
  });
});

describe('repeated URNs', () => {
  it('refuses a URN of ours on two rows with different values, naming both lines', async () => {
    await schoolsWithUrns(['103895', '100978']);
    const before = await snapshot();

    const result = await preview('repeated-urns.csv', fixture('repeated-urns.csv'));
    expect(result.errors).toEqual([{
      file: 'repeated-urns.csv',
      line: 3,
      column: 'URN',
      message: 'URN 103895 is on lines 2 and 3 with different values (Pupil Premium Incentive 1 and 0): keep only the correct row',
    }]);
    expect(result.warnings.map((warning) => warning.line)).toEqual([5, 7]);
    expect(result.unknownUrns).toEqual([{ urn: '999999', lines: [6, 7] }]);

    await expect(apply('repeated-urns.csv', fixture('repeated-urns.csv'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'repeated-urns.csv has 1 error, so nothing was imported. Correct the file and upload it again.',
      fieldErrors: [{ field: 'line 3, URN', message: expect.stringContaining('lines 2 and 3') }],
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('cells', () => {
  it('refuses anything but 1, 0 or not available, with line and column, writing nothing', async () => {
    await schoolsWithUrns(['100000', '100005', '100006', '100007']);
    const before = await snapshot();

    const result = await preview('bad-cells.csv', fixture('bad-cells.csv'));
    expect(result.errors).toEqual([
      { file: 'bad-cells.csv', line: 3, column: 'Pupil Premium Incentive', message: 'Pupil Premium Incentive must be 1 or 0, not "yes"' },
      { file: 'bad-cells.csv', line: 4, column: 'URN', message: 'The URN must be a number, like 100000, not "10000A"' },
      { file: 'bad-cells.csv', line: 5, column: 'Sparsity Incentive', message: 'Sparsity Incentive must be 1 or 0, not "2"' },
      { file: 'bad-cells.csv', line: 6, column: 'URN', message: 'The URN is blank' },
    ]);
    await expect(apply('bad-cells.csv', fixture('bad-cells.csv'))).rejects.toMatchObject({ code: 'INVALID_INPUT', problems: result.errors });
    expect(await snapshot()).toEqual(before);
    expect(await stored('100000')).toBeNull();
  });

  it('imports blank and not-available cells as 0 and warns about each', async () => {
    await schoolsWithUrns(['100000', '100005', '100006', '100007']);
    const result = await apply('not-available.csv', fixture('not-available.csv'));

    expect(result.errors).toEqual([]);
    expect(result.warnings.map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { line: 2, column: 'Pupil Premium Incentive', message: 'Pupil Premium Incentive is "NA", so it is imported as 0 (no uplift)' },
      { line: 3, column: 'Sparsity Incentive', message: 'Sparsity Incentive is blank, so it is imported as 0 (no uplift)' },
      { line: 4, column: 'Pupil Premium Incentive', message: 'Pupil Premium Incentive is "N/A", so it is imported as 0 (no uplift)' },
      { line: 4, column: 'Sparsity Incentive', message: 'Sparsity Incentive is "n/a", so it is imported as 0 (no uplift)' },
    ]);
    expect(await stored('100000')).toEqual({ pupilPremium: false, sparsity: true });
    expect(await stored('100005')).toEqual({ pupilPremium: true, sparsity: false });
    expect(await stored('100006')).toEqual({ pupilPremium: false, sparsity: false });
  });
});

describe('file format', () => {
  it('refuses a file missing a column, naming it', async () => {
    const result = await preview('missing-header.csv', fixture('missing-header.csv'));
    expect(result.errors).toEqual([
      { file: 'missing-header.csv', line: 1, column: 'Pupil Premium Incentive', message: 'The "Pupil Premium Incentive" column is missing from the header row' },
    ]);
    expect(result.rows).toBe(0);
  });

  it('refuses the older allocation format, naming both missing columns, writing nothing', async () => {
    const before = await snapshot();
    const attempt = apply('pupil_premium_2021_schools.csv', fixture('old-format-2021.csv'));

    await expect(attempt).rejects.toMatchObject({
      message: 'pupil_premium_2021_schools.csv has 2 errors, so nothing was imported. Correct the file and upload it again.',
      fieldErrors: [
        { field: 'line 1, Pupil Premium Incentive', message: 'The "Pupil Premium Incentive" column is missing from the header row' },
        { field: 'line 1, Sparsity Incentive', message: 'The "Sparsity Incentive" column is missing from the header row' },
      ],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('reads a file saved by Excel: byte order mark, Windows line endings, extra columns, blank lines at the end', async () => {
    const result = await preview('utf8-bom-crlf.csv', fixture('utf8-bom-crlf.csv'));
    expect(result).toMatchObject({ rows: 2, errors: [], warnings: [] });
  });

  it('reads a file saved as Windows-1252', async () => {
    const result = await preview('windows-1252.csv', fixture('windows-1252.csv'));
    expect(result).toMatchObject({ rows: 2, errors: [], warnings: [] });
  });

  it('refuses a header with no rows', async () => {
    const result = await preview('empty.csv', 'URN,Pupil Premium Incentive,Sparsity Incentive\r\n');
    expect(result.errors).toEqual([{ file: 'empty.csv', line: 2, message: 'The file has a header row but no schools' }]);
  });
});

describe('refusals', () => {
  it('refuses finance, writing nothing', async () => {
    const before = await snapshot();
    const attempt = importPupilPremium(userContext('finance'), { startYear: 2024, fileName: 'f.csv', content: fixture('not-available.csv'), mode: 'apply' });
    await expect(attempt).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a start year that is not a cohort', async () => {
    const school = await createSchool();
    const before = await snapshot();
    const content = `URN,Pupil Premium Incentive,Sparsity Incentive\n${school.urn},1,1\n`;
    await expect(apply('f.csv', content, 2031)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: [{ field: 'startYear', message: 'There is no cohort starting in 2031' }],
    });
    expect(await snapshot()).toEqual(before);
  });
});
