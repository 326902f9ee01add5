import { importCohortSetup } from '../../actions/cohorts/import-cohort-setup.js';
import { CohortSetupImportRefused } from '../../actions/cohorts/cohort-setup/import-refused.js';
import type { ImportPage } from './import-action.js';

const FILES = [
  ['cohort', 'Cohort (cohort_csv_data.csv)'],
  ['cohortLeadProvider', 'Lead providers in the cohort (cohort_lead_provider_csv_data.csv)'],
  ['contract', 'Call-off contracts (contract_csv_data.csv)'],
  ['mentorContract', 'Mentor call-off contracts (mentor_contract_csv_data.csv)'],
  ['schedule', 'Schedules and milestones (schedule_csv_data.csv)'],
  ['statement', 'Statements (statement_csv_data.csv)'],
] as const;

export const cohortSetupImport: ImportPage = {
  permission: 'cohorts.import',
  label: 'Import cohort set-up',
  fields: FILES.map(([name, label]) => ({ name, label, type: 'file' })),
  async run(ctx, { files, mode }) {
    try {
      const result = await importCohortSetup(ctx, { files, mode });
      return {
        applied: result.applied,
        heading: 'Cohort set-up',
        summary: result.files.map((f) => ({ label: `${f.file} (${f.rows} rows)`, counts: f.counts })),
        problems: result.problems,
        warnings: [],
        downloads: [],
      };
    } catch (error) {
      if (!(error instanceof CohortSetupImportRefused)) throw error;
      return { applied: false, heading: 'Cohort set-up', summary: [], problems: error.problems, warnings: [], downloads: [] };
    }
  },
};
