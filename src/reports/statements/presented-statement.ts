// A statement presented as an invoice is: every line it shows (each output payment, each clawback,
// uplifts, the service fee, each adjustment, the reconcile amount) is rounded to the penny once, half up;
// every subtotal and total is the sum of those rounded lines; VAT is 20% of the rounded total excluding VAT,
// rounded; the total is the total excluding VAT plus VAT. The calculator's exact figures stay as they
// are (the DfE's worked examples hold to them); rounding each of them on its own would show figures
// that do not add up by a penny or two. Every output (the Statements page, the xlsx, `statements:show`,
// stored snapshots and the dashboard) shows this, and nothing else rounds money.
import type { DeclarationType } from '@prisma/client';
import type { BandLetter } from './bands.js';
import { Decimal, formatPounds, sum, ZERO } from './decimal.js';
import { declarationTypeLabel, EXTENDED_TYPES, RETAINED_TYPES } from './declaration-types.js';
import type { EcfStatementResult } from './ecf-calculator.js';
import type { HeadlineFigures } from './headline-figures.js';
import type { MentorStatementResult } from './mentor-calculator.js';
import { VAT_RATE } from './vat.js';

/** To the penny, half up (away from zero on a tie, so a clawback rounds as its payment did). */
export const toPenny = (amount: Decimal): Decimal => amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** One line: `count` declarations at `fee` each (both null for a lump sum), and the amount it pays, to the penny. */
export interface PresentedLine {
  label: string;
  declarationType: DeclarationType | null;
  band: BandLetter | null;
  count: number | null;
  /** Per declaration, exactly as the contract makes it (negative on a clawback line). */
  fee: Decimal | null;
  /** count × fee (or the lump sum), rounded to the penny once. */
  amount: Decimal;
}

export interface PresentedCounts {
  started: number;
  retained: number;
  completed: number;
  extended: number;
  /** Declarations clawed back on this statement: the counts of its clawback lines (uplift clawbacks aside). */
  clawedBack: number;
  voided: number;
}

/** One engine's part of a statement (the whole of a pre-2025 statement; the ECT or the mentor half of a later one). */
export interface PresentedPart {
  /** One line per declaration type and band that pays anything on this statement. */
  outputLines: PresentedLine[];
  outputFee: Decimal;
  serviceFee: PresentedLine | null;
  /** Uplift fees of started declarations with an uplift; null when the contract pays none. */
  upliftLine: PresentedLine | null;
  /** One line per declaration type and band clawed back, and uplift clawbacks: negative amounts. */
  clawbackLines: PresentedLine[];
  clawbacks: Decimal;
  adjustmentLines: PresentedLine[];
  adjustments: Decimal;
  reconcileLine: PresentedLine | null;
  /** The sum of every line above. */
  totalExVat: Decimal;
  counts: PresentedCounts;
}

/** What presenting needs of a statement's calculation. */
export type PresentableCalculation = { statement: { vatChargeable: boolean }; summary: { title: string } } & (
  | { kind: 'ecf'; ecf: EcfStatementResult }
  | { kind: 'ect_mentor'; ect: EcfStatementResult; mentor: MentorStatementResult }
);

export interface PresentedStatement {
  title: string;
  kind: PresentableCalculation['kind'];
  /** The whole statement (kind ecf), or the ECT half (kind ect_mentor). */
  ect: PresentedPart;
  mentor: PresentedPart | null;
  /** The payment breakdown, each row the sum of the lines behind it; the rows add up to totalExVat. */
  summaryRows: { label: string; amount: Decimal }[];
  headline: HeadlineFigures;
}

const line = (label: string, amount: Decimal, extra: Partial<PresentedLine> = {}): PresentedLine => ({
  label, declarationType: null, band: null, count: null, fee: null, ...extra, amount: toPenny(amount),
});

const totalOf = (lines: readonly (PresentedLine | null)[]) => sum(lines.flatMap((l) => (l ? [l.amount] : [])));

