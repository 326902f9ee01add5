// The ECF statement engine (the DfE's Finance::ECF::StatementCalculator): plain counts and contract
// figures in, every figure of the statement out. Also the ECT half of a 2025+ statement, fed with ECT
// declarations only.
import type { DeclarationType } from '@prisma/client';
import {
  feePerDeclaration, fillBands, letterBands, serviceFeeBands, type BandInput, type BandLetter, type LetteredBand,
  type LineItemCounts, type ServiceFeeBand,
} from './bands.js';
import { Decimal, sum, ZERO } from './decimal.js';
import { DECLARATION_TYPES, declarationTypeLabel, EXTENDED_TYPES, RETAINED_TYPES } from './declaration-types.js';
import { vatOn } from './vat.js';

export interface EcfContractInput {
  recruitmentTarget: number;
  setUpFee: string;
  /** When set (0 included) it is the service fee; otherwise the fee is calculated from the bands. */
  monthlyServiceFee: string | null;
  /** null: the contract pays no uplift fees. */
  upliftAmount: string | null;
  bands: BandInput[];
}

export interface AdjustmentInput {
  paymentType: string;
  amount: string;
}

export interface EcfStatementInput {
  contract: EcfContractInput;
  /** Line items per declaration type: on earlier statements of the provider and cohort, and on this one. Missing types count 0. */
  lineItems: Partial<Record<DeclarationType, { previous: LineItemCounts; current: LineItemCounts }>>;
  /** This statement's line items of `started` declarations with a pupil premium or sparsity uplift. */
  upliftLineItems: LineItemCounts;
  adjustments: AdjustmentInput[];
  reconcileAmount: string;
  vatChargeable: boolean;
  /** Declarations on this statement now clawed back, and now voided (shown as counts only). */
  clawedBackCount: number;
  voidedCount: number;
}

export interface OutputRow {
  declarationType: DeclarationType;
  band: BandLetter;
  previousCount: number;
  count: number;
  additions: number;
  subtractions: number;
  /** Fee per declaration of this type in this band. */
  fee: Decimal;
}

export interface ClawbackRow {
  declarationType: DeclarationType;
  /** "Clawback for Started (Band: B)". */
  label: string;
  band: BandLetter | null;
  count: number;
  /** Negative: the fee taken back per declaration. */
  fee: Decimal;
  /** Negative: count × fee. */
  subtotal: Decimal;
}

export interface OutputSummary {
  /** Per declaration type: additions × fee (payments) and subtractions × fee (deductions), over all bands. */
  byType: Record<DeclarationType, { payment: Decimal; deductions: Decimal }>;
  outputFee: Decimal;
  clawbackDeductions: Decimal;
  clawbacks: ClawbackRow[];
}

export interface UpliftResult {
  /** Whether the contract has an uplift amount. When not, every uplift figure is 0. */
  included: boolean;
  /** additions − subtractions. */
  count: number;
  additions: number;
  subtractions: number;
  feePerDeclaration: Decimal;
  /** additions × fee ("Uplift fees" table). */
  payment: Decimal;
  /** count × fee + subtractions × fee: the "Uplift fees" line of the statement. */
  totalForUplift: Decimal;
  /** −subtractions × fee ("Uplift clawbacks"). */
  clawbackDeductions: Decimal;
}

export interface EcfStatementResult extends OutputSummary {
  bands: LetteredBand[];
  outputs: OutputRow[];
  counts: { started: number; retained: number; completed: number; extended: number; clawedBack: number; voided: number };
  uplift: UpliftResult;
  serviceFee: Decimal;
  /** The calculation behind the service fee; null when the contract's monthly service fee is used. */
  serviceFeeBands: ServiceFeeBand[] | null;
  /** "Clawbacks": −clawback deductions + uplift clawback deductions. */
  adjustmentsTotal: Decimal;
  additionalAdjustments: { paymentType: string; amount: Decimal }[];
  additionalAdjustmentsTotal: Decimal;
  reconcileAmount: Decimal;
  /** Service fee + output fee + uplift + clawbacks + additional adjustments + reconcile amount, before VAT. */
  total: Decimal;
  vat: Decimal;
  totalWithVat: Decimal;
}

const NO_LINE_ITEMS = { previous: { billable: 0, refundable: 0 }, current: { billable: 0, refundable: 0 } };

