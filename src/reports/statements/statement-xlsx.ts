// The statement as a spreadsheet: payment breakdown, counts, output payments, clawbacks, adjustments
// and contract information. Figures are calculated in Decimal and written as numbers in pounds.
import type { Writable } from 'node:stream';
import type { DeclarationType } from '@prisma/client';
import ExcelJS from 'exceljs';
import { authorisedForPaymentTag } from '../../actions/statements/statement-rules.js';
import { BAND_LETTERS } from './bands.js';
import { calculateStatement, type StatementCalculation } from './calculate-statement.js';
import { Decimal, sum } from './decimal.js';
import { declarationTypeLabel, EXTENDED_TYPES } from './declaration-types.js';
import type { EcfStatementResult } from './ecf-calculator.js';
import type { MentorStatementResult } from './mentor-calculator.js';

const POUNDS = '£#,##0.00';
type Cell = string | number | Decimal | null;

/** Spreadsheet cells need numbers: the Decimal is rounded to pennies first, so the cell shows exactly what the statement says. */
const pounds = (amount: Decimal): number => Number(amount.toFixed(2));

export function statementXlsxFilename(calculation: Pick<StatementCalculation, 'statement'>): string {
  const { statement } = calculation;
  const word = (text: string) => text.replace(/\W/g, '');
  return `ECF-Statement-${word(statement.leadProviderName)}-Cohort${statement.cohortStartYear}-${word(statement.name)}.xlsx`;
}

/** Calculates the statement and writes it as an .xlsx workbook to `out` (which is left open). */
export async function writeStatementXlsx(statementId: string, out: Writable): Promise<StatementCalculation> {
  const calculation = await calculateStatement(statementId);
  await statementWorkbook(calculation).xlsx.write(out);
  return calculation;
}

export function statementWorkbook(calculation: StatementCalculation): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = new SheetWriter(workbook.addWorksheet('Statement'));
  writeOverview(sheet, calculation);
  const outputs = new SheetWriter(workbook.addWorksheet('Output payments'));
  const adjustments = new SheetWriter(workbook.addWorksheet('Clawbacks and adjustments'));
  if (calculation.kind === 'ecf') {
    writeCounts(sheet, calculation.ecf);
    writeBandedOutputs(outputs, 'Output payments', 'Fee per participant', 'Output payment total', calculation.ecf);
    writeUplift(adjustments, calculation.ecf);
    writeClawbacks(adjustments, 'Clawbacks', calculation.ecf, true);
    writeAdditionalAdjustments(adjustments, calculation.ecf);
  } else {
    writeDeclarationsSummary(sheet, calculation.ect, calculation.mentor);
    writeBandedOutputs(outputs, 'Early career teacher (ECT) output payments', 'Fee per ECT', 'ECTs output payment total', calculation.ect);
    writeMentorOutputs(outputs, calculation.mentor);
    writeClawbacks(adjustments, 'ECT clawbacks', calculation.ect, false);
    writeClawbacks(adjustments, 'Mentor clawbacks', calculation.mentor, false);
    writeAdditionalAdjustments(adjustments, calculation.ect);
  }
  writeContractInformation(new SheetWriter(workbook.addWorksheet('Contract information')), calculation);
  return workbook;
}

class SheetWriter {
  constructor(readonly sheet: ExcelJS.Worksheet) {
    sheet.getColumn(1).width = 44;
    for (let column = 2; column <= 7; column++) sheet.getColumn(column).width = 16;
  }

  heading(text: string): void {
    if (this.sheet.rowCount > 0) this.sheet.addRow([]);
    this.sheet.addRow([text]).font = { bold: true, size: 13 };
  }

  header(cells: string[]): void {
    this.sheet.addRow(cells).font = { bold: true };
  }

  row(cells: Cell[], options: { bold?: boolean } = {}): ExcelJS.Row {
    const row = this.sheet.addRow(cells.map((cell) => (Decimal.isDecimal(cell) ? pounds(cell) : cell)));
    cells.forEach((cell, index) => {
      if (Decimal.isDecimal(cell)) row.getCell(index + 1).numFmt = POUNDS;
    });
    if (options.bold) row.font = { bold: true };
    return row;
  }
}

function writeOverview(sheet: SheetWriter, { statement, summary }: StatementCalculation): void {
  sheet.sheet.addRow([summary.title]).font = { bold: true, size: 16 };
  sheet.row(['Lead provider', statement.leadProviderName]);
  sheet.row(['Cohort', statement.cohortStartYear]);
  sheet.row(['Statement', statement.name]);
  sheet.row(['Milestone cut off date', statement.deadlineDate]);
  sheet.row(['Payment date', statement.paymentDate]);
  sheet.row(['Status', statement.markedAsPaidAt ? authorisedForPaymentTag(statement.markedAsPaidAt) : statement.state]);
  sheet.heading('Payment breakdown');
  for (const { label, amount } of summary.rows) sheet.row([label, amount]);
  sheet.row(['Total', summary.total], { bold: true });
}

