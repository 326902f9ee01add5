// The "Cohort setup" page: the six DfE files (any of them), a preview of what each kind of record would
// get, every change and every problem, then apply. Applying runs the whole import again against the
// database as it is then, so anything that changed since the preview is checked too.
import { csvText } from '../../reports/csv/csv-lines.js';
import { importCohortSetup, type CohortSetupImportResult } from '../../actions/cohorts/import-cohort-setup.js';
import { resultEvenIfRefused } from '../../actions/imports/import-refused.js';
import { RECORD_KINDS_OF_FILE, type RecordKind } from '../../actions/cohorts/cohort-setup/import-run.js';
import type { ImportPage } from './import-action.js';
import type { ImportView } from './import-view.js';

const HEADING = 'Cohort setup';

const FILES = [
  ['cohort', 'Cohort (cohort_csv_data.csv)'],
  ['cohortLeadProvider', 'Lead providers in the cohort (cohort_lead_provider_csv_data.csv)'],
  ['contract', 'Call-off contracts (contract_csv_data.csv)'],
  ['mentorContract', 'Mentor call-off contracts (mentor_contract_csv_data.csv)'],
  ['schedule', 'Schedules and milestones (schedule_csv_data.csv)'],
  ['statement', 'Statements (statement_csv_data.csv)'],
] as const;

const KIND_LABELS: Record<RecordKind, string> = {
  cohorts: 'Cohorts',
  cohortLeadProviders: 'Lead providers in cohorts',
  contracts: 'Call-off contracts',
  mentorContracts: 'Mentor call-off contracts',
  schedules: 'Schedules',
  milestones: 'Milestones',
  statements: 'Statements',
};

export const cohortSetupImport: ImportPage = {
  permission: 'cohorts.import',
  label: 'Cohort setup',
  fields: FILES.map(([name, label]) => ({ name, label, type: 'file' })),
  async run(ctx, { files, mode }) {
    // An apply that finds problems after all (a file or the database changed since the preview) lists them as a preview does.
    return view(await resultEvenIfRefused(importCohortSetup(ctx, { files, mode })));
  },
};

function view(result: CohortSetupImportResult): ImportView {
  const done = result.applied;
  const kinds = result.files.flatMap((file) => RECORD_KINDS_OF_FILE[file.kind]);
  const changes = result.files.flatMap(({ file, items }) =>
    items
      .filter((item) => item.outcome !== 'unchanged')
      .map((item) => ({ file, line: item.line, message: `${item.outcome === 'created' ? 'Create' : 'Update'} ${item.record}${item.note ? ` (${item.note})` : ''}` })),
  );
  const allItems = result.files.flatMap(({ file, items }) => items.map((item) => [file, item.line, KIND_LABELS[item.kind], item.outcome, item.record, item.note ?? '']));
  return {
    applied: done,
    heading: HEADING,
    summary: kinds.map((kind) => {
      const { created, updated, unchanged } = result.counts[kind];
      const counts: Record<string, number> = done ? { created, updated, unchanged } : { 'to create': created, 'to update': updated, unchanged };
      return { label: KIND_LABELS[kind], counts };
    }),
    problems: result.problems,
    warnings: result.warnings,
    lists: [{ title: done ? 'Changes made' : 'Changes to make', items: changes }],
    downloads: allItems.length
      ? [{
          label: `Download every record of the files and what ${done ? 'happened' : 'would happen'} to it (CSV)`,
          filename: 'cohort-setup-records.csv',
          csv: csvText(['file', 'line', 'kind', 'outcome', 'record', 'note'], allItems),
        }]
      : [],
  };
}
