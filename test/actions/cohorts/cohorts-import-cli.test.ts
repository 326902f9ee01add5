import { beforeEach, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { db } from '../../../src/db/client.js';
import { cohortsImport } from '../../../src/cli/commands/cohorts-import.js';
import { createLeadProvider } from '../../support/factories.js';
import { emptySetupTables } from './cohort-setup-files.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/cohort-import/${name}`, import.meta.url));
const ALL_FILES = {
  cohort: fixture('cohort_csv_data.csv'),
  'cohort-lead-provider': fixture('cohort_lead_provider_csv_data.csv'),
  contract: fixture('contract_csv_data.csv'),
  'mentor-contract': fixture('mentor_contract_csv_data.csv'),
  schedule: fixture('schedule_csv_data.csv'),
  statement: fixture('statement_csv_data.csv'),
};

function capture() {
  const lines: string[] = [];
  return { lines, out: { say: (line: string) => lines.push(line) } };
}

beforeEach(emptySetupTables);

describe('cohorts:import', () => {
  it('previews by default, printing what each file would do', async () => {
    await createLeadProvider({ name: 'Ambition Institute' });
    const { lines, out } = capture();

    const result = await cohortsImport.run({ options: ALL_FILES, positional: [] }, out);

    expect(result.applied).toBe(false);
    expect(lines).toEqual([
      'Preview: nothing has been written. This import would make:',
      'cohort_csv_data.csv (1 rows): 1 created, 0 updated, 0 unchanged, 0 skipped',
      '  line 2: created Cohort 2027',
      'cohort_lead_provider_csv_data.csv (1 rows): 1 created, 0 updated, 0 unchanged, 0 skipped',
      '  line 2: created Ambition Institute in cohort 2027',
      'contract_csv_data.csv (1 rows): 1 created, 0 updated, 0 unchanged, 0 skipped',
      '  line 2: created Call-off contract for Ambition Institute, cohort 2027 (4 bands)',
      'mentor_contract_csv_data.csv (1 rows): 1 created, 0 updated, 0 unchanged, 0 skipped',
      '  line 2: created Mentor call-off contract for Ambition Institute, cohort 2027',
      'schedule_csv_data.csv (1 rows): 2 created, 0 updated, 0 unchanged, 0 skipped',
      '  line 2: created Schedule ECF Standard September, ecf-standard-september (cohort 2027)',
      '  line 2: created ECF Standard September, ecf-standard-september (cohort 2027): Output 1 - Participant Start',
      'statement_csv_data.csv (1 rows): 1 created, 0 updated, 0 unchanged, 0 skipped',
      '  line 2: created September 2027 statement for Ambition Institute, cohort 2027',
      'Run again with --apply to import it.',
    ]);
    expect(await db().cohort.count()).toBe(0);
  });

  it('applies with --apply', async () => {
    await createLeadProvider({ name: 'Ambition Institute' });
    const { lines, out } = capture();

    const result = await cohortsImport.run({ options: { ...ALL_FILES, apply: 'true' }, positional: [] }, out);

    expect(result.applied).toBe(true);
    expect(lines[0]).toBe('Imported. Changes made:');
    expect(await db().cohort.count()).toBe(1);
  });

  it('prints the summary and fails with every problem when a file is wrong', async () => {
    await createLeadProvider({ name: 'Ambition Institute' });
    const { lines, out } = capture();

    const error = await cohortsImport
      .run({ options: { statement: fixture('with-errors/statement_csv_data.csv') }, positional: [] }, out)
      .catch((e: unknown) => e);

    expect(error).toMatchObject({
      message: 'The files have 4 problems, so nothing was imported. Correct them and import again.',
      fieldErrors: [
        { field: 'statement_csv_data.csv, line 2, cohort', message: 'There is no cohort 2030: add it to the cohort file or create it first' },
        { field: 'statement_csv_data.csv, line 3, output_fee', message: '"yes" is not true or false: enter true or false in lower case' },
        { field: 'statement_csv_data.csv, line 3, cohort', message: 'There is no cohort 2029: add it to the cohort file or create it first' },
        { field: 'statement_csv_data.csv, line 4, cohort', message: 'There is no cohort 2029: add it to the cohort file or create it first' },
      ],
    });
    expect(lines[1]).toBe('statement_csv_data.csv (4 rows): 0 created, 0 updated, 0 unchanged, 1 skipped');
  });

  it('asks for at least one readable file', async () => {
    const { out } = capture();
    await expect(cohortsImport.run({ options: {}, positional: [] }, out)).rejects.toThrow('Give at least one file to import');
    await expect(cohortsImport.run({ options: { cohort: '/no/such.csv' }, positional: [] }, out)).rejects.toThrow('Cannot read the file /no/such.csv');
  });
});
