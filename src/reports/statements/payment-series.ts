// Output payment and total of each of a lead provider's statements in a cohort, in payment order: the
// Statements page's chart. Each statement is calculated as its own page shows it.
import { asActionError } from '../../rules/action-error.js';
import { calculateStatement } from './calculate-statement.js';
import { listStatements } from './find-statements.js';
import { headlineJson, statementHeadline } from './headline-figures.js';

export interface StatementPayments {
  id: string;
  name: string;
  /** Pounds to the penny, as decimal strings. */
  outputFee: string;
  total: string;
}

export async function statementPaymentSeries(cpdLeadProviderId: string, cohortStartYear: number): Promise<StatementPayments[]> {
  const statements = (await listStatements(cpdLeadProviderId, cohortStartYear)).sort((a, b) => a.paymentDate.localeCompare(b.paymentDate));
  const series: StatementPayments[] = [];
  for (const statement of statements) {
    try {
      const { outputFee, total } = headlineJson(statementHeadline(await calculateStatement(statement.id)));
      series.push({ id: statement.id, name: statement.name, outputFee, total });
    } catch (error) {
      // A statement without its contract cannot be calculated; its own page says why.
      if (!asActionError(error)) throw error;
    }
  }
  return series;
}
