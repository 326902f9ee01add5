// The mentor statement engine for cohorts with mentor funding (2025+): only `started` and `completed`
// are paid, each at half the mentor contract's payment per participant; no bands, service fee or uplift.
import { clawbackRow, type ClawbackRow } from './ecf-calculator.js';
import type { LineItemCounts } from './bands.js';
import { Decimal, sum } from './decimal.js';
import { vatOn } from './vat.js';

export const MENTOR_DECLARATION_TYPES = ['started', 'completed'] as const;
export type MentorDeclarationType = (typeof MENTOR_DECLARATION_TYPES)[number];

const MENTOR_OUTPUT_WEIGHT = new Decimal('0.5');

export interface MentorStatementInput {
  paymentPerParticipant: string;
  /** This statement's mentor line items per declaration type. Missing types count 0. */
  lineItems: Partial<Record<MentorDeclarationType, LineItemCounts>>;
  vatChargeable: boolean;
  clawedBackCount: number;
  voidedCount: number;
}

export interface MentorOutputRow {
  declarationType: MentorDeclarationType;
  additions: number;
  subtractions: number;
  fee: Decimal;
  /** additions × fee. */
  payment: Decimal;
  /** subtractions × fee. */
  deductions: Decimal;
}

export interface MentorStatementResult {
  feePerDeclaration: Decimal;
  outputs: MentorOutputRow[];
  counts: { started: number; completed: number; clawedBack: number; voided: number };
  outputFee: Decimal;
  clawbackDeductions: Decimal;
  clawbacks: ClawbackRow[];
  /** "Mentor clawbacks": −clawback deductions. */
  adjustmentsTotal: Decimal;
  total: Decimal;
  vat: Decimal;
  totalWithVat: Decimal;
}

export function calculateMentorStatement(input: MentorStatementInput): MentorStatementResult {
  const fee = MENTOR_OUTPUT_WEIGHT.times(input.paymentPerParticipant);
  const outputs = MENTOR_DECLARATION_TYPES.map((declarationType) => {
    const { billable = 0, refundable = 0 } = input.lineItems[declarationType] ?? {};
    return { declarationType, additions: billable, subtractions: refundable, fee, payment: fee.times(billable), deductions: fee.times(refundable) };
  });
  const outputFee = sum(outputs.map((o) => o.payment));
  const clawbackDeductions = sum(outputs.map((o) => o.deductions));
  const adjustmentsTotal = clawbackDeductions.negated();
  const total = outputFee.plus(adjustmentsTotal);
  const vat = vatOn(total, input.vatChargeable);
  const countOf = (type: MentorDeclarationType) => outputs.find((o) => o.declarationType === type)!.additions;
  return {
    feePerDeclaration: fee,
    outputs,
    counts: { started: countOf('started'), completed: countOf('completed'), clawedBack: input.clawedBackCount, voided: input.voidedCount },
    outputFee,
    clawbackDeductions,
    clawbacks: outputs.filter((o) => o.subtractions !== 0).map((o) => clawbackRow(o.declarationType, null, o.subtractions, o.fee)),
    adjustmentsTotal,
    total,
    vat,
    totalWithVat: total.plus(vat),
  };
}
