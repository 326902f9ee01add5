// The cohort-lead-provider file: which lead providers are contracted for which cohorts. A pair that is
// already linked is left as it is.
import { readCells } from '../../../reports/csv/read-cells.js';
import { FirstSeen, type ImportRun, type UploadedCsv } from './import-run.js';

export const COHORT_LEAD_PROVIDER_HEADERS = ['lead-provider-name', 'cohort-start-year'] as const;

export async function importCohortLeadProviderFile(run: ImportRun, upload: UploadedCsv): Promise<void> {
  const { rows, log } = run.open('cohortLeadProvider', upload, COHORT_LEAD_PROVIDER_HEADERS);
  const seen = new FirstSeen<string>();
  for (const row of rows) {
    const cells = readCells(row);
    const name = cells.text('lead-provider-name', { required: true });
    const startYear = cells.integer('cohort-start-year', { required: true, min: 2020, max: 2100 });
    if (name && startYear) {
      const earlier = seen.earlier(`${name}|${startYear}`, row.line);
      if (earlier !== undefined) cells.problem(undefined, `${name} and cohort ${startYear} are already on line ${earlier}`);
    }
    const leadProvider = name ? await run.findLeadProvider(cells, 'lead-provider-name', name) : null;
    const cohort = startYear ? await run.findCohort(cells, 'cohort-start-year', startYear) : null;
    if (!run.accept(cells) || !leadProvider || !cohort) continue;

    const record = `${leadProvider.name} in cohort ${startYear}`;
    if (await run.isLinked(leadProvider, cohort)) {
      await log.add({ line: row.line, outcome: 'unchanged', record, note: 'Already linked' });
      continue;
    }
    const link = await run.tx.leadProviderCohort.create({ data: { leadProviderId: leadProvider.id, cohortId: cohort.id } });
    await run.rememberLink(leadProvider.id, cohort.id);
    await log.add(
      { line: row.line, outcome: 'created', record },
      {
        action: 'lead_provider_cohort.created',
        subjectType: 'LeadProviderCohort',
        subjectId: link.id,
        after: { leadProvider: leadProvider.name, cohort: startYear },
      },
    );
  }
}
