// The payment breakdown at the top of a statement, with the DfE's row labels: the presented (to the
// penny, reconciled) figures of src/reports/statements/presented-statement.ts.
import type { Decimal } from './decimal.js';
import type { PresentedStatement } from './presented-statement.js';

export const ECF_STATEMENT_TITLE = 'Initial teacher training and early career framework (ITTECF)';
export const ECT_MENTOR_STATEMENT_TITLE = 'Early career teacher programme: financial statements';

export interface SummaryRow {
  label: string;
  amount: Decimal;
}

export interface StatementSummary {
  title: string;
  /** The breakdown rows, then "Total (excluding VAT)" and "VAT": each the sum of the rounded lines behind it. */
  rows: SummaryRow[];
  totalExVat: Decimal;
  vat: Decimal;
  /** What the statement pays, VAT included ("Total £…"): total excluding VAT plus VAT. */
  total: Decimal;
}

export function statementSummary(presented: PresentedStatement): StatementSummary {
  const { headline } = presented;
  return {
    title: presented.title,
    rows: [
      ...presented.summaryRows,
      { label: 'Total (excluding VAT)', amount: headline.totalExVat },
      { label: 'VAT', amount: headline.vat },
    ],
    totalExVat: headline.totalExVat,
    vat: headline.vat,
    total: headline.total,
  };
}
