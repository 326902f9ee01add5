// The eight figures a statement comes down to, as `statements:show` and `statements:calculate` print them:
// exact from the calculator (ecfHeadline, mentorHeadline), or as presented to the penny (statementHeadline).
import type { StatementCalculation } from './calculate-statement.js';
import { sum, ZERO, type Decimal } from './decimal.js';
import type { EcfStatementResult } from './ecf-calculator.js';
import type { MentorStatementResult } from './mentor-calculator.js';

export interface HeadlineFigures {
  outputFee: Decimal;
  serviceFee: Decimal;
  /** The "Uplift fees" line. */
  upliftFee: Decimal;
  /** The "Clawbacks" line (negative when declarations are clawed back). */
  clawbacks: Decimal;
  /** The "Additional adjustments" line. */
  adjustments: Decimal;
  /** Everything before VAT, the reconcile amount included. */
  totalExVat: Decimal;
  vat: Decimal;
  total: Decimal;
}

export function ecfHeadline(ecf: EcfStatementResult): HeadlineFigures {
  return {
    outputFee: ecf.outputFee,
    serviceFee: ecf.serviceFee,
    upliftFee: ecf.uplift.totalForUplift,
    clawbacks: ecf.adjustmentsTotal,
    adjustments: ecf.additionalAdjustmentsTotal,
    totalExVat: ecf.total,
    vat: ecf.vat,
    total: ecf.totalWithVat,
  };
}

export function mentorHeadline(mentor: MentorStatementResult): HeadlineFigures {
  return {
    outputFee: mentor.outputFee,
    serviceFee: ZERO,
    upliftFee: ZERO,
    clawbacks: mentor.adjustmentsTotal,
    adjustments: ZERO,
    totalExVat: mentor.total,
    vat: mentor.vat,
    total: mentor.totalWithVat,
  };
}

/** A 2025+ statement: its ECT and mentor halves added figure by figure. */
export function combinedHeadline(...parts: HeadlineFigures[]): HeadlineFigures {
  const keys = Object.keys(parts[0]) as (keyof HeadlineFigures)[];
  return Object.fromEntries(keys.map((key) => [key, sum(parts.map((p) => p[key]))])) as unknown as HeadlineFigures;
}

/** Pounds to the penny as decimal strings ("-4932.79", "0.00"), in the order of HeadlineFigures. */
export function headlineJson(figures: HeadlineFigures): Record<keyof HeadlineFigures, string> {
  const penny = (value: Decimal) => {
    const rounded = value.toDecimalPlaces(2);
    return rounded.isZero() ? '0.00' : rounded.toFixed(2);
  };
  return {
    outputFee: penny(figures.outputFee),
    serviceFee: penny(figures.serviceFee),
    upliftFee: penny(figures.upliftFee),
    clawbacks: penny(figures.clawbacks),
    adjustments: penny(figures.adjustments),
    totalExVat: penny(figures.totalExVat),
    vat: penny(figures.vat),
    total: penny(figures.total),
  };
}

export const HEADLINE_LABELS: Record<keyof HeadlineFigures, string> = {
  outputFee: 'Output payment',
  serviceFee: 'Service fee',
  upliftFee: 'Uplift fees',
  clawbacks: 'Clawbacks',
  adjustments: 'Additional adjustments',
  totalExVat: 'Total (excluding VAT)',
  vat: 'VAT',
  total: 'Total',
};

/** A stored statement's figures as every output shows them: to the penny, adding up. */
export function statementHeadline(calculation: Pick<StatementCalculation, 'presented'>): HeadlineFigures {
  return calculation.presented.headline;
}

/** A stored statement's exact (unrounded) figures, whichever engines its cohort uses. */
export function exactStatementHeadline(calculation: StatementCalculation): HeadlineFigures {
  return calculation.kind === 'ecf'
    ? ecfHeadline(calculation.ecf)
    : combinedHeadline(ecfHeadline(calculation.ect), mentorHeadline(calculation.mentor));
}
