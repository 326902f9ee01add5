import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

async function cli(options: Record<string, string>) {
  const said: string[] = [];
  const result = await pupilPremiumImport.run({ options, positional: [] }, { say: (line) => said.push(line) });
  return { result, said };
}

beforeAll(async () => {
  await createCohort(2024);
  await db().school.createMany({ data: [{ urn: '100000', name: 'Aldgate' }, { urn: '100005', name: 'Coram' }] });
});

describe('pupil-premium:import', () => {
  const good = () => file('good.csv', 'URN,Pupil Premium Incentive,Sparsity Incentive\n100000,1,0\n100005,NA,1\n777777,1,1\n');

  it('previews by default, writes nothing, and lists unknown URNs into a CSV when asked', async () => {
    const unknownCsv = path.join(dir, 'unknown.csv');
    const { result, said } = await cli({ file: good(), 'start-year': '2024', 'unknown-urns-csv': unknownCsv });

    expect(result).toEqual({
      applied: false,
      rows: 3,
      created: 2,
      updated: 0,
      unchanged: 0,
      unknownUrns: ['777777'],
      warnings: [{ line: 3, column: 'Pupil Premium Incentive', message: 'Pupil Premium Incentive is "NA", so it is imported as 0 (no uplift)' }],
      errors: [],
    });
    expect(said[0]).toBe('Preview of good.csv for the 2024 cohort: nothing has been written.');
    expect(said).toContain('1 URN is not one of our schools and was left out: 777777 (line 4).');
    expect(said.at(-1)).toBe('Run again with --apply to import it.');
    expect(readFileSync(unknownCsv, 'utf8')).toBe('URN,Lines in file\n777777,4\n');
    expect(await db().pupilPremium.count()).toBe(0);
  });

  it('imports with --apply', async () => {
    const { result, said } = await cli({ file: good(), 'start-year': '2024', apply: 'true' });
    expect(result).toMatchObject({ applied: true, created: 2 });
    expect(said[0]).toBe('Imported good.csv for the 2024 cohort.');
    expect(await db().pupilPremium.count({ where: { startYear: 2024 } })).toBe(2);
  });

  it('fails, naming each line, when the file has errors', async () => {
    const bad = file('bad.csv', 'URN,Pupil Premium Incentive,Sparsity Incentive\n100000,yes,0\n');
    await expect(cli({ file: bad, 'start-year': '2024' })).rejects.toMatchObject({
      message: 'bad.csv has 1 error, so nothing was imported. Correct the file and upload it again.',
      fieldErrors: [{ field: 'line 2, Pupil Premium Incentive', message: 'Pupil Premium Incentive must be 1 or 0, not "yes"' }],
    });
  });

  it('explains a missing file or start year', async () => {
    await expect(cli({ file: path.join(dir, 'missing.csv'), 'start-year': '2024' })).rejects.toThrow(/Cannot read the file/);
    await expect(cli({ file: good() })).rejects.toThrow('Missing --start-year');
    await expect(cli({ file: good(), 'start-year': 'next' })).rejects.toThrow('--start-year must be a year, like 2024');
  });
});
