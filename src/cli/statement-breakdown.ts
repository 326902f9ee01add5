// A statement's calculation as lines of text for the statement commands: output payments per
// declaration type and band, clawbacks, uplifts, service fee, adjustments and the headline figures.
import { formatPounds, type Decimal } from '../reports/statements/decimal.js';
import { declarationTypeLabel } from '../reports/statements/declaration-types.js';
import type { EcfStatementResult } from '../reports/statements/ecf-calculator.js';
import { HEADLINE_LABELS, type HeadlineFigures } from '../reports/statements/headline-figures.js';
import type { MentorStatementResult } from '../reports/statements/mentor-calculator.js';

const money = (amount: Decimal) => formatPounds(amount).padStart(14);

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

export function ecfBreakdownLines(heading: string, ecf: EcfStatementResult): string[] {
  const outputs = ecf.outputs.filter((o) => o.previousCount || o.additions || o.subtractions);
  const lines = [heading];
  lines.push(...(outputs.length
    ? table(
      ['Declaration', 'Band', 'Previous', 'Added', 'Clawed back', 'Fee', 'Payment'],
      outputs.map((o) => [declarationTypeLabel(o.declarationType), o.band, String(o.previousCount), String(o.additions), String(o.subtractions), formatPounds(o.fee), formatPounds(o.fee.times(o.additions))]),
    )
    : ['  No declarations.']));
  for (const c of ecf.clawbacks) lines.push(`  ${c.label}: ${c.count} × ${formatPounds(c.fee)} = ${formatPounds(c.subtotal)}`);
  if (ecf.uplift.included) {
    lines.push(`  Uplifts: ${ecf.uplift.additions} added, ${ecf.uplift.subtractions} clawed back at ${formatPounds(ecf.uplift.feePerDeclaration)}`);
  }
  if (ecf.serviceFeeBands) {
    for (const b of ecf.serviceFeeBands) {
      lines.push(`  Service fee band ${b.min ?? 0}–${b.max ?? '∞'}: ${b.participants} × ${formatPounds(b.serviceFeePerParticipant)} / 29 = ${formatPounds(b.monthly)}`);
    }
  }
  for (const a of ecf.additionalAdjustments) lines.push(`  Adjustment "${a.paymentType}": ${formatPounds(a.amount)}`);
  if (!ecf.reconcileAmount.isZero()) lines.push(`  Reconcile amount: ${formatPounds(ecf.reconcileAmount)}`);
  const c = ecf.counts;
  lines.push(`  Total starts ${c.started}, retained ${c.retained}, completed ${c.completed}, extended ${c.extended}, clawed back ${c.clawedBack}, voided ${c.voided}`);
  return lines;
}

export function mentorBreakdownLines(heading: string, mentor: MentorStatementResult): string[] {
  return [
    heading,
    ...table(
      ['Declaration', 'Added', 'Clawed back', 'Fee', 'Payment'],
      mentor.outputs.map((o) => [declarationTypeLabel(o.declarationType), String(o.additions), String(o.subtractions), formatPounds(o.fee), formatPounds(o.payment)]),
    ),
    ...mentor.clawbacks.map((c) => `  ${c.label}: ${c.count} × ${formatPounds(c.fee)} = ${formatPounds(c.subtotal)}`),
  ];
}

export function headlineLines(figures: HeadlineFigures): string[] {
  const keys = Object.keys(HEADLINE_LABELS) as (keyof HeadlineFigures)[];
  const width = Math.max(...keys.map((k) => HEADLINE_LABELS[k].length));
  return keys.map((key) => `  ${HEADLINE_LABELS[key].padEnd(width)}  ${money(figures[key])}`);
}

/** `{"outputFee": "48.00", "serviceFee": …}`: one line, a space after each colon and comma. */
export function spacedJson(values: Record<string, string>): string {
  return `{${Object.entries(values).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
}
