// The payment breakdown at the top of a statement, with the DfE's row labels.
import { Decimal } from './decimal.js';
import type { EcfStatementResult } from './ecf-calculator.js';
import type { MentorStatementResult } from './mentor-calculator.js';

export const ECF_STATEMENT_TITLE = 'Initial teacher training and early career framework (ITTECF)';
export const ECT_MENTOR_STATEMENT_TITLE = 'Early career teacher programme: financial statements';

export interface SummaryRow {
  label: string;
  amount: Decimal;
}

export interface StatementSummary {
  title: string;
  rows: SummaryRow[];
  vat: Decimal;
  /** What the statement pays, VAT included ("Total £…"). */
  total: Decimal;
}

/** A statement of a cohort without mentor funding. */
export function ecfSummary(ecf: EcfStatementResult): StatementSummary {
  return {
    title: ECF_STATEMENT_TITLE,
    rows: [
      { label: 'Output payment', amount: ecf.outputFee },
      { label: 'Service fee', amount: ecf.serviceFee },
      { label: 'Uplift fees', amount: ecf.uplift.totalForUplift },
      { label: 'Clawbacks', amount: ecf.adjustmentsTotal },
      { label: 'Additional adjustments', amount: ecf.additionalAdjustmentsTotal },
      { label: 'VAT', amount: ecf.vat },
    ],
    vat: ecf.vat,
    total: ecf.totalWithVat,
  };
}

/** A 2025+ statement: the ECT and mentor engines side by side, each total carrying its own VAT. */
export function ectMentorSummary(ect: EcfStatementResult, mentor: MentorStatementResult): StatementSummary {
  const vat = ect.vat.plus(mentor.vat);
  return {
    title: ECT_MENTOR_STATEMENT_TITLE,
    rows: [
      { label: 'ECTs output payment', amount: ect.outputFee },
      { label: 'Mentors output payment', amount: mentor.outputFee },
      { label: 'Service fee', amount: ect.serviceFee },
      { label: 'ECT clawbacks', amount: ect.adjustmentsTotal },
      { label: 'Mentor clawbacks', amount: mentor.adjustmentsTotal },
      { label: 'Additional adjustments', amount: ect.additionalAdjustmentsTotal },
      { label: 'VAT', amount: vat },
    ],
    vat,
    total: ect.totalWithVat.plus(mentor.totalWithVat),
  };
}
