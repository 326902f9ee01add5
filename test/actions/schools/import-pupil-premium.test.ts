import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { findUpliftFlags } from '../../../src/actions/schools/find-uplift-flags.js';
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
const HEADER = 'URN,Pupil Premium Incentive,Sparsity Incentive';

// The real file goes into 2024; the small fixtures into 2025 (and the file-format ones into 2026), so they
// never see each other's flags.
const preview = (fileName: string, content: Buffer | string, startYear = 2025) =>
  importPupilPremium(policy, { startYear, fileName, content, mode: 'preview' });
const apply = (fileName: string, content: Buffer | string, startYear = 2025) =>
  importPupilPremium(policy, { startYear, fileName, content, mode: 'apply' });

async function stored(urn: string, startYear = 2025) {
  const row = await db().pupilPremium.findFirst({ where: { startYear, school: { urn } } });
  return row && { pupilPremium: row.pupilPremiumIncentive, sparsity: row.sparsityIncentive };
}

async function snapshot() {
  return { pupilPremiums: await db().pupilPremium.findMany({ orderBy: { id: 'asc' } }), auditEvents: await db().auditEvent.count() };
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
  await createCohort(2026);
});

describe('importing the real 2024 file', () => {
  const byUrn = realFileByUrn();
  const repeated = [...byUrn].filter(([, { lines }]) => lines.length > 1).map(([urn]) => urn);
  // 103895 and 118159 are published on two rows with different values; 146558 too, but it stays unknown here.
  const sampled = ['100005', '100006', '100978', '103895', '118159', '150937', '150975'];
  const candidates = [...byUrn.keys()].filter((urn) => urn !== '146558');
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

  it('previews the counts, accounting for every distinct URN, without writing anything', async () => {
    const before = await snapshot();
    const started = Date.now();
    previewed = await preview(REAL_FILE, realFile, 2024);
    const took = Date.now() - started;

    expect(previewed).toMatchObject({ applied: false, rows: 22452, created: 1800, updated: 100, unchanged: 100, errors: [] });
    expect(previewed.created + previewed.updated + previewed.unchanged + previewed.unknownUrns.length).toBe(byUrn.size);
    expect(byUrn.size).toBe(22436);
    const created = known.filter((urn) => !alreadyRight.includes(urn) && !alreadyWrong.includes(urn)).map((urn) => byUrn.get(urn)!);
    const corrected = alreadyWrong.map((urn) => byUrn.get(urn)!);
    const pupilPremiumSet = [...created, ...corrected].filter((flags) => flags.pupilPremium).length;
    const pupilPremiumUnset = corrected.filter((flags) => !flags.pupilPremium).length;
    const sparsitySet = created.filter((flags) => flags.sparsity).length;
    expect(previewed.flags).toEqual({
      pupilPremium: { set: pupilPremiumSet, unset: pupilPremiumUnset, unchanged: 2000 - pupilPremiumSet - pupilPremiumUnset },
      sparsity: { set: sparsitySet, unset: 0, unchanged: 2000 - sparsitySet },
    });
    expect(previewed.unknownUrns).toHaveLength(byUrn.size - 2000);
    expect(previewed.unknownUrns).toContainEqual({ urn: '146558', lines: [19776, 19777] });
    const unknown = candidates.find((urn) => !known.includes(urn))!;
    expect(previewed.unknownUrns).toContainEqual({ urn: unknown, lines: byUrn.get(unknown)!.lines });
    expect(await snapshot()).toEqual(before);
    expect(took).toBeLessThan(TIME_LIMIT_MS);
  });

  it('warns about every repeated URN with both lines, saying whether the values differ', () => {
    expect(repeated).toHaveLength(16);
    expect(previewed.warnings.map((warning) => warning.line)).toEqual(repeated.map((urn) => byUrn.get(urn)!.lines[1]));
    expect(previewed.warnings).toContainEqual({
      file: REAL_FILE,
      line: 516,
      column: 'URN',
      message: 'URN 100978 is on lines 515 and 516 with the same values, so it is imported once',
    });
    expect(previewed.warnings).toContainEqual({
      file: REAL_FILE,
      line: 1684,
      column: 'URN',
      message: 'URN 103895 is on lines 1683 and 1684 with different values (Pupil Premium Incentive 1 on line 1683, 0 on line 1684): the last row, line 1684, is imported',
    });
    expect(previewed.warnings.filter((warning) => warning.message.includes('different values')).map((warning) => warning.line)).toEqual([1684, 7106, 19777]);
  });

  it('applies every known URN, once, with its last row, in a few seconds', async () => {
    const started = Date.now();
    const result = await apply(REAL_FILE, realFile, 2024);
    const took = Date.now() - started;

    expect(result.applied).toBe(true);
    expect(withoutApplied(result)).toEqual(withoutApplied(previewed));
    expect(took).toBeLessThan(TIME_LIMIT_MS);
    const rows = await db().pupilPremium.findMany({ where: { startYear: 2024 }, include: { school: true } });
    expect(rows).toHaveLength(2000);
    const wrong = rows.filter(({ school, pupilPremiumIncentive, sparsityIncentive }) => {
      const expected = byUrn.get(school.urn)!;
      return expected.pupilPremium !== pupilPremiumIncentive || expected.sparsity !== sparsityIncentive;
    });
    expect(wrong).toEqual([]);
    expect(await stored('103895', 2024)).toEqual({ pupilPremium: false, sparsity: true });
    expect(await stored('118159', 2024)).toEqual({ pupilPremium: false, sparsity: false });
    expect(await stored('100006', 2024)).toEqual({ pupilPremium: true, sparsity: true });
    expect(await stored('100005', 2023)).toEqual({ pupilPremium: true, sparsity: true });
  });

  it('gives uplift eligibility the flags of the cohort start year, and none for a year without any', async () => {
    const school = await db().school.findUniqueOrThrow({ where: { urn: '100005' } });
    expect(await findUpliftFlags(school.id, 2024)).toEqual({ pupilPremium: false, sparsity: true });
    expect(await findUpliftFlags(school.id, 2023)).toEqual({ pupilPremium: true, sparsity: true });
    expect(await findUpliftFlags(school.id, 2022)).toEqual({ pupilPremium: false, sparsity: false });
  });

  it('records the import with its counts, and the before and after flags of every changed school', async () => {
    const cohort = await db().cohort.findUniqueOrThrow({ where: { startYear: 2024 } });
    const summary = await db().auditEvent.findMany({ where: { action: 'pupil_premium.imported' } });
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({
      actorType: 'user',
      actorLabel: 'policy@example.com',
      subjectType: 'Cohort',
      subjectId: cohort.id,
      reason: `Pupil premium and sparsity import for 2024 from ${REAL_FILE}`,
      after: expect.objectContaining({
        file: REAL_FILE, startYear: 2024, rows: 22452, created: 1800, updated: 100, unchanged: 100, unknownUrns: byUrn.size - 2000, warnings: 16,
      }),
    });
    expect(Math.abs(summary[0].createdAt.getTime() - Date.now())).toBeLessThan(60_000);

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
    expect(after.schools['103895']).toBe('0,1');
    expect(after.schools[alreadyRight[0]]).toBeUndefined();
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await db().pupilPremium.findMany({ where: { startYear: 2024 }, orderBy: { id: 'asc' } });
    const result = await apply(REAL_FILE, realFile, 2024);

    expect(result).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 2000 });
    expect(result.flags.pupilPremium).toMatchObject({ set: 0, unset: 0, unchanged: 2000 });
    expect(result.flags.sparsity).toMatchObject({ set: 0, unset: 0, unchanged: 2000 });
    expect(await db().pupilPremium.findMany({ where: { startYear: 2024 }, orderBy: { id: 'asc' } })).toEqual(before);
    expect(await db().auditEvent.count({ where: { action: 'pupil_premium.flags_changed' } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: 'pupil_premium.imported' } })).toBe(2);
  });

  it('gives the unknown URNs as CSV with their lines', () => {
    const csv = unknownUrnsCsv(previewed.unknownUrns);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('URN,Lines in file');
    expect(lines).toHaveLength(previewed.unknownUrns.length + 1);
    expect(lines).toContain('146558,"19776, 19777"');
  });
});

