// The cohort-lead-provider file: which lead providers are contracted for which cohorts. A pair that is
// already linked is left as it is.
import { randomUUID } from 'node:crypto';
import { readCells } from '../../../reports/csv/read-cells.js';
import { FirstSeen, type FileStep } from './import-run.js';
import type { StoredRow } from './write-rows.js';
import { auditEvents } from '../../audit/events.js';

export const COHORT_LEAD_PROVIDER_HEADERS = ['lead-provider-name', 'cohort-start-year'] as const;

export const cohortLeadProviderFile: FileStep<(typeof COHORT_LEAD_PROVIDER_HEADERS)[number]> = {
  kind: 'cohortLeadProvider',
  headers: COHORT_LEAD_PROVIDER_HEADERS,
  plan(run, rows, log) {
    const seen = new FirstSeen<string>();
    const created: StoredRow[] = [];
    for (const row of rows) {
      const cells = readCells(row);
      const name = cells.text('lead-provider-name', { required: true });
      const startYear = cells.integer('cohort-start-year', { required: true, min: 2020, max: 2100 });
      if (name && startYear) {
        const earlier = seen.earlier(`${name}|${startYear}`, row.line);
        if (earlier !== undefined) cells.problem('lead-provider-name', `${name} and cohort ${startYear} are already on line ${earlier}`);
      }
      const leadProvider = name ? run.findLeadProvider(cells, 'lead-provider-name', name) : undefined;
      const cohort = startYear ? run.findCohort(cells, 'cohort-start-year', startYear) : undefined;
      if (!run.accept(cells) || !leadProvider || !cohort) continue;

      const item = { line: row.line, kind: 'cohortLeadProviders', record: `${leadProvider.name} in cohort ${startYear}` } as const;
      if (run.isLinked(leadProvider, cohort)) {
        log.add({ ...item, outcome: 'unchanged' });
        continue;
      }
      const id = randomUUID();
      created.push({ id, leadProviderId: leadProvider.id, cohortId: cohort.id });
      run.rememberLink(leadProvider, cohort);
      log.add({ ...item, outcome: 'created' });
      run.audit(auditEvents.leadProviderCohortCreated({
        subjectId: id,
        after: { leadProvider: leadProvider.name, cohort: startYear },
        reason: log.reason(row.line),
      }));
    }
    run.insert('lead_provider_cohorts', created, ['createdAt']);
  },
};
