import type { Cohort } from '@prisma/client';
import type { CellReader } from '../../../reports/csv/read-cells.js';
import type { ImportRun, LeadProviderRef } from './import-run.js';

type PartyColumn = 'lead-provider-name' | 'cohort-start-year';

/**
 * The lead provider and cohort a contract row is for. As in the DfE's import, the lead provider must be
 * linked to the cohort, by the database or by the cohort-lead-provider file of this import.
 */
export async function findContractParties<C extends string>(
  run: ImportRun,
  cells: CellReader<C | PartyColumn>,
  name: string,
  startYear: number,
): Promise<{ leadProvider: LeadProviderRef; cohort: Cohort } | null> {
  const leadProvider = name ? await run.findLeadProvider(cells, 'lead-provider-name', name) : null;
  const cohort = startYear ? await run.findCohort(cells, 'cohort-start-year', startYear) : null;
  if (!leadProvider || !cohort) return null;
  if (!(await run.isLinked(leadProvider, cohort))) {
    cells.problem('lead-provider-name', `${leadProvider.name} is not linked to cohort ${startYear}: add them to the cohort-lead-provider file`);
    return null;
  }
  return { leadProvider, cohort };
}