describe('repeated URNs', () => {
  it('imports the last row of a URN and warns about each repeat, naming both lines', async () => {
    await schoolsWithUrns(['103895', '100978']);
    const result = await apply('repeated-urns.csv', fixture('repeated-urns.csv'));

    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      {
        file: 'repeated-urns.csv', line: 3, column: 'URN',
        message: 'URN 103895 is on lines 2 and 3 with different values (Pupil Premium Incentive 1 on line 2, 0 on line 3): the last row, line 3, is imported',
      },
      { file: 'repeated-urns.csv', line: 5, column: 'URN', message: 'URN 100978 is on lines 4 and 5 with the same values, so it is imported once' },
      {
        file: 'repeated-urns.csv', line: 7, column: 'URN',
        message: 'URN 999999 is on lines 6 and 7 with different values (Pupil Premium Incentive 1 on line 6, 0 on line 7): the last row, line 7, is imported',
      },
    ]);
    expect(result.unknownUrns).toEqual([{ urn: '999999', lines: [6, 7] }]);
    expect(result).toMatchObject({ applied: true, rows: 6, created: 2 });
    expect(await stored('103895')).toEqual({ pupilPremium: false, sparsity: true });
    expect(await stored('100978')).toEqual({ pupilPremium: true, sparsity: true });
  });

  it('warns about each repeat of a URN on three rows against the row before it', async () => {
    await schoolsWithUrns(['100000']);
    const result = await apply('three.csv', `${HEADER}\n100000,0,0\n100000,1,0\n100000,1,1\n`);

    expect(result.warnings.map(({ line, message }) => ({ line, message }))).toEqual([
      { line: 3, message: 'URN 100000 is on lines 2 and 3 with different values (Pupil Premium Incentive 0 on line 2, 1 on line 3): the last row, line 3, is imported' },
      { line: 4, message: 'URN 100000 is on lines 3 and 4 with different values (Sparsity Incentive 0 on line 3, 1 on line 4): the last row, line 4, is imported' },
    ]);
    expect(await stored('100000')).toEqual({ pupilPremium: true, sparsity: true });
  });
});