export function calculateEcfStatement(input: EcfStatementInput): EcfStatementResult {
  const bands = letterBands(input.contract.bands);
  const outputs = DECLARATION_TYPES.flatMap((declarationType) =>
    fillBands(bands, input.lineItems[declarationType] ?? NO_LINE_ITEMS).map((fill, index) => ({
      declarationType,
      ...fill,
      fee: feePerDeclaration(bands[index], declarationType),
    })),
  );
  const summary = summariseOutputs(outputs, bands.map((b) => b.letter));
  const uplift = upliftFees(input.contract.upliftAmount, input.upliftLineItems);
  const serviceFee = calculateServiceFee(input.contract);
  const additionalAdjustments = input.adjustments.map((a) => ({ paymentType: a.paymentType, amount: new Decimal(a.amount) }));
  const totals = ecfTotals({
    serviceFee: serviceFee.amount,
    outputFee: summary.outputFee,
    clawbackDeductions: summary.clawbackDeductions,
    uplift,
    additionalAdjustmentsTotal: sum(additionalAdjustments.map((a) => a.amount)),
    reconcileAmount: new Decimal(input.reconcileAmount),
    vatChargeable: input.vatChargeable,
  });
  const additionsOf = (types: readonly DeclarationType[]) =>
    outputs.filter((o) => types.includes(o.declarationType)).reduce((n, o) => n + o.additions, 0);

  return {
    bands,
    outputs,
    ...summary,
    counts: {
      started: additionsOf(['started']),
      retained: additionsOf(RETAINED_TYPES),
      completed: additionsOf(['completed']),
      extended: additionsOf(EXTENDED_TYPES),
      clawedBack: input.clawedBackCount,
      voided: input.voidedCount,
    },
    uplift,
    serviceFee: serviceFee.amount,
    serviceFeeBands: serviceFee.bands,
    additionalAdjustments,
    ...totals,
  };
}

/** Output payments and clawback deductions from banded counts and fees; clawback rows band by band, then type by type. */
export function summariseOutputs(
  outputs: readonly Pick<OutputRow, 'declarationType' | 'band' | 'additions' | 'subtractions' | 'fee'>[],
  bandLetters: readonly BandLetter[] = ['A', 'B', 'C', 'D'],
): OutputSummary {
  const byType = Object.fromEntries(
    DECLARATION_TYPES.map((type) => {
      const rows = outputs.filter((o) => o.declarationType === type);
      return [type, { payment: sum(rows.map((o) => o.fee.times(o.additions))), deductions: sum(rows.map((o) => o.fee.times(o.subtractions))) }];
    }),
  ) as OutputSummary['byType'];
  const clawbacks = bandLetters.flatMap((band) =>
    DECLARATION_TYPES.flatMap((declarationType) =>
      outputs
        .filter((o) => o.band === band && o.declarationType === declarationType && o.subtractions !== 0)
        .map((o) => clawbackRow(declarationType, band, o.subtractions, o.fee)),
    ),
  );
  return {
    byType,
    outputFee: sum(Object.values(byType).map((t) => t.payment)),
    clawbackDeductions: sum(Object.values(byType).map((t) => t.deductions)),
    clawbacks,
  };
}

export function clawbackRow(declarationType: DeclarationType, band: BandLetter | null, count: number, fee: Decimal): ClawbackRow {
  return {
    declarationType,
    label: `Clawback for ${declarationTypeLabel(declarationType)}${band ? ` (Band: ${band})` : ''}`,
    band,
    count,
    fee: fee.negated(),
    subtotal: fee.times(count).negated(),
  };
}

/** Uplift fees of `started` declarations with an uplift, only for contracts with an uplift amount. */
export function upliftFees(upliftAmount: string | null, lineItems: LineItemCounts): UpliftResult {
  const included = upliftAmount !== null;
  const fee = included ? new Decimal(upliftAmount) : ZERO;
  const additions = included ? lineItems.billable : 0;
  const subtractions = included ? lineItems.refundable : 0;
  const count = lineItems.billable - lineItems.refundable;
  const clawbackDeductions = fee.times(subtractions).negated();
  return {
    included,
    count,
    additions,
    subtractions,
    feePerDeclaration: fee,
    payment: fee.times(additions),
    totalForUplift: included ? fee.times(count).minus(clawbackDeductions) : ZERO,
    clawbackDeductions,
  };
}

export function calculateServiceFee(contract: EcfContractInput): { amount: Decimal; bands: ServiceFeeBand[] | null } {
  if (contract.monthlyServiceFee !== null) return { amount: new Decimal(contract.monthlyServiceFee), bands: null };
  const bands = serviceFeeBands(contract);
  return { amount: sum(bands.map((b) => b.monthly)), bands };
}

export function ecfTotals(parts: {
  serviceFee: Decimal;
  outputFee: Decimal;
  clawbackDeductions: Decimal;
  uplift: Pick<UpliftResult, 'totalForUplift' | 'clawbackDeductions'>;
  additionalAdjustmentsTotal: Decimal;
  reconcileAmount: Decimal;
  vatChargeable: boolean;
}) {
  const adjustmentsTotal = parts.clawbackDeductions.negated().plus(parts.uplift.clawbackDeductions);
  const total = sum([parts.serviceFee, parts.outputFee, parts.uplift.totalForUplift, adjustmentsTotal, parts.additionalAdjustmentsTotal, parts.reconcileAmount]);
  const vat = vatOn(total, parts.vatChargeable);
  return {
    adjustmentsTotal,
    additionalAdjustmentsTotal: parts.additionalAdjustmentsTotal,
    reconcileAmount: parts.reconcileAmount,
    total,
    vat,
    totalWithVat: total.plus(vat),
  };
}
