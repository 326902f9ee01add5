import { beforeEach, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { db } from '../../../src/db/client.js';
import { cohortsImport } from '../../../src/cli/commands/cohorts-import.js';
import { createLeadProvider } from '../../support/factories.js';
import { emptySetupTables, setupCounts } from './cohort-setup-files.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/cohort-import/${name}`, import.meta.url));
const ALL_FILES = {
  cohort: fixture('cohort_csv_data.csv'),
  'lead-providers': fixture('cohort_lead_provider_csv_data.csv'),
  contracts: fixture('contract_csv_data.csv'),
  'mentor-contracts': fixture('mentor_contract_csv_data.csv'),
  schedules: fixture('schedule_csv_data.csv'),
  statements: fixture('statement_csv_data.csv'),
};
const created = (n: number) => ({ created: n, updated: 0, unchanged: 0 });
const none = { created: 0, updated: 0, unchanged: 0 };
const ALL_CREATED = {
  cohorts: created(1),
  cohortLeadProviders: created(1),
  contracts: created(1),
  mentorContracts: created(1),
  schedules: created(1),
  milestones: created(1),
  statements: created(1),
};

function capture() {
  const lines: string[] = [];
  return { lines, out: { say: (line: string) => lines.push(line) } };
}

/** `npm run cli -- cohort:import ...` as a user runs it, against this test's database. */
function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/index.ts', 'cohort:import', ...args],
      { env: { ...process.env, NODE_OPTIONS: '' } },
      (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }),
    );
  });
}

beforeEach(emptySetupTables);

