import { beforeEach, describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { importCohortSetup, type CohortSetupImportResult } from '../../../src/actions/cohorts/import-cohort-setup.js';
import type { CohortSetupFileKind } from '../../../src/actions/cohorts/cohort-setup/import-run.js';
import { createCohort, createLeadProvider, createSchedule, createStatement, userContext } from '../../support/factories.js';
import { csv, emptySetupTables } from './cohort-setup-files.js';

const policy = userContext('policy');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoDaysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const itemsOf = (result: CohortSetupImportResult, kind: CohortSetupFileKind) => result.files.find((file) => file.kind === kind)?.items;

const COHORT_HEADER = 'start-year,registration-start-date,academic-year-start-date,automatic-assignment-period-end-date,payments-frozen-at,mentor-funding,detailed-evidence-types';
const CONTRACT_HEADER =
  'lead-provider-name,cohort-start-year,uplift-target,uplift-amount,recruitment-target,revised-target,set-up-fee,monthly-service-fee,band-a-min,band-a-max,band-a-per-participant,band-b-min,band-b-max,band-b-per-participant,band-c-min,band-c-max,band-c-per-participant,band-d-min,band-d-max,band-d-per-participant';
const SCHEDULE_HEADER = 'type,schedule-identifier,schedule-name,schedule-cohort-year,milestone-name,milestone-declaration-type,milestone-start-date,milestone-date,milestone-payment-date';
const STATEMENT_HEADER = 'type,name,cohort,deadline_date,payment_date,output_fee';

beforeEach(emptySetupTables);

describe('cohort file', () => {
  it('updates an existing cohort to the file, defaulting a blank assignment end to 31 March of the next year', async () => {
    const cohort = await createCohort(2026, { mentorFunding: true, automaticAssignmentPeriodEndDate: day('2027-04-30') });

    const result = await importCohortSetup(policy, {
      files: { cohort: csv('cohorts.csv', COHORT_HEADER, '2026,2026-6-1,2026/09/01,,,,true') },
      mode: 'apply',
    });

    expect(itemsOf(result, 'cohort')).toEqual([
      {
        line: 2,
        kind: 'cohorts',
        outcome: 'updated',
        record: 'Cohort 2026',
        note: 'registration start date 2026-05-10 → 2026-06-01; automatic assignment period end date 2027-04-30 → 2027-03-31; mentor funding true → false',
      },
    ]);
    expect(await db().cohort.findUniqueOrThrow({ where: { id: cohort.id } })).toMatchObject({
      registrationStartDate: day('2026-06-01'),
      automaticAssignmentPeriodEndDate: day('2027-03-31'),
      mentorFunding: false,
      detailedEvidenceTypes: true,
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'cohort.updated', subjectId: cohort.id } });
    expect(event.before).toEqual({ registrationStartDate: '2026-05-10T00:00:00.000Z', automaticAssignmentPeriodEndDate: '2027-04-30T00:00:00.000Z', mentorFunding: true });
  });
});