function ecfPart(ecf: EcfStatementResult): PresentedPart {
  const outputLines = ecf.outputs
    .filter((o) => o.additions > 0)
    .map((o) => line(declarationTypeLabel(o.declarationType), o.fee.times(o.additions), {
      declarationType: o.declarationType, band: o.band, count: o.additions, fee: o.fee,
    }));
  const clawbackLines = ecf.clawbacks.map((c) =>
    negate(line(c.label, c.fee.times(c.count).abs(), { declarationType: c.declarationType, band: c.band, count: c.count, fee: c.fee })));
  const uplift = ecf.uplift;
  if (uplift.included && uplift.subtractions > 0) {
    clawbackLines.unshift(negate(line('Uplift clawbacks', uplift.feePerDeclaration.times(uplift.subtractions), {
      declarationType: 'started', count: uplift.subtractions, fee: uplift.feePerDeclaration.negated(),
    })));
  }
  const upliftLine = uplift.included
    ? line('Uplift fees', uplift.feePerDeclaration.times(uplift.additions), { declarationType: 'started', count: uplift.additions, fee: uplift.feePerDeclaration })
    : null;
  const serviceFee = line('Service fee', ecf.serviceFee);
  const adjustmentLines = ecf.additionalAdjustments.map((a) => line(a.paymentType, a.amount));
  const reconcileLine = ecf.reconcileAmount.isZero() ? null : line('Reconcile amount', ecf.reconcileAmount);
  const parts = {
    outputFee: totalOf(outputLines),
    clawbacks: totalOf(clawbackLines),
    adjustments: totalOf(adjustmentLines),
  };
  const countOf = (types: readonly DeclarationType[]) =>
    outputLines.filter((l) => types.includes(l.declarationType!)).reduce((n, l) => n + l.count!, 0);
  return {
    outputLines,
    serviceFee,
    upliftLine,
    clawbackLines,
    adjustmentLines,
    reconcileLine,
    ...parts,
    totalExVat: sum([parts.outputFee, serviceFee.amount, upliftLine?.amount ?? ZERO, parts.clawbacks, parts.adjustments, reconcileLine?.amount ?? ZERO]),
    counts: {
      started: countOf(['started']),
      retained: countOf(RETAINED_TYPES),
      completed: countOf(['completed']),
      extended: countOf(EXTENDED_TYPES),
      clawedBack: declarationClawbacks(clawbackLines),
      voided: ecf.counts.voided,
    },
  };
}

function mentorPart(mentor: MentorStatementResult): PresentedPart {
  const outputLines = mentor.outputs
    .filter((o) => o.additions > 0)
    .map((o) => line(declarationTypeLabel(o.declarationType), o.fee.times(o.additions), { declarationType: o.declarationType, count: o.additions, fee: o.fee }));
  const clawbackLines = mentor.clawbacks.map((c) =>
    negate(line(c.label, c.fee.times(c.count).abs(), { declarationType: c.declarationType, count: c.count, fee: c.fee })));
  const outputFee = totalOf(outputLines);
  const clawbacks = totalOf(clawbackLines);
  const countOf = (type: DeclarationType) => outputLines.find((l) => l.declarationType === type)?.count ?? 0;
  return {
    outputLines,
    outputFee,
    serviceFee: null,
    upliftLine: null,
    clawbackLines,
    clawbacks,
    adjustmentLines: [],
    adjustments: ZERO,
    reconcileLine: null,
    totalExVat: outputFee.plus(clawbacks),
    counts: { started: countOf('started'), retained: 0, completed: countOf('completed'), extended: 0, clawedBack: declarationClawbacks(clawbackLines), voided: mentor.counts.voided },
  };
}

/** A clawback line takes money back: its amount is negative, whatever the rounding of its count × fee. */
function negate(l: PresentedLine): PresentedLine {
  return { ...l, amount: l.amount.abs().negated() };
}

/** Uplift clawbacks are of started declarations already counted on their own clawback line. */
const declarationClawbacks = (lines: readonly PresentedLine[]) =>
  lines.filter((l) => l.label !== 'Uplift clawbacks').reduce((n, l) => n + (l.count ?? 0), 0);