describe('cohort:import', () => {
  it('previews with --dry-run, printing what each kind of record would get and every change, and writes nothing', async () => {
    await createLeadProvider({ name: 'Ambition Institute' });
    const before = await setupCounts();
    const { lines, out } = capture();

    const result = await cohortsImport.run({ options: { ...ALL_FILES, 'dry-run': 'true' }, positional: [] }, out);

    expect(result).toEqual({ applied: false, counts: ALL_CREATED, errors: [] });
    expect(cohortsImport.exitCode?.(result)).toBe(0);
    expect(lines).toEqual([
      'Dry run: nothing has been written. This import would make:',
      '  cohorts: 1 created, 0 updated, 0 unchanged',
      '  cohortLeadProviders: 1 created, 0 updated, 0 unchanged',
      '  contracts: 1 created, 0 updated, 0 unchanged',
      '  mentorContracts: 1 created, 0 updated, 0 unchanged',
      '  schedules: 1 created, 0 updated, 0 unchanged',
      '  milestones: 1 created, 0 updated, 0 unchanged',
      '  statements: 1 created, 0 updated, 0 unchanged',
      'cohort_csv_data.csv:',
      '  line 2: created Cohort 2027',
      'cohort_lead_provider_csv_data.csv:',
      '  line 2: created Ambition Institute in cohort 2027',
      'contract_csv_data.csv:',
      '  line 2: created Call-off contract for Ambition Institute, cohort 2027 (4 bands)',
      'mentor_contract_csv_data.csv:',
      '  line 2: created Mentor call-off contract for Ambition Institute, cohort 2027',
      'schedule_csv_data.csv:',
      '  line 2: created Schedule ECF Standard September, ecf-standard-september (cohort 2027)',
      '  line 2: created ECF Standard September, ecf-standard-september (cohort 2027): Output 1 - Participant Start',
      'statement_csv_data.csv:',
      '  line 2: created September 2027 statement for Ambition Institute, cohort 2027',
      'Warnings (1), which do not stop the import:',
      '  schedule_csv_data.csv, line 2, milestone-start-date: The start date 2024-09-01, the milestone date 2024-11-30 and the payment date 2024-11-30 are outside the 2027 cohort, whose milestones fall between 2027 and 2031: check the dates, the milestone is imported as it is',
      'Run again without --dry-run to import it.',
    ]);
    expect(await setupCounts()).toEqual(before);
  });

  it('applies by default', async () => {
    await createLeadProvider({ name: 'Ambition Institute' });
    const { lines, out } = capture();

    const result = await cohortsImport.run({ options: ALL_FILES, positional: [] }, out);

    expect(result).toEqual({ applied: true, counts: ALL_CREATED, errors: [] });
    expect(lines[0]).toBe('Imported. Changes made:');
    expect(await db().cohort.count({ where: { startYear: 2027 } })).toBe(1);
  });

  it('returns every problem with its file, line and column, exits with 1 and imports nothing', async () => {
    await createLeadProvider({ name: 'Ambition Institute' });
    const before = await setupCounts();
    const { lines, out } = capture();

    const result = await cohortsImport.run(
      { options: { cohort: ALL_FILES.cohort, statements: fixture('with-errors/statement_csv_data.csv') }, positional: [] },
      out,
    );

    expect(result).toEqual({
      applied: false,
      counts: { cohorts: created(1), cohortLeadProviders: none, contracts: none, mentorContracts: none, schedules: none, milestones: none, statements: none },
      errors: [
        { file: 'statement_csv_data.csv', line: 2, column: 'cohort', message: 'There is no cohort 2030: add it to the cohort file or create it first' },
        { file: 'statement_csv_data.csv', line: 3, column: 'output_fee', message: '"yes" is not true or false: enter true or false in lower case' },
        { file: 'statement_csv_data.csv', line: 3, column: 'cohort', message: 'There is no cohort 2029: add it to the cohort file or create it first' },
        { file: 'statement_csv_data.csv', line: 4, column: 'cohort', message: 'There is no cohort 2029: add it to the cohort file or create it first' },
      ],
    });
    expect(cohortsImport.exitCode?.(result)).toBe(1);
    expect(lines).toContain('The files have 4 problems, so nothing was imported. Without them the import would make:');
    expect(lines).toContain('  statement_csv_data.csv, line 3, output_fee: "yes" is not true or false: enter true or false in lower case');
    expect(await setupCounts()).toEqual(before);
  });

  it('refuses unknown options, a missing file name and no files at all', async () => {
    const { out } = capture();
    const run = (options: Record<string, string>) => cohortsImport.run({ options, positional: [] }, out);

    await expect(run({ contract: ALL_FILES.contracts })).rejects.toThrow('Unknown option --contract');
    await expect(run({ cohort: 'true' })).rejects.toThrow('Give a file after --cohort');
    await expect(run({})).rejects.toThrow('Give at least one file to import');
    await expect(run({ cohort: '/no/such.csv' })).rejects.toThrow('Cannot read the file /no/such.csv');
  });

  it('prints exactly the issue object as the last line with --json, exiting 1 on errors and 0 otherwise', async () => {
    await createLeadProvider({ name: 'Ambition Institute' });

    const refused = await cli('--statements', fixture('with-errors/statement_csv_data.csv'), '--json');
    expect(refused.code).toBe(1);
    const refusedLines = refused.stdout.trim().split('\n');
    expect(JSON.parse(refusedLines[refusedLines.length - 1])).toEqual({
      applied: false,
      counts: { cohorts: none, cohortLeadProviders: none, contracts: none, mentorContracts: none, schedules: none, milestones: none, statements: none },
      errors: [
        { file: 'statement_csv_data.csv', line: 2, column: 'cohort', message: 'There is no cohort 2030: add it to the cohort file or create it first' },
        { file: 'statement_csv_data.csv', line: 3, column: 'output_fee', message: '"yes" is not true or false: enter true or false in lower case' },
        { file: 'statement_csv_data.csv', line: 3, column: 'cohort', message: 'There is no cohort 2029: add it to the cohort file or create it first' },
        { file: 'statement_csv_data.csv', line: 4, column: 'cohort', message: 'There is no cohort 2029: add it to the cohort file or create it first' },
      ],
    });

    const applied = await cli(...Object.entries(ALL_FILES).flatMap(([option, file]) => [`--${option}`, file]), '--json');
    expect(applied.code).toBe(0);
    const appliedLines = applied.stdout.trim().split('\n');
    expect(appliedLines[appliedLines.length - 1]).toBe(JSON.stringify({ applied: true, counts: ALL_CREATED, errors: [] }));
    expect(await db().statement.count()).toBe(1);
  }, 120_000);
});