describe('cells', () => {
  it('refuses anything but 1, 0 or not available, and a URN that is not a number, with line and column, writing nothing', async () => {
    await schoolsWithUrns(['100000', '100005', '100006', '100007']);
    const before = await snapshot();

    const result = await preview('bad-cells.csv', fixture('bad-cells.csv'));
    expect(result.errors).toEqual([
      { file: 'bad-cells.csv', line: 3, column: 'Pupil Premium Incentive', message: 'Pupil Premium Incentive must be 1 or 0, not "yes"' },
      { file: 'bad-cells.csv', line: 4, column: 'URN', message: 'The URN must be a number, like 100000, not "10000A"' },
      { file: 'bad-cells.csv', line: 5, column: 'Sparsity Incentive', message: 'Sparsity Incentive must be 1 or 0, not "2"' },
      { file: 'bad-cells.csv', line: 6, column: 'URN', message: 'The URN is blank' },
    ]);
    await expect(apply('bad-cells.csv', fixture('bad-cells.csv'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'bad-cells.csv has 4 errors, so nothing was imported. Correct the file and upload it again.',
      problems: result.errors,
      result: expect.objectContaining({ applied: false, rows: 6, errors: result.errors }),
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file whose only fault is one URN that is not a number', async () => {
    await schoolsWithUrns(['100000']);
    const before = await snapshot();
    await expect(apply('urn.csv', `${HEADER}\n100000,1,1\nURN 100005,0,0\n`)).rejects.toMatchObject({
      problems: [{ file: 'urn.csv', line: 3, column: 'URN', message: 'The URN must be a number, like 100000, not "URN 100005"' }],
    });
    expect(await snapshot()).toEqual(before);
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
  beforeAll(() => schoolsWithUrns(['100000', '100005']));

  it('refuses a file missing a column, naming it, writing nothing', async () => {
    const before = await snapshot();
    const result = await preview('missing-header.csv', fixture('missing-header.csv'));
    expect(result.errors).toEqual([
      { file: 'missing-header.csv', line: 1, column: 'Pupil Premium Incentive', message: 'The "Pupil Premium Incentive" column is missing from the header row' },
    ]);
    expect(result.rows).toBe(0);
    await expect(apply('missing-header.csv', fixture('missing-header.csv'))).rejects.toMatchObject({ problems: result.errors });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses the older allocation format, naming both missing columns, writing nothing', async () => {
    const before = await snapshot();
    const attempt = apply('pupil_premium_2021_schools.csv', fixture('old-format-2021.csv'));

    await expect(attempt).rejects.toMatchObject({
      message: 'pupil_premium_2021_schools.csv has 2 errors, so nothing was imported. Correct the file and upload it again.',
      fieldErrors: [
        { field: 'pupil_premium_2021_schools.csv, line 1, Pupil Premium Incentive', message: 'The "Pupil Premium Incentive" column is missing from the header row' },
        { field: 'pupil_premium_2021_schools.csv, line 1, Sparsity Incentive', message: 'The "Sparsity Incentive" column is missing from the header row' },
      ],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('reads a file saved by Excel: byte order mark, Windows line endings, extra columns, blank lines at the end', async () => {
    expect(fixture('utf8-bom-crlf.csv').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(fixture('utf8-bom-crlf.csv').toString()).toMatch(/School name.*\r\n.*\r\n\r\n\r\n$/s);
    const result = await apply('utf8-bom-crlf.csv', fixture('utf8-bom-crlf.csv'), 2026);
    expect(result).toMatchObject({ rows: 2, created: 2, errors: [], warnings: [] });
    expect(await stored('100000', 2026)).toEqual({ pupilPremium: true, sparsity: false });
    expect(await stored('100005', 2026)).toEqual({ pupilPremium: false, sparsity: true });
  });

  it('reads a file saved as Windows-1252', async () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(fixture('windows-1252.csv'))).toThrow();
    const result = await apply('windows-1252.csv', fixture('windows-1252.csv'), 2026);
    expect(result).toMatchObject({ rows: 2, updated: 1, unchanged: 1, errors: [], warnings: [] });
    expect(await stored('100000', 2026)).toEqual({ pupilPremium: true, sparsity: true });
  });

  it('reads a file with quotes as one without, reporting the same problems on the same lines', async () => {
    const plain = `${HEADER},Name\n100000,1,0,Aldgate\n\n100005,1\n100006,0,1,Coram,extra\n`;
    const quoted = plain.replace('Aldgate', '"Aldgate"');
    const [fromPlain, fromQuoted] = [await preview('f.csv', plain), await preview('f.csv', quoted)];
    expect(fromPlain.errors).toEqual([
      { file: 'f.csv', line: 4, message: 'This line has 2 values but the header row has 4 columns' },
      { file: 'f.csv', line: 5, message: 'This line has 5 values but the header row has 4 columns' },
    ]);
    expect(fromPlain.warnings).toEqual([{ file: 'f.csv', line: 4, column: 'Sparsity Incentive', message: 'Sparsity Incentive is blank, so it is imported as 0 (no uplift)' }]);
    expect(withoutApplied(fromQuoted)).toEqual(withoutApplied(fromPlain));
  });

  it('refuses a header with no rows', async () => {
    const result = await preview('empty.csv', `${HEADER}\r\n`);
    expect(result.errors).toEqual([{ file: 'empty.csv', line: 1, message: 'The file has a header row but no schools' }]);
  });
});

describe('refusals', () => {
  it('refuses finance, writing nothing', async () => {
    const before = await snapshot();
    const attempt = importPupilPremium(userContext('finance'), { startYear: 2024, fileName: 'f.csv', content: fixture('not-available.csv'), mode: 'apply' });
    await expect(attempt).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a start year that is not a cohort, writing nothing', async () => {
    const school = await createSchool();
    const before = await snapshot();
    const content = `${HEADER}\n${school.urn},1,1\n`;
    for (const attempt of [apply, preview]) {
      await expect(attempt('f.csv', content, 2031)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        fieldErrors: [{ field: 'startYear', message: 'There is no cohort starting in 2031' }],
      });
    }
    expect(await snapshot()).toEqual(before);
  });
});
