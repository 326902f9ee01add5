// A statement's calculation as lines of text for the statement commands: each line as presented
// (count × fee = amount to the penny), the calculator's workings (service fee bands), and the headline figures.
import { formatPounds, type Decimal } from '../reports/statements/decimal.js';
import type { EcfStatementResult } from '../reports/statements/ecf-calculator.js';
import { HEADLINE_LABELS, type HeadlineFigures } from '../reports/statements/headline-figures.js';
import type { MentorStatementResult } from '../reports/statements/mentor-calculator.js';
import { formatFee, type PresentedLine, type PresentedPart } from '../reports/statements/presented-statement.js';

const money = (amount: Decimal) => formatPounds(amount).padStart(14);

const lineText = (l: PresentedLine) => (l.count === null || !l.fee
  ? `  ${l.label}: ${formatPounds(l.amount)}`
  : `  ${l.label}${l.band && !l.label.includes('Band') ? ` (band ${l.band})` : ''}: ${l.count} × ${formatFee(l.fee)} = ${formatPounds(l.amount)}`);

/** A presented part of a statement, line by line: every line's count × fee is its amount (to the penny). */
export function presentedLines(heading: string, part: PresentedPart, ecf: EcfStatementResult | MentorStatementResult): string[] {
  const lines = [heading];
  if (part.outputLines.length === 0) lines.push('  No output payments.');
  lines.push(...part.outputLines.map(lineText), `  Output payment: ${formatPounds(part.outputFee)}`);
  if (part.upliftLine) lines.push(lineText(part.upliftLine));
  if (part.clawbackLines.length) lines.push(...part.clawbackLines.map(lineText), `  Clawbacks: ${formatPounds(part.clawbacks)}`);
  if ('serviceFeeBands' in ecf && ecf.serviceFeeBands) {
    for (const b of ecf.serviceFeeBands) {
      lines.push(`  Service fee band ${b.min ?? 0}–${b.max ?? '∞'}: ${b.participants} × ${formatFee(b.serviceFeePerParticipant)} / 29 = ${formatFee(b.monthly)}`);
    }
  }
  if (part.serviceFee) lines.push(lineText(part.serviceFee));
  for (const a of part.adjustmentLines) lines.push(`  Adjustment "${a.label}": ${formatPounds(a.amount)}`);
  if (part.reconcileLine) lines.push(lineText(part.reconcileLine));
  const c = part.counts;
  lines.push(`  Total starts ${c.started}, retained ${c.retained}, completed ${c.completed}, extended ${c.extended}, clawed back ${c.clawedBack}, voided ${c.voided}`);
  return lines;
}

/** The calculator's exact figures (not rounded), to set beside the presented ones. */
export function exactHeadlineLines(figures: HeadlineFigures): string[] {
  const keys = Object.keys(HEADLINE_LABELS) as (keyof HeadlineFigures)[];
  const width = Math.max(...keys.map((k) => HEADLINE_LABELS[k].length));
  return keys.map((key) => `  ${HEADLINE_LABELS[key].padEnd(width)}  ${figures[key].toDecimalPlaces(5).toFixed().padStart(18)}`);
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
