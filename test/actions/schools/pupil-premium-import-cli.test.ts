import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { pupilPremiumImport } from '../../../src/cli/commands/pupil-premium-import.js';
import { createCohort } from '../../support/factories.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pupil-premium-cli-'));
const file = (name: string, text: string) => {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
};
const HEADER = 'URN,Pupil Premium Incentive,Sparsity Incentive';
const good = () => file('good.csv', `${HEADER}\n100000,1,0\n100005,NA,1\n777777,1,1\n100000,1,1\n`);
const bad = () => file('bad.csv', `${HEADER}\n100000,yes,0\n100005,1,1\n`);

async function cli(options: Record<string, string>) {
  const said: string[] = [];
  const result = await pupilPremiumImport.run({ options, positional: [] }, { say: (line) => said.push(line) });
  return { result, said, exitCode: pupilPremiumImport.exitCode?.(result) ?? 0 };
}

/** `npm run cli -- pupil-premium:import ... --json` as a user runs it: exit code and last line. */
async function run(...args: string[]) {
  const command = [process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'pupil-premium:import', ...args, '--json']] as const;
  return promisify(execFile)(command[0], command[1], { env: { ...process.env, NODE_OPTIONS: '' } }).then(
    (r) => ({ code: 0, last: r.stdout.trim().split('\n').at(-1)! }),
    (e: { code: number; stdout: string }) => ({ code: e.code, last: e.stdout.trim().split('\n').at(-1)! }),
  );
}

const stored = () => db().pupilPremium.findMany({ include: { school: { select: { urn: true } } }, orderBy: [{ startYear: 'asc' }, { school: { urn: 'asc' } }] });

beforeAll(async () => {
  await createCohort(2024);
  await createCohort(2025);
  await db().school.createMany({ data: [{ urn: '100000', name: 'Aldgate' }, { urn: '100005', name: 'Coram' }] });
});

describe('pupil-premium:import', () => {
  it('with --dry-run previews, writes nothing, and lists unknown URNs into a CSV when asked', async () => {
    const unknownCsv = path.join(dir, 'unknown.csv');
    const { result, said, exitCode } = await cli({ file: good(), 'start-year': '2024', 'dry-run': 'true', 'unknown-urns-csv': unknownCsv });

    expect(result).toEqual({
      applied: false,
      rows: 4,
      created: 2,
      updated: 0,
      unchanged: 0,
      unknownUrns: ['777777'],
      warnings: [
        { line: 3, column: 'Pupil Premium Incentive', message: 'Pupil Premium Incentive is "NA", so it is imported as 0 (no uplift)' },
        { line: 5, column: 'URN', message: 'URN 100000 is on lines 2 and 5 with different values (Sparsity Incentive 0 on line 2, 1 on line 5): the last row, line 5, is imported' },
      ],
      errors: [],
    });
    expect(exitCode).toBe(0);
    expect(said[0]).toBe('Dry run of good.csv for the 2024 cohort: nothing has been written.');
    expect(said).toContain('Pupil premium: 1 set, 0 unset, 1 unchanged. Sparsity: 2 set, 0 unset, 0 unchanged.');
    expect(said).toContain('1 URN is not one of our schools and was left out: 777777 (line 4).');
    expect(said.at(-1)).toBe('Run again without --dry-run to import it.');
    expect(readFileSync(unknownCsv, 'utf8')).toBe('URN,Lines in file\n777777,4\n');
    expect(await db().pupilPremium.count()).toBe(0);
  });

  it('imports by default', async () => {
    const { result, said } = await cli({ file: good(), 'start-year': '2024' });
    expect(result).toMatchObject({ applied: true, created: 2 });
    expect(said[0]).toBe('Imported good.csv for the 2024 cohort.');
    expect((await stored()).map(({ school, startYear, pupilPremiumIncentive, sparsityIncentive }) => [school.urn, startYear, pupilPremiumIncentive, sparsityIncentive]))
      .toEqual([['100000', 2024, true, true], ['100005', 2024, false, true]]);
  });

  it('names each error and exits with 1 when the file has errors, writing nothing', async () => {
    const before = await stored();
    const { result, said, exitCode } = await cli({ file: bad(), 'start-year': '2025' });
    expect(result).toMatchObject({
      applied: false,
      rows: 2,
      errors: [{ line: 2, column: 'Pupil Premium Incentive', message: 'Pupil Premium Incentive must be 1 or 0, not "yes"' }],
    });
    expect(exitCode).toBe(1);
    expect(said[0]).toBe('bad.csv has 1 error, so nothing was imported. Correct the file and run again.');
    expect(said).toContain('  bad.csv, line 2, Pupil Premium Incentive: Pupil Premium Incentive must be 1 or 0, not "yes"');
    expect(await stored()).toEqual(before);
  });

  it('refuses a start year that is not a cohort, exiting with 1', async () => {
    const { result, exitCode } = await cli({ file: good(), 'start-year': '2031' });
    expect(result).toEqual({
      applied: false, rows: 0, created: 0, updated: 0, unchanged: 0, unknownUrns: [], warnings: [],
      errors: [{ line: null, column: null, message: 'There is no cohort starting in 2031' }],
    });
    expect(exitCode).toBe(1);
  });

  it('explains a missing file or start year', async () => {
    await expect(cli({ file: path.join(dir, 'missing.csv'), 'start-year': '2024' })).rejects.toThrow(/Cannot read the file/);
    await expect(cli({ file: good() })).rejects.toThrow('Missing --start-year');
    await expect(cli({ file: good(), 'start-year': 'next' })).rejects.toThrow('--start-year must be a year, like 2024');
  });

  it('with --json prints exactly the result object as its last line, exiting 1 on errors', async () => {
    const dryRun = await run('--file', good(), '--start-year', '2025', '--dry-run');
    expect(dryRun.code).toBe(0);
    expect(Object.keys(JSON.parse(dryRun.last))).toEqual(['applied', 'rows', 'created', 'updated', 'unchanged', 'unknownUrns', 'warnings', 'errors']);
    expect(JSON.parse(dryRun.last)).toMatchObject({ applied: false, rows: 4, created: 2, unknownUrns: ['777777'], errors: [] });

    const applied = await run('--file', good(), '--start-year', '2025');
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.last)).toMatchObject({ applied: true, created: 2, updated: 0, unchanged: 0 });
    expect(await db().pupilPremium.count({ where: { startYear: 2025 } })).toBe(2);

    const refused = await run('--file', bad(), '--start-year', '2025');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.last)).toEqual({
      applied: false, rows: 2, created: 0, updated: 1, unchanged: 0, unknownUrns: [],
      warnings: [],
      errors: [{ line: 2, column: 'Pupil Premium Incentive', message: 'Pupil Premium Incentive must be 1 or 0, not "yes"' }],
    });
  }, 60_000);
});
