import { beforeEach, describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { importCohortSetup } from '../../../src/actions/cohorts/import-cohort-setup.js';
import { userContext } from '../../support/factories.js';
import { calendarFiles, createDfeLeadProviders, emptySetupTables, setupCounts } from './cohort-setup-files.js';

const policy = userContext('policy');

beforeEach(emptySetupTables);

describe('importCohortSetup with the real ECF calendar', () => {
  it('imports cohorts 2020-2025, their schedules and every lead provider statement in one go, then changes nothing on a re-run', async () => {
    const leadProviders = await createDfeLeadProviders();

    const result = await importCohortSetup(policy, { files: calendarFiles(), mode: 'apply' });

    expect(result.problems).toEqual([]);
    expect(result.applied).toBe(true);
    // The DfE's calendar has ten January statements whose deadline is a year late (a typo): flagged, imported as given.
    expect(result.warnings).toHaveLength(10);
    expect(result.warnings[0]).toEqual({
      file: 'statements.csv',
      line: 16,
      column: 'deadline_date',
      message: 'The deadline 2023-12-31 is after the payment date 2023-01-25: check the dates, the statement is imported as they are',
    });
    const created = (n: number) => ({ created: n, updated: 0, unchanged: 0 });
    expect(result.counts).toEqual({
      cohorts: created(6),
      cohortLeadProviders: created(30),
      contracts: created(30),
      mentorContracts: created(6),
      // 60 schedules (2021-2025) and their 404 milestones.
      schedules: created(60),
      milestones: created(404),
      // 163 ECF statement rows for each of the six lead providers contracted from 2021.
      statements: created(163 * 6),
    });
    const counts = await setupCounts();
    expect(counts).toMatchObject({ cohorts: 6, links: 30, contracts: 30, bands: 30 * 3 + 15, mentorContracts: 6, schedules: 60, milestones: 404, statements: 978 });

    const frozen = await db().cohort.findUniqueOrThrow({ where: { startYear: 2021 } });
    expect(frozen.paymentsFrozenAt).toEqual(new Date('2024-04-03T00:00:00Z'));
    const replacement = await db().schedule.findFirstOrThrow({ where: { scheduleIdentifier: 'ecf-replacement-september', cohort: { startYear: 2024 } } });
    expect(replacement.type).toBe('mentor');
    const first = await db().statement.findFirstOrThrow({
      where: { name: 'November 2021', cpdLeadProviderId: leadProviders[0].cpdLeadProviderId },
    });
    expect(first).toMatchObject({ state: 'paid', outputFee: true, deadlineDate: new Date('2021-11-30T00:00:00Z') });
    // "2022-1-25" in the file is a date like any other.
    const january = await db().statement.findFirstOrThrow({ where: { name: 'January 2022', cohort: { startYear: 2021 } } });
    expect(january.paymentDate).toEqual(new Date('2022-01-25T00:00:00Z'));

    const again = await importCohortSetup(policy, { files: calendarFiles(), mode: 'apply' });
    expect(again.problems).toEqual([]);
    expect(again.counts).toEqual(
      Object.fromEntries(Object.entries(result.counts).map(([kind, counts]) => [kind, { created: 0, updated: 0, unchanged: counts.created }])),
    );
    expect(await setupCounts()).toEqual({ ...counts, auditEvents: counts.auditEvents + 1 });
  });
});
