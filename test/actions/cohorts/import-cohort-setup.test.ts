import { beforeEach, describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { importCohortSetup } from '../../../src/actions/cohorts/import-cohort-setup.js';
import { ImportRefused } from '../../../src/actions/imports/import-refused.js';
import { createLeadProvider, userContext } from '../../support/factories.js';
import { emptySetupTables, fixtureFiles, setupCounts } from './cohort-setup-files.js';

const policy = userContext('policy');

const created = (n: number) => ({ created: n, updated: 0, unchanged: 0 });
const unchanged = (n: number) => ({ created: 0, updated: 0, unchanged: n });
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

beforeEach(emptySetupTables);

const FIXTURE_MILESTONE_WARNING = {
  file: 'schedule_csv_data.csv',
  line: 2,
  column: 'milestone-start-date',
  message: 'The start date 2024-09-01, the milestone date 2024-11-30 and the payment date 2024-11-30 are outside the 2027 cohort, whose milestones fall between 2027 and 2031: check the dates, the milestone is imported as it is',
};

describe('importCohortSetup with the DfE fixture files', () => {
  it('sets up cohort 2027 for Ambition Institute, as the DfE spec expects', async () => {
    const ambition = await createLeadProvider({ name: 'Ambition Institute' });
    const before = await setupCounts();

    const result = await importCohortSetup(policy, { files: fixtureFiles(), mode: 'apply' });

    expect(result.applied).toBe(true);
    expect(result.problems).toEqual([]);
    // Its 2024 milestones for the 2027 cohort are imported as they are, with a warning naming the file and line.
    expect(result.warnings).toEqual([FIXTURE_MILESTONE_WARNING]);
    expect(result.counts).toEqual({
      cohorts: created(1),
      cohortLeadProviders: created(1),
      contracts: created(1),
      mentorContracts: created(1),
      schedules: created(1),
      milestones: created(1),
      statements: created(1),
    });
    const after = await setupCounts();
    expect(after.cohorts - before.cohorts).toBe(1);

    const cohort = await db().cohort.findUniqueOrThrow({ where: { startYear: 2027 } });
    expect(cohort).toMatchObject({
      registrationStartDate: day('2027-05-10'),
      academicYearStartDate: day('2027-09-01'),
      automaticAssignmentPeriodEndDate: day('2027-03-31'),
      paymentsFrozenAt: null,
      mentorFunding: true,
      detailedEvidenceTypes: true,
    });
    expect(await db().leadProviderCohort.count({ where: { leadProviderId: ambition.id, cohortId: cohort.id } })).toBe(1);

    const contract = await db().callOffContract.findFirstOrThrow({ where: { leadProviderId: ambition.id, cohortId: cohort.id }, include: { bands: { orderBy: { perParticipant: 'asc' } } } });
    expect(contract.version).toBe('0.0.1');
    expect(contract.recruitmentTarget).toBe(4600);
    expect(contract.revisedTarget).toBe(4790);
    expect(contract.upliftTarget?.toString()).toBe('0.44');
    expect(contract.upliftAmount?.toString()).toBe('200');
    expect(contract.bands.map((b) => [b.min, b.max, b.perParticipant.toString(), b.outputPaymentPercentage, b.serviceFeePercentage])).toEqual([
      [0, 2000, '91', 60, 40],
      [2001, 4000, '200', 60, 40],
      [4001, 4600, '300', 60, 40],
      [4601, 4790, '400', 100, 0],
    ]);

    const mentorContract = await db().mentorCallOffContract.findFirstOrThrow({ where: { leadProviderId: ambition.id, cohortId: cohort.id } });
    expect(mentorContract.recruitmentTarget).toBe(4600);
    expect(mentorContract.paymentPerParticipant.toString()).toBe('1000');

    const schedule = await db().schedule.findFirstOrThrow({ where: { cohortId: cohort.id }, include: { milestones: true } });
    expect(schedule).toMatchObject({ name: 'ECF Standard September', scheduleIdentifier: 'ecf-standard-september', type: 'ecf' });
    expect(schedule.milestones).toEqual([
      expect.objectContaining({ name: 'Output 1 - Participant Start', declarationType: 'started', startDate: day('2024-09-01'), milestoneDate: day('2024-11-30'), paymentDate: day('2024-11-30') }),
    ]);

    const statement = await db().statement.findFirstOrThrow({ where: { cohortId: cohort.id } });
    expect(statement).toMatchObject({
      name: 'September 2027',
      cpdLeadProviderId: ambition.cpdLeadProviderId,
      deadlineDate: day('2027-09-01'),
      paymentDate: day('2027-11-25'),
      outputFee: true,
      state: 'open',
      contractVersion: '0.0.1',
      mentorContractVersion: '0.0.1',
    });

    // One event for the import, one per record written (statements and milestones grouped by cohort and schedule).
    const summary = await db().auditEvent.findFirstOrThrow({ where: { action: 'cohort_setup.imported' } });
    expect(summary.actorLabel).toBe('policy@example.com');
    expect(summary.after).toMatchObject({
      files: expect.arrayContaining([{ kind: 'contract', file: 'contract_csv_data.csv', rows: 1 }]),
      counts: { contracts: created(1), schedules: created(1), milestones: created(1) },
    });
    expect(after.auditEvents - before.auditEvents).toBe(1 + 6);
    const cohortEvent = await db().auditEvent.findFirstOrThrow({ where: { action: 'cohort.created', subjectId: cohort.id } });
    expect(cohortEvent.reason).toBe('Cohort setup import: cohort_csv_data.csv, line 2');
    const statementsEvent = await db().auditEvent.findFirstOrThrow({ where: { action: 'statement.created', subjectId: cohort.id } });
    expect(statementsEvent.after).toMatchObject({ cohort: 2027, statements: [{ line: 2, name: 'September 2027', leadProviders: ['Ambition Institute'], state: 'open' }] });
    const scheduleEvent = await db().auditEvent.findFirstOrThrow({ where: { action: 'schedule.created', subjectId: schedule.id } });
    expect(scheduleEvent.after).toMatchObject({ name: 'ECF Standard September', milestones: [{ declarationType: 'started', startDate: '2024-09-01T00:00:00.000Z' }] });
  });

  it('reports everything unchanged and changes nothing when the same files are imported again', async () => {
    await createLeadProvider({ name: 'Ambition Institute' });
    await importCohortSetup(policy, { files: fixtureFiles(), mode: 'apply' });
    const before = await setupCounts();

    const again = await importCohortSetup(policy, { files: fixtureFiles(), mode: 'apply' });

    expect(again.problems).toEqual([]);
    expect(again.counts).toEqual({
      cohorts: unchanged(1),
      cohortLeadProviders: unchanged(1),
      contracts: unchanged(1),
      mentorContracts: unchanged(1),
      schedules: unchanged(1),
      milestones: unchanged(1),
      statements: unchanged(1),
    });
    // The DfE's fixture has 2024 milestones in its 2027 schedule: imported, with a warning each time.
    expect(again.warnings).toEqual([FIXTURE_MILESTONE_WARNING]);
    // Only the record that the import ran.
    expect(await setupCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
  });

  it('writes nothing at all when only the statements file, the last one applied, has an error', async () => {
    await createLeadProvider({ name: 'Ambition Institute' });
    const before = await setupCounts();
    const statement = { name: 'statement_csv_data.csv', content: 'type,name,cohort,deadline_date,payment_date,output_fee\necf,September 2027,2027,2027-09-01,2027-11-31,true\n' };

    const error = await importCohortSetup(policy, { files: { ...fixtureFiles(), statement }, mode: 'apply' }).catch((e: unknown) => e);

    expect((error as ImportRefused).problems).toEqual([
      { file: 'statement_csv_data.csv', line: 2, column: 'payment_date', message: '"2027-11-31" is not a date: enter a date as YYYY-MM-DD, like 2027-09-01' },
    ]);
    expect(await db().cohort.findUnique({ where: { startYear: 2027 } })).toBeNull();
    expect(await setupCounts()).toEqual(before);
    expect(before).toMatchObject({ cohorts: 0, links: 0, contracts: 0, bands: 0, mentorContracts: 0, schedules: 0, milestones: 0, statements: 0, auditEvents: 0 });
  });

  it('previews exactly what an apply would do and writes nothing', async () => {
    await createLeadProvider({ name: 'Ambition Institute' });
    const before = await setupCounts();

    const preview = await importCohortSetup(policy, { files: fixtureFiles() });

    expect(preview).toMatchObject({ mode: 'preview', applied: false, problems: [] });
    expect(preview.counts.statements).toEqual(created(1));
    expect(preview.files.find((file) => file.kind === 'contract')?.items).toEqual([
      { line: 2, kind: 'contracts', outcome: 'created', record: 'Call-off contract for Ambition Institute, cohort 2027', note: '4 bands' },
    ]);
    expect(preview.files.find((file) => file.kind === 'statement')?.items).toEqual([
      { line: 2, kind: 'statements', outcome: 'created', record: 'September 2027 statement for Ambition Institute, cohort 2027' },
    ]);
    expect(await setupCounts()).toEqual(before);

    const applied = await importCohortSetup(policy, { files: fixtureFiles(), mode: 'apply' });
    expect(applied.files).toEqual(preview.files);
  });

  it('checks again against the database as it is when applying, not as it was at the preview', async () => {
    const ambition = await createLeadProvider({ name: 'Ambition Institute' });
    const preview = await importCohortSetup(policy, { files: fixtureFiles() });
    expect(preview.counts.contracts).toEqual(created(1));

    // Meanwhile someone else sets up the cohort and a contract for it.
    const cohort = await db().cohort.create({
      data: { startYear: 2027, registrationStartDate: day('2027-05-10'), academicYearStartDate: day('2027-09-01'), automaticAssignmentPeriodEndDate: day('2027-03-31'), mentorFunding: true, detailedEvidenceTypes: true },
    });
    await db().leadProviderCohort.create({ data: { leadProviderId: ambition.id, cohortId: cohort.id } });
    await db().callOffContract.create({ data: { leadProviderId: ambition.id, cohortId: cohort.id, version: '0.0.2', recruitmentTarget: 100 } });

    const applied = await importCohortSetup(policy, { files: fixtureFiles(), mode: 'apply' });

    expect(applied.counts).toMatchObject({ cohorts: unchanged(1), cohortLeadProviders: unchanged(1), contracts: unchanged(1), statements: created(1) });
    expect(applied.warnings).toEqual([
      {
        file: 'contract_csv_data.csv',
        line: 2,
        message: 'Ambition Institute already has a call-off contract (version 0.0.2) for cohort 2027 that differs from this row: imports never change contracts, so this row is not applied',
      },
      FIXTURE_MILESTONE_WARNING,
    ]);
    expect(await db().callOffContract.count()).toBe(1);
  });

  it('refuses finance users and writes nothing', async () => {
    await createLeadProvider({ name: 'Ambition Institute' });
    const before = await setupCounts();

    for (const mode of ['preview', 'apply']) {
      await expect(importCohortSetup(userContext('finance'), { files: fixtureFiles(), mode })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await setupCounts()).toEqual(before);
  });

  it('refuses a request without files', async () => {
    await expect(importCohortSetup(policy, { files: {} })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: [{ field: 'files', message: 'Choose at least one file' }],
    });
  });
});

describe('importCohortSetup with files that have mistakes', () => {
  const expectedProblems = [
    { file: 'cohort_csv_data.csv', line: 2, column: 'academic-year-start-date', message: '"2028-13-01" is not a date: enter a date as YYYY-MM-DD, like 2027-09-01' },
    { file: 'cohort_csv_data.csv', line: 2, column: 'mentor-funding', message: '"yes" is not true or false: enter true or false in lower case' },
    { file: 'cohort_csv_data.csv', line: 4, column: 'start-year', message: 'Cohort 2029 is already on line 3' },
    {
      file: 'cohort_lead_provider_csv_data.csv',
      line: 3,
      column: 'lead-provider-name',
      message: 'There is no lead provider called "Ambitoin Institute". The lead providers are: Ambition Institute, Teach First',
    },
    { file: 'cohort_lead_provider_csv_data.csv', line: 4, column: 'cohort-start-year', message: 'There is no cohort 2031: add it to the cohort file or create it first' },
    { file: 'contract_csv_data.csv', line: 2, column: 'revised-target', message: 'This cell is blank: enter a whole number' },
    { file: 'contract_csv_data.csv', line: 2, column: 'band-b-max', message: '"x" is not a whole number' },
    { file: 'contract_csv_data.csv', line: 3, column: 'lead-provider-name', message: 'Teach First is not linked to cohort 2029: add them to the cohort-lead-provider file' },
    { file: 'contract_csv_data.csv', line: 4, column: 'set-up-fee', message: '"12.345" is not an amount in pounds: enter an amount like 1234.56' },
    { file: 'contract_csv_data.csv', line: 4, column: 'band-d-per-participant', message: 'Band D needs a min, a max and a per-participant amount, or none of them' },
    { file: 'contract_csv_data.csv', line: 4, column: 'lead-provider-name', message: 'A contract for Ambition Institute in cohort 2029 is already on line 2' },
    { file: 'mentor_contract_csv_data.csv', line: 1, column: 'payment-per-participant', message: 'The "payment-per-participant" column is missing from the header row' },
    { file: 'schedule_csv_data.csv', line: 2, column: 'type', message: 'Invalid schedule type "ecf_foo": use ecf_standard, ecf_reduced, ecf_extended, ecf_replacement' },
    {
      file: 'schedule_csv_data.csv',
      line: 3,
      column: 'milestone-declaration-type',
      message: '"retained-5" is not allowed: use one of started, retained-1, retained-2, retained-3, retained-4, completed, extended-1, extended-2, extended-3',
    },
    { file: 'schedule_csv_data.csv', line: 4, column: 'milestone-start-date', message: 'This cell is blank: enter a date, like 2027-09-01' },
    { file: 'statement_csv_data.csv', line: 2, column: 'cohort', message: 'There is no cohort 2030: add it to the cohort file or create it first' },
    { file: 'statement_csv_data.csv', line: 3, column: 'output_fee', message: '"yes" is not true or false: enter true or false in lower case' },
  ];
  const expectedWarnings = [
    {
      file: 'statement_csv_data.csv',
      line: 4,
      column: 'deadline_date',
      message: 'The deadline 2029-12-31 is after the payment date 2029-11-25: check the dates, the statement is imported as they are',
    },
    {
      file: 'statement_csv_data.csv',
      line: 4,
      column: 'cohort',
      message: 'No lead provider has a call-off contract for cohort 2029, so no November 2029 statement is made',
    },
    { file: 'statement_csv_data.csv', line: 5, column: 'type', message: 'Only ecf statements are imported: this npq row is left out' },
  ];

  it('reports every problem with its file, line and column, and writes nothing', async () => {
    await createLeadProvider({ name: 'Ambition Institute' });
    await createLeadProvider({ name: 'Teach First' });
    const before = await setupCounts();

    const error = await importCohortSetup(policy, { files: fixtureFiles('with-errors'), mode: 'apply' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ImportRefused);
    const refused = error as ImportRefused;
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toBe('The files have 17 problems, so nothing was imported. Correct them and import again.');
    expect(refused.problems).toEqual(expectedProblems);
    expect(refused.fieldErrors[0]).toEqual({ field: 'cohort_csv_data.csv, line 2, academic-year-start-date', message: expectedProblems[0].message });
    // Cohort 2029 was fine and came before the mistakes: it is not kept either.
    expect(await setupCounts()).toEqual(before);
    expect(await db().auditEvent.count()).toBe(0);
  });

  it('lists the same problems in a preview', async () => {
    await createLeadProvider({ name: 'Ambition Institute' });
    await createLeadProvider({ name: 'Teach First' });

    const preview = await importCohortSetup(policy, { files: fixtureFiles('with-errors') });

    expect(preview.problems).toEqual(expectedProblems);
    expect(preview.warnings).toEqual(expectedWarnings);
    expect(preview.files.find((file) => file.kind === 'statement')?.items).toEqual([]);
    expect(await db().cohort.count()).toBe(0);
  });
});