function writeCounts(sheet: SheetWriter, { counts }: EcfStatementResult): void {
  sheet.heading('Declarations');
  sheet.row(['Total starts', counts.started]);
  sheet.row(['Total retained', counts.retained]);
  sheet.row(['Total completed', counts.completed]);
  sheet.row(['Total extended', counts.extended]);
  sheet.row(['Total clawed back', counts.clawedBack]);
  sheet.row(['Total voided', counts.voided]);
}

function writeDeclarationsSummary(sheet: SheetWriter, ect: EcfStatementResult, mentor: MentorStatementResult): void {
  sheet.heading('Declarations summary');
  sheet.header(['', 'ECTs', 'Mentors']);
  sheet.row(['Started', ect.counts.started, mentor.counts.started]);
  sheet.row(['Retained', ect.counts.retained, '-']);
  sheet.row(['Completed', ect.counts.completed, mentor.counts.completed]);
  sheet.row(['Extended', ect.counts.extended, '-']);
  sheet.row(['Clawed back', ect.counts.clawedBack, mentor.counts.clawedBack]);
  sheet.row(['Voided', ect.counts.voided, mentor.counts.voided]);
}

const OUTPUT_GROUPS: { label: string; types: readonly DeclarationType[] }[] = (
  ['started', 'retained_1', 'retained_2', 'retained_3', 'retained_4', 'completed'] as const
).map((type) => ({ label: declarationTypeLabel(type), types: [type] }));
const EXTENDED_GROUP = { label: 'Extended', types: EXTENDED_TYPES };

/** Started, Retained 1–4 and Completed always; Extended (1–3 together) when there are any. */
function writeBandedOutputs(sheet: SheetWriter, title: string, feeLabel: string, totalLabel: string, ecf: EcfStatementResult): void {
  const letters = BAND_LETTERS.slice(0, ecf.bands.length);
  sheet.heading(title);
  sheet.header(['Outputs', ...letters.map((l) => `Band ${l}`), 'Payments']);
  const groups = ecf.counts.extended > 0 ? [...OUTPUT_GROUPS, EXTENDED_GROUP] : OUTPUT_GROUPS;
  for (const { label, types } of groups) {
    const rows = ecf.outputs.filter((o) => types.includes(o.declarationType));
    sheet.row([label, ...letters.map((l) => rows.filter((o) => o.band === l).reduce((n, o) => n + o.additions, 0)), null], { bold: true });
    const fees = letters.map((l) => rows.find((o) => o.band === l)!.fee);
    const payment = sum(rows.map((o) => o.fee.times(o.additions)));
    sheet.row([feeLabel, ...fees, payment]);
  }
  sheet.row([totalLabel, ...letters.map(() => null), ecf.outputFee], { bold: true });
}

function writeMentorOutputs(sheet: SheetWriter, mentor: MentorStatementResult): void {
  sheet.heading('Mentor output payments');
  sheet.header(['Outputs', 'Participants', 'Payments']);
  for (const output of mentor.outputs) {
    sheet.row([declarationTypeLabel(output.declarationType), output.additions, null], { bold: true });
    sheet.row(['Fee per mentor', output.fee, output.payment]);
  }
  sheet.row(['Mentors output payment total', null, mentor.outputFee], { bold: true });
}

function writeUplift(sheet: SheetWriter, ecf: EcfStatementResult): void {
  sheet.heading('Uplift fees');
  sheet.header(['Number of participants', 'Fee per participant', 'Payments']);
  sheet.row([ecf.uplift.additions, ecf.uplift.feePerDeclaration, ecf.uplift.payment]);
}

function writeClawbacks(sheet: SheetWriter, title: string, result: EcfStatementResult | MentorStatementResult, withUplift: boolean): void {
  sheet.heading(title);
  sheet.header(['Payment type', 'Number of participants', 'Fee per participant', 'Payments']);
  if (withUplift && 'uplift' in result) {
    sheet.row(['Uplift clawbacks', result.uplift.subtractions, result.uplift.feePerDeclaration.negated(), result.uplift.clawbackDeductions]);
  }
  for (const clawback of result.clawbacks) sheet.row([clawback.label, clawback.count, clawback.fee, clawback.subtotal]);
  sheet.row(['Total', null, null, result.adjustmentsTotal], { bold: true });
}

function writeAdditionalAdjustments(sheet: SheetWriter, ecf: EcfStatementResult): void {
  sheet.heading('Additional adjustments');
  sheet.header(['Payment type', 'Payments']);
  for (const adjustment of ecf.additionalAdjustments) sheet.row([adjustment.paymentType, adjustment.amount]);
  sheet.row(['Total', ecf.additionalAdjustmentsTotal], { bold: true });
}

function writeContractInformation(sheet: SheetWriter, { contractInformation: info }: StatementCalculation): void {
  sheet.sheet.addRow([info.heading]).font = { bold: true, size: 16 };
  for (const section of info.sections) {
    sheet.heading(section.heading);
    for (const { label, value } of section.rows) sheet.row([label, value]);
  }
  sheet.heading(info.bandsHeading);
  sheet.header(['Band', 'Min', 'Max', info.perParticipantHeading]);
  for (const band of info.bands) sheet.row([band.label, band.min, band.max, band.perParticipant]);
}