describe('contract files', () => {
  it('never changes an existing contract, and makes band D only when it is complete', async () => {
    const cohort = await createCohort(2026);
    const ambition = await createLeadProvider({ name: 'Ambition Institute', cohorts: [cohort] });
    const teachFirst = await createLeadProvider({ name: 'Teach First', cohorts: [cohort] });
    await db().callOffContract.create({ data: { leadProviderId: ambition.id, cohortId: cohort.id, version: '0.0.2', recruitmentTarget: 100 } });

    const result = await importCohortSetup(policy, {
      files: {
        contract: csv(
          'contracts.csv',
          CONTRACT_HEADER,
          'Ambition Institute,2026,0.33,100,2000,2040,0,,0,10,995,11,20,979,21,30,966,,,',
          'Teach First,2026,,,"2,000",2040,"£1,234.50",,,10,995,11,20,979,21,30,966,,,',
        ),
      },
      mode: 'apply',
    });

    expect(itemsOf(result, 'contract')).toEqual([
      { line: 2, kind: 'contracts', outcome: 'unchanged', record: 'Call-off contract for Ambition Institute, cohort 2026' },
      { line: 3, kind: 'contracts', outcome: 'created', record: 'Call-off contract for Teach First, cohort 2026', note: '3 bands' },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([
      {
        file: 'contracts.csv',
        line: 2,
        message: 'Ambition Institute already has a call-off contract (version 0.0.2) for cohort 2026 that differs from this row: imports never change contracts, so this row is not applied',
      },
    ]);
    const contract = await db().callOffContract.findFirstOrThrow({ where: { leadProviderId: teachFirst.id }, include: { bands: true } });
    expect(contract).toMatchObject({ recruitmentTarget: 2000, upliftTarget: null, upliftAmount: null, monthlyServiceFee: null });
    expect(contract.setUpFee.toString()).toBe('1234.5');
    expect(contract.bands.map((band) => band.min)).toEqual(expect.arrayContaining([null, 11, 21]));
    expect(contract.bands).toHaveLength(3);
    expect(await db().callOffContract.count({ where: { leadProviderId: ambition.id } })).toBe(1);
  });

  it('refuses a contract for a lead provider not linked to the cohort, unless this import links them', async () => {
    await createCohort(2026);
    await createLeadProvider({ name: 'Capita' });
    const row = 'Capita,2026,,,2000,2040,0,,0,10,995,11,20,979,21,30,966,,,';

    const refused = await importCohortSetup(policy, { files: { contract: csv('contracts.csv', CONTRACT_HEADER, row) } });
    expect(refused.problems).toEqual([
      { file: 'contracts.csv', line: 2, column: 'lead-provider-name', message: 'Capita is not linked to cohort 2026: add them to the cohort-lead-provider file' },
    ]);

    const linked = await importCohortSetup(policy, {
      files: {
        cohortLeadProvider: csv('links.csv', 'lead-provider-name,cohort-start-year', 'Capita,2026'),
        contract: csv('contracts.csv', CONTRACT_HEADER, row),
      },
    });
    expect(linked.problems).toEqual([]);
    expect([linked.counts.cohortLeadProviders.created, linked.counts.contracts.created]).toEqual([1, 1]);
  });
});

describe('schedule file', () => {
  it('maps replacement schedules to mentors, renames schedules, and adds a milestone whose dates changed beside the old one', async () => {
    const cohort = await createCohort(2026);
    const existing = await createSchedule(cohort, 'ecf-standard-september');

    const result = await importCohortSetup(policy, {
      files: {
        schedule: csv(
          'schedules.csv',
          SCHEDULE_HEADER,
          'ecf_standard,ecf-standard-september,ECF Standard September,2026,Output 1 - Participant Start,started,2026-06-01,,',
          'ecf_standard,ecf-standard-september,ECF Standard September,2026,Output 2 - Retention Point 1,retained-1,2026-06-01,2027-01-31,2027-02-28',
          'ecf_replacement,ecf-replacement-april,ECF Replacement April,2026,Output 1 - Participant Start,started,2027/04/01,,',
        ),
      },
      mode: 'apply',
    });

    expect(itemsOf(result, 'schedule')).toEqual([
      {
        line: 2,
        kind: 'schedules',
        outcome: 'updated',
        record: 'Schedule ECF Standard September, ecf-standard-september (cohort 2026)',
        note: 'name "ECF standard september" → "ECF Standard September"',
      },
      { line: 2, kind: 'milestones', outcome: 'unchanged', record: 'ECF Standard September, ecf-standard-september (cohort 2026): Output 1 - Participant Start' },
      {
        line: 3,
        kind: 'milestones',
        outcome: 'created',
        record: 'ECF Standard September, ecf-standard-september (cohort 2026): Output 2 - Retention Point 1',
        note: 'The schedule already has a retained-1 milestone with other values ("Output 2 - Retention Point 1" starting 2026-06-01, milestone date blank, payment date blank); both are kept',
      },
      { line: 4, kind: 'schedules', outcome: 'created', record: 'Schedule ECF Replacement April, ecf-replacement-april (cohort 2026)' },
      { line: 4, kind: 'milestones', outcome: 'created', record: 'ECF Replacement April, ecf-replacement-april (cohort 2026): Output 1 - Participant Start' },
    ]);
    expect(result.counts).toMatchObject({ schedules: { created: 1, updated: 1, unchanged: 0 }, milestones: { created: 2, updated: 0, unchanged: 1 } });
    const renamed = await db().auditEvent.findFirstOrThrow({ where: { action: 'schedule.updated', subjectId: existing.id } });
    expect(renamed).toMatchObject({ before: { name: 'ECF standard september' }, after: { name: 'ECF Standard September' }, reason: 'Cohort setup import: schedules.csv, line 2' });
    expect(await db().schedule.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ name: 'ECF Standard September' });
    expect(await db().milestone.count({ where: { scheduleId: existing.id, declarationType: 'retained_1' } })).toBe(2);
    const replacement = await db().schedule.findFirstOrThrow({ where: { scheduleIdentifier: 'ecf-replacement-april' }, include: { milestones: true } });
    expect(replacement.type).toBe('mentor');
    expect(replacement.milestones).toEqual([expect.objectContaining({ declarationType: 'started', startDate: day('2027-04-01'), milestoneDate: null })]);
  });
});

describe('statement file', () => {
  it('makes one statement per contracted lead provider, in the state its dates give, carrying on the latest contract version', async () => {
    const cohort = await createCohort(2026);
    const ambition = await createLeadProvider({ name: 'Ambition Institute', cohorts: [cohort] });
    const capita = await createLeadProvider({ name: 'Capita', cohorts: [cohort] });
    await createLeadProvider({ name: 'Not Contracted', cohorts: [cohort] });
    for (const lp of [ambition, capita]) await db().callOffContract.create({ data: { leadProviderId: lp.id, cohortId: cohort.id, recruitmentTarget: 100 } });
    await createStatement(ambition, cohort, { name: 'Old', paymentDate: day('2026-01-25'), contractVersion: '0.0.2' });
    await createStatement(ambition, cohort, { name: 'Newest', paymentDate: day('2026-03-25'), contractVersion: '0.0.3', mentorContractVersion: '0.0.2' });
    await createStatement(capita, cohort, { name: 'Already there', paymentDate: day('2026-03-25') });

    const result = await importCohortSetup(policy, {
      files: {
        statement: csv(
          'statements.csv',
          STATEMENT_HEADER,
          `ecf,Paid one,2026,${isoDaysFromToday(-40)},${isoDaysFromToday(-10)},true`,
          `ECF,Payable one,2026,${isoDaysFromToday(-10)},${isoDaysFromToday(10)},false`,
          `ecf,Open one,2026,${isoDaysFromToday(10)},${isoDaysFromToday(40)},true`,
          `ecf,Already there,2026,${isoDaysFromToday(10)},${isoDaysFromToday(40)},true`,
        ),
      },
      mode: 'apply',
    });

    expect(result.problems).toEqual([]);
    const made = await db().statement.findMany({
      where: { name: { in: ['Paid one', 'Payable one', 'Open one'] } },
      include: { cpdLeadProvider: true },
      orderBy: [{ name: 'asc' }],
    });
    expect(made.map((s) => [s.name, s.cpdLeadProvider.name, s.state, s.contractVersion, s.mentorContractVersion, s.outputFee])).toEqual(
      expect.arrayContaining([
        ['Paid one', 'Ambition Institute', 'paid', '0.0.3', '0.0.2', true],
        ['Paid one', 'Capita', 'paid', '0.0.1', '0.0.1', true],
        ['Payable one', 'Ambition Institute', 'payable', '0.0.3', '0.0.2', false],
        ['Open one', 'Capita', 'open', '0.0.1', '0.0.1', true],
      ]),
    );
    expect(made).toHaveLength(6);
    expect(itemsOf(result, 'statement')?.filter((item) => item.record.startsWith('Already there'))).toEqual([
      { line: 5, kind: 'statements', outcome: 'created', record: 'Already there statement for Ambition Institute, cohort 2026' },
      { line: 5, kind: 'statements', outcome: 'unchanged', record: 'Already there statement for Capita, cohort 2026' },
    ]);
    expect(result.warnings).toEqual([
      {
        file: 'statements.csv',
        line: 5,
        message: 'The Already there statement for Capita already exists with other dates or output fee: imports never change statements, so it is left as it is',
      },
    ]);
  });
});

describe('any subset of files', () => {
  it('imports a statement file alone against cohorts and contracts already in the database', async () => {
    const cohort = await createCohort(2026);
    const ambition = await createLeadProvider({ name: 'Ambition Institute', cohorts: [cohort] });
    await db().callOffContract.create({ data: { leadProviderId: ambition.id, cohortId: cohort.id, recruitmentTarget: 100 } });

    const result = await importCohortSetup(policy, {
      files: { statement: csv('statements.csv', STATEMENT_HEADER, 'ecf,December 2026,2026,2026-11-30,2026-12-25,false') },
      mode: 'apply',
    });

    expect(result.files.map((file) => file.kind)).toEqual(['statement']);
    expect(result.counts.statements).toEqual({ created: 1, updated: 0, unchanged: 0 });
  });
});
