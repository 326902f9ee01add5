import type { CellReader } from '../../../reports/csv/read-cells.js';
import type { ImportRun } from './import-run.js';
import type { CohortRecord, LeadProviderRef } from './known-state.js';

type PartyColumn = 'lead-provider-name' | 'cohort-start-year';

/**
 * The lead provider and cohort a contract row is for. As in the DfE's import, the lead provider must be
 * linked to the cohort, by the database or by the cohort-lead-provider file of this import.
 */
export function findContractParties<C extends string>(
  run: ImportRun,
  cells: CellReader<C | PartyColumn>,
  name: string,
  startYear: number,
): { leadProvider: LeadProviderRef; cohort: CohortRecord } | undefined {
  const leadProvider = name ? run.findLeadProvider(cells, 'lead-provider-name', name) : undefined;
  const cohort = startYear ? run.findCohort(cells, 'cohort-start-year', startYear) : undefined;
  if (!leadProvider || !cohort) return undefined;
  if (!run.isLinked(leadProvider, cohort)) {
    cells.problem('lead-provider-name', `${leadProvider.name} is not linked to cohort ${startYear}: add them to the cohort-lead-provider file`);
    return undefined;
  }
  return { leadProvider, cohort };
}
