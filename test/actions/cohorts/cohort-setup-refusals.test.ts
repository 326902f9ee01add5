// Every kind of input the issue says the import must refuse: each is reported naming its file, line and
// column, and nothing at all is written (no record, no audit event).
import { beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { importCohortSetup } from '../../../src/actions/cohorts/import-cohort-setup.js';
import { COHORT_HEADERS } from '../../../src/actions/cohorts/cohort-setup/cohort-file.js';
import { COHORT_LEAD_PROVIDER_HEADERS } from '../../../src/actions/cohorts/cohort-setup/cohort-lead-provider-file.js';
import { CONTRACT_HEADERS } from '../../../src/actions/cohorts/cohort-setup/contract-file.js';
import { ImportRefused } from '../../../src/actions/imports/import-refused.js';
import type { CohortSetupFileKind, UploadedCsv } from '../../../src/actions/cohorts/cohort-setup/import-run.js';
import { MENTOR_CONTRACT_HEADERS } from '../../../src/actions/cohorts/cohort-setup/mentor-contract-file.js';
import { SCHEDULE_HEADERS } from '../../../src/actions/cohorts/cohort-setup/schedule-file.js';
import { STATEMENT_HEADERS } from '../../../src/actions/cohorts/cohort-setup/statement-file.js';
import type { ImportProblem } from '../../../src/reports/csv/read-csv.js';
import { createCohort, createLeadProvider, userContext } from '../../support/factories.js';
import { csv, csvOf, emptySetupTables, setupCounts } from './cohort-setup-files.js';

const policy = userContext('policy');
type Files = Partial<Record<CohortSetupFileKind, UploadedCsv>>;

const COHORT = {
  'start-year': '2027',
  'registration-start-date': '2027/05/10',
  'academic-year-start-date': '2027/09/01',
  'mentor-funding': 'true',
  'detailed-evidence-types': 'true',
};
const CONTRACT = {
  'lead-provider-name': 'Capita',
  'cohort-start-year': '2026',
  'uplift-target': '0.33',
  'uplift-amount': '100',
  'recruitment-target': '2000',
  'revised-target': '2040',
  'set-up-fee': '149651.00',
  'band-a-min': '0',
  'band-a-max': '1000',
  'band-a-per-participant': '995',
  'band-b-min': '1001',
  'band-b-max': '2000',
  'band-b-per-participant': '979',
  'band-c-min': '2001',
  'band-c-max': '2300',
  'band-c-per-participant': '966',
  'band-d-min': '2301',
  'band-d-max': '2500',
  'band-d-per-participant': '850',
};
const MENTOR_CONTRACT = { 'lead-provider-name': 'Capita', 'cohort-start-year': '2026', 'recruitment-target': '1700', 'payment-per-participant': '1000.00' };
const MILESTONE = {
  type: 'ecf_standard',
  'schedule-identifier': 'ecf-standard-september',
  'schedule-name': 'ECF Standard September',
  'schedule-cohort-year': '2026',
  'milestone-name': 'Output 1 - Participant Start',
  'milestone-declaration-type': 'started',
  'milestone-start-date': '2026/09/01',
  'milestone-date': '2026/11/30',
  'milestone-payment-date': '2026/11/30',
};
const STATEMENT = { type: 'ecf', name: 'November 2026', cohort: '2026', deadline_date: '2026-11-30', payment_date: '2026-12-25', output_fee: 'true' };

const cohorts = (...rows: Partial<Record<(typeof COHORT_HEADERS)[number], string>>[]) => csvOf('cohorts.csv', COHORT_HEADERS, ...rows);
const links = (...rows: Partial<Record<(typeof COHORT_LEAD_PROVIDER_HEADERS)[number], string>>[]) => csvOf('links.csv', COHORT_LEAD_PROVIDER_HEADERS, ...rows);
const contracts = (...rows: Partial<Record<(typeof CONTRACT_HEADERS)[number], string>>[]) => csvOf('contracts.csv', CONTRACT_HEADERS, ...rows);
const mentorContracts = (...rows: Partial<Record<(typeof MENTOR_CONTRACT_HEADERS)[number], string>>[]) => csvOf('mentors.csv', MENTOR_CONTRACT_HEADERS, ...rows);
const schedules = (...rows: Partial<Record<(typeof SCHEDULE_HEADERS)[number], string>>[]) => csvOf('schedules.csv', SCHEDULE_HEADERS, ...rows);
const statements = (...rows: Partial<Record<(typeof STATEMENT_HEADERS)[number], string>>[]) => csvOf('statements.csv', STATEMENT_HEADERS, ...rows);

/** Applies the files, expecting a refusal that leaves every table as it was; returns the problems. */
async function problemsOf(files: Files): Promise<ImportProblem[]> {
  const before = await setupCounts();
  const error = await importCohortSetup(policy, { files, mode: 'apply' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportRefused);
  expect(await setupCounts()).toEqual(before);
  return (error as ImportRefused).problems;
}

beforeEach(async () => {
  await emptySetupTables();
  const cohort = await createCohort(2026);
  await createLeadProvider({ name: 'Capita', cohorts: [cohort] });
  await createLeadProvider({ name: 'Teach First', cohorts: [cohort] });
});

describe('the import refuses, naming the place', () => {
  it('a missing header and an unknown one', async () => {
    expect(
      await problemsOf({
        cohort: csv('cohorts.csv', 'start-year,registration-start-date,academic-year-start-date,automatic-assignment-period-end-date,payments-frozen-at,detailed-evidence-types', '2027,2027/05/10,2027/09/01,,,true'),
        cohortLeadProvider: csv('links.csv', 'lead-provider-name,cohort-start-year,cohort-name', 'Capita,2026,2026 to 2027'),
      }),
    ).toEqual([
      { file: 'cohorts.csv', line: 1, column: 'mentor-funding', message: 'The "mentor-funding" column is missing from the header row' },
      { file: 'links.csv', line: 1, column: 'cohort-name', message: 'The "cohort-name" column is not one this file can have: check its spelling, or remove it' },
    ]);
  });

  it('impossible dates', async () => {
    expect(
      await problemsOf({
        cohort: cohorts({ ...COHORT, 'registration-start-date': '2027-02-30' }),
        statement: statements({ ...STATEMENT, payment_date: '2026/13/25' }),
      }),
    ).toEqual([
      { file: 'cohorts.csv', line: 2, column: 'registration-start-date', message: '"2027-02-30" is not a date: enter a date as YYYY-MM-DD, like 2027-09-01' },
      { file: 'statements.csv', line: 2, column: 'payment_date', message: '"2026/13/25" is not a date: enter a date as YYYY-MM-DD, like 2027-09-01' },
    ]);
  });

  it('unknown lead provider names, cohort years and schedule types', async () => {
    expect(
      await problemsOf({
        cohortLeadProvider: links({ 'lead-provider-name': 'Capita Ltd', 'cohort-start-year': '2026' }, { 'lead-provider-name': 'Capita', 'cohort-start-year': '2031' }),
        schedule: schedules({ ...MILESTONE, type: 'ecf_standrad' }),
      }),
    ).toEqual([
      { file: 'links.csv', line: 2, column: 'lead-provider-name', message: 'There is no lead provider called "Capita Ltd". The lead providers are: Capita, Teach First' },
      { file: 'links.csv', line: 3, column: 'cohort-start-year', message: 'There is no cohort 2031: add it to the cohort file or create it first' },
      { file: 'schedules.csv', line: 2, column: 'type', message: 'Invalid schedule type "ecf_standrad": use ecf_standard, ecf_reduced, ecf_extended, ecf_replacement' },
    ]);
  });

  it('amounts and numbers that are not numbers or are negative', async () => {
    expect(
      await problemsOf({
        contract: contracts(
          { ...CONTRACT, 'set-up-fee': 'TBC', 'band-b-per-participant': '£-979' },
          { ...CONTRACT, 'lead-provider-name': 'Teach First', 'uplift-target': '-0.33', 'monthly-service-fee': '-100', 'recruitment-target': '-2000' },
        ),
        mentorContract: mentorContracts({ ...MENTOR_CONTRACT, 'payment-per-participant': '-1000.00' }),
      }),
    ).toEqual([
      { file: 'contracts.csv', line: 2, column: 'set-up-fee', message: '"TBC" is not an amount in pounds: enter an amount like 1234.56' },
      { file: 'contracts.csv', line: 2, column: 'band-b-per-participant', message: '£-979 is negative: enter an amount of 0 or more' },
      { file: 'contracts.csv', line: 3, column: 'uplift-target', message: '-0.33 is negative: enter 0 or more' },
      { file: 'contracts.csv', line: 3, column: 'recruitment-target', message: '-2000 is too small: enter 0 or more' },
      { file: 'contracts.csv', line: 3, column: 'monthly-service-fee', message: '-100 is negative: enter an amount of 0 or more' },
      { file: 'mentors.csv', line: 2, column: 'payment-per-participant', message: '-1000.00 is negative: enter an amount of 0 or more' },
    ]);
  });

  it('the same key twice in a file, pointing back to its first line', async () => {
    expect(
      await problemsOf({
        cohort: cohorts(COHORT, { ...COHORT, 'mentor-funding': 'false' }),
        cohortLeadProvider: links({ 'lead-provider-name': 'Capita', 'cohort-start-year': '2027' }, { 'lead-provider-name': 'Capita', 'cohort-start-year': '2027' }),
        contract: contracts(CONTRACT, CONTRACT),
        mentorContract: mentorContracts(MENTOR_CONTRACT, MENTOR_CONTRACT),
        schedule: schedules(MILESTONE, { ...MILESTONE, 'milestone-name': 'Output 1 - Start' }),
        statement: statements(STATEMENT, { ...STATEMENT, deadline_date: '2026-11-29' }),
      }),
    ).toEqual([
      { file: 'cohorts.csv', line: 3, column: 'start-year', message: 'Cohort 2027 is already on line 2' },
      { file: 'links.csv', line: 3, column: 'lead-provider-name', message: 'Capita and cohort 2027 are already on line 2' },
      { file: 'contracts.csv', line: 3, column: 'lead-provider-name', message: 'A contract for Capita in cohort 2026 is already on line 2' },
      { file: 'mentors.csv', line: 3, column: 'lead-provider-name', message: 'A mentor contract for Capita in cohort 2026 is already on line 2' },
      { file: 'schedules.csv', line: 3, column: 'milestone-declaration-type', message: 'The started milestone of ecf-standard-september (cohort 2026) is already on line 2' },
      { file: 'statements.csv', line: 3, column: 'name', message: 'The November 2026 statement for cohort 2026 is already on line 2' },
    ]);
  });

  it('band ranges that overlap, leave a gap or have no boundary', async () => {
    expect(
      await problemsOf({
        contract: contracts(
          { ...CONTRACT, 'band-b-min': '1000' },
          { ...CONTRACT, 'lead-provider-name': 'Teach First', 'band-c-min': '2002', 'band-d-min': '' , 'band-d-max': '', 'band-d-per-participant': '' },
        ),
      }),
    ).toEqual([
      { file: 'contracts.csv', line: 2, column: 'band-b-min', message: 'Band B starts at 1000, overlapping band A, which ends at 1000: start band B at 1001' },
      { file: 'contracts.csv', line: 3, column: 'band-c-min', message: 'Band C starts at 2002, leaving a gap after band B, which ends at 2000: start band C at 2001' },
    ]);
    expect(await problemsOf({ contract: contracts({ ...CONTRACT, 'band-a-max': '', 'band-c-min': '' }) })).toEqual([
      { file: 'contracts.csv', line: 2, column: 'band-a-max', message: 'This cell is blank: band A needs a maximum, as band B follows it' },
      { file: 'contracts.csv', line: 2, column: 'band-c-min', message: 'This cell is blank: band C needs a minimum of 2001, straight after band B ends' },
    ]);
  });

  it("the DfE's own sample contract, whose bands overlap", async () => {
    await createLeadProvider({ name: 'Ambition Institute' });
    const dfeSample = readFileSync(new URL('../../fixtures/cohort-import/dfe-sample/contract_csv_data.csv', import.meta.url));

    const problems = await problemsOf({
      cohort: cohorts(COHORT),
      cohortLeadProvider: links({ 'lead-provider-name': 'Ambition Institute', 'cohort-start-year': '2027' }),
      contract: { name: 'contract_csv_data.csv', content: dfeSample },
    });

    expect(problems).toEqual([
      { file: 'contract_csv_data.csv', line: 2, column: 'band-b-min', message: 'Band B starts at 199, overlapping band A, which ends at 895: start band B at 896' },
      { file: 'contract_csv_data.csv', line: 2, column: 'band-c-min', message: 'Band C starts at 299, overlapping band B, which ends at 700: start band C at 701' },
      { file: 'contract_csv_data.csv', line: 2, column: 'band-d-min', message: 'Band D starts at 400, overlapping band C, which ends at 600: start band D at 601' },
    ]);
  });

  it('a statement or schedule for a cohort that neither exists nor is in the cohort file', async () => {
    expect(
      await problemsOf({
        cohort: cohorts(COHORT),
        schedule: schedules(MILESTONE, { ...MILESTONE, 'schedule-cohort-year': '2027' }, { ...MILESTONE, 'schedule-cohort-year': '2028' }),
        statement: statements({ ...STATEMENT, cohort: '2028' }),
      }),
    ).toEqual([
      { file: 'schedules.csv', line: 4, column: 'schedule-cohort-year', message: 'There is no cohort 2028: add it to the cohort file or create it first' },
      { file: 'statements.csv', line: 2, column: 'cohort', message: 'There is no cohort 2028: add it to the cohort file or create it first' },
    ]);
  });
});
