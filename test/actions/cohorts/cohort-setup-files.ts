// Cohort setup files for tests: the DfE's fixtures, the real calendar, and files written inline.
import { readFileSync } from 'node:fs';
import { db } from '../../../src/db/client.js';
import type { CohortSetupFileKind, UploadedCsv } from '../../../src/actions/cohorts/cohort-setup/import-run.js';
import { createLeadProvider } from '../../support/factories.js';

type Files = Partial<Record<CohortSetupFileKind, UploadedCsv>>;

/** The DfE's importer fixture of each kind of file (test/fixtures/cohort-import), by the import's field for it. */
export const COHORT_FIXTURE_NAMES: Record<CohortSetupFileKind, string> = {
  cohort: 'cohort_csv_data.csv',
  cohortLeadProvider: 'cohort_lead_provider_csv_data.csv',
  contract: 'contract_csv_data.csv',
  mentorContract: 'mentor_contract_csv_data.csv',
  schedule: 'schedule_csv_data.csv',
  statement: 'statement_csv_data.csv',
};

const upload = (url: URL, name: string): UploadedCsv => ({ name, content: readFileSync(url) });

/** The DfE's importer fixtures (test/fixtures/cohort-import), or another set in a folder beneath it. */
export function fixtureFiles(folder = ''): Files {
  const base = new URL(`../../fixtures/cohort-import/${folder}`, import.meta.url);
  return Object.fromEntries(
    Object.entries(COHORT_FIXTURE_NAMES).map(([kind, name]) => [kind, upload(new URL(name, `${base}/`), name)]),
  ) as Files;
}

/** The real calendar (seeds/data) plus links and contracts for the six lead providers from 2021. */
export function calendarFiles(): Files {
  const seeds = new URL('../../../seeds/data/', import.meta.url);
  const fixtures = new URL('../../fixtures/cohort-import/', import.meta.url);
  return {
    cohort: upload(new URL('cohorts.csv', seeds), 'cohorts.csv'),
    cohortLeadProvider: upload(new URL('calendar_cohort_lead_provider_csv_data.csv', fixtures), 'lead-providers.csv'),
    contract: upload(new URL('calendar_contract_csv_data.csv', fixtures), 'contracts.csv'),
    mentorContract: upload(new URL('calendar_mentor_contract_csv_data.csv', fixtures), 'mentor-contracts.csv'),
    schedule: upload(new URL('schedules.csv', seeds), 'schedules.csv'),
    statement: upload(new URL('statements.csv', seeds), 'statements.csv'),
  };
}

export const DFE_LEAD_PROVIDERS = [
  'Ambition Institute',
  'Best Practice Network',
  'Capita',
  'Education Development Trust',
  'Teach First',
  'UCL Institute of Education',
];

export async function createDfeLeadProviders() {
  return Promise.all(DFE_LEAD_PROVIDERS.map((name) => createLeadProvider({ name })));
}

/** Rows in every table the import writes, to show that nothing changed. */
export async function setupCounts() {
  const [cohorts, links, contracts, bands, mentorContracts, schedules, milestones, statements, auditEvents] = await Promise.all([
    db().cohort.count(),
    db().leadProviderCohort.count(),
    db().callOffContract.count(),
    db().participantBand.count(),
    db().mentorCallOffContract.count(),
    db().schedule.count(),
    db().milestone.count(),
    db().statement.count(),
    db().auditEvent.count(),
  ]);
  return { cohorts, links, contracts, bands, mentorContracts, schedules, milestones, statements, auditEvents };
}

export const csv = (name: string, ...lines: string[]): UploadedCsv => ({ name, content: `${lines.join('\n')}\n` });

/** A file with the given header and rows, each row given by column (columns not given are blank). */
export function csvOf<C extends string>(name: string, headers: readonly C[], ...rows: Partial<Record<C, string>>[]): UploadedCsv {
  const cell = (value = '') => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return csv(name, headers.join(','), ...rows.map((row) => headers.map((column) => cell(row[column])).join(',')));
}

/** Each test starts from no cohorts, lead providers or audit events (tests in a file share one database). */
export async function emptySetupTables(): Promise<void> {
  await db().$executeRawUnsafe('TRUNCATE cohorts, cpd_lead_providers, lead_providers, audit_events CASCADE');
}