/** VAT on a rounded total excluding VAT: 20%, to the penny; nothing when the provider is not VAT chargeable. */
export const presentedVat = (totalExVat: Decimal, vatChargeable: boolean): Decimal => (vatChargeable ? toPenny(totalExVat.times(VAT_RATE)) : ZERO);

export function presentStatement(calculation: PresentableCalculation): PresentedStatement {
  const { vatChargeable } = calculation.statement;
  return presentParts(
    calculation.summary.title,
    calculation.kind,
    calculation.kind === 'ecf' ? ecfPart(calculation.ecf) : ecfPart(calculation.ect),
    calculation.kind === 'ecf' ? null : mentorPart(calculation.mentor),
    vatChargeable,
  );
}

/** The calculator's result on its own (statements:calculate): one engine, presented the same way. */
export function presentEcfResult(title: string, ecf: EcfStatementResult, vatChargeable: boolean): PresentedStatement {
  return presentParts(title, 'ecf', ecfPart(ecf), null, vatChargeable);
}

export function presentMentorResult(title: string, mentor: MentorStatementResult, vatChargeable: boolean): PresentedStatement {
  const part = mentorPart(mentor);
  const vat = presentedVat(part.totalExVat, vatChargeable);
  return {
    title,
    kind: 'ect_mentor',
    ect: part,
    mentor: null,
    summaryRows: [{ label: 'Output payment', amount: part.outputFee }, { label: 'Clawbacks', amount: part.clawbacks }],
    headline: {
      outputFee: part.outputFee, serviceFee: ZERO, upliftFee: ZERO, clawbacks: part.clawbacks, adjustments: ZERO,
      totalExVat: part.totalExVat, vat, total: part.totalExVat.plus(vat),
    },
  };
}

function presentParts(title: string, kind: PresentableCalculation['kind'], ect: PresentedPart, mentor: PresentedPart | null, vatChargeable: boolean): PresentedStatement {
  const reconcile = ect.reconcileLine ? [{ label: 'Reconcile amount', amount: ect.reconcileLine.amount }] : [];
  const summaryRows = mentor
    ? [
      { label: 'ECTs output payment', amount: ect.outputFee },
      { label: 'Mentors output payment', amount: mentor.outputFee },
      { label: 'Service fee', amount: ect.serviceFee?.amount ?? ZERO },
      { label: 'ECT clawbacks', amount: ect.clawbacks },
      { label: 'Mentor clawbacks', amount: mentor.clawbacks },
      { label: 'Additional adjustments', amount: ect.adjustments },
      ...reconcile,
    ]
    : [
      { label: 'Output payment', amount: ect.outputFee },
      { label: 'Service fee', amount: ect.serviceFee?.amount ?? ZERO },
      { label: 'Uplift fees', amount: ect.upliftLine?.amount ?? ZERO },
      { label: 'Clawbacks', amount: ect.clawbacks },
      { label: 'Additional adjustments', amount: ect.adjustments },
      ...reconcile,
    ];
  const totalExVat = sum(summaryRows.map((r) => r.amount));
  const vat = presentedVat(totalExVat, vatChargeable);
  return {
    title,
    kind,
    ect,
    mentor,
    summaryRows,
    headline: {
      outputFee: ect.outputFee.plus(mentor?.outputFee ?? ZERO),
      serviceFee: ect.serviceFee?.amount ?? ZERO,
      upliftFee: ect.upliftLine?.amount ?? ZERO,
      clawbacks: ect.clawbacks.plus(mentor?.clawbacks ?? ZERO),
      adjustments: ect.adjustments,
      totalExVat,
      vat,
      total: totalExVat.plus(vat),
    },
  };
}

/**
 * A fee per declaration as a line shows it: pounds and pence, or every decimal the contract gives it when
 * it has fractions of a penny ("£89.7615"), so the count times the fee shown is the line's amount before
 * its one rounding.
 */
export function formatFee(fee: Decimal): string {
  if (fee.decimalPlaces() <= 2) return formatPounds(fee);
  const [whole, fraction] = fee.abs().toFixed().split('.');
  return `${fee.isNegative() ? '-' : ''}£${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}
