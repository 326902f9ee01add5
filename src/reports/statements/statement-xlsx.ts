// The statement as a spreadsheet: payment breakdown, counts, output payments, clawbacks, adjustments
// and contract information, line for line the presented statement (src/reports/statements/presented-statement.ts)
// the Statements page shows, written as numbers in pounds.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { calculateStatement, type StatementCalculation } from './calculate-statement.js';
import { Decimal } from './decimal.js';
import { signOffText, statementSignOffs, type StatementSignOff } from '../approvals/approval-queue.js';
import { calendarWarnings } from './calendar-warnings.js';
import { authorisedForPaymentTag, formatAuthorisedAt } from './dates.js';
import type { PresentedLine, PresentedPart } from './presented-statement.js';

const POUNDS = '£#,##0.00';
const FEE = '£#,##0.00##';

/** Spreadsheet cells need numbers: presented amounts are already pennies, so the cell holds exactly what the statement says. */
const pounds = (amount: Decimal): number => Number(amount.toFixed(2));

export function statementXlsxFilename(calculation: Pick<StatementCalculation, 'statement'>): string {
  const { statement } = calculation;
  const word = (text: string) => text.replace(/\W/g, '');
  return `ECF-Statement-${word(statement.leadProviderName)}-Cohort${statement.cohortStartYear}-${word(statement.name)}.xlsx`;
}

/** Calculates the statement and writes it as an .xlsx workbook to `out` (which is left open). */
export async function writeStatementXlsx(statementId: string, out: Writable): Promise<StatementCalculation> {
  const [calculation, signOffs] = await Promise.all([calculateStatement(statementId), statementSignOffs(statementId)]);
  await statementWorkbook(calculation, signOffs).xlsx.write(out);
  return calculation;
}

export function statementWorkbook(calculation: StatementCalculation, signOffs: readonly StatementSignOff[] = []): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const { presented } = calculation;
  const sheet = new SheetWriter(workbook.addWorksheet('Statement'));
  writeOverview(sheet, calculation, signOffs);
  const outputs = new SheetWriter(workbook.addWorksheet('Output payments'));
  const adjustments = new SheetWriter(workbook.addWorksheet('Clawbacks and adjustments'));
  if (!presented.mentor) {
    writeCounts(sheet, presented.ect);
    writeOutputLines(outputs, 'Output payments', 'Output payment total', presented.ect, true);
    writeUplift(adjustments, presented.ect);
    writeClawbacks(adjustments, 'Clawbacks', presented.ect, true);
  } else {
    writeDeclarationsSummary(sheet, presented.ect, presented.mentor);
    writeOutputLines(outputs, 'Early career teacher (ECT) output payments', 'ECTs output payment total', presented.ect, true);
    writeOutputLines(outputs, 'Mentor output payments', 'Mentors output payment total', presented.mentor, false);
    writeClawbacks(adjustments, 'ECT clawbacks', presented.ect, true);
    writeClawbacks(adjustments, 'Mentor clawbacks', presented.mentor, false);
  }
  writeAdditionalAdjustments(adjustments, presented.ect);
  writeContractInformation(new SheetWriter(workbook.addWorksheet('Contract information')), calculation);
  return workbook;
}

/** A fee per declaration: written exactly (it may hold fractions of a penny), shown with its pence. */
class Fee {
  constructor(readonly value: Decimal) {}
}
type Cell = string | number | Decimal | Fee | null;

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
    const row = this.sheet.addRow(cells.map((cell) => (cell instanceof Fee ? cell.value.toNumber() : Decimal.isDecimal(cell) ? pounds(cell) : cell)));
    cells.forEach((cell, index) => {
      if (cell instanceof Fee) row.getCell(index + 1).numFmt = FEE;
      else if (Decimal.isDecimal(cell)) row.getCell(index + 1).numFmt = POUNDS;
    });
    if (options.bold) row.font = { bold: true };
    return row;
  }
}

function writeOverview(sheet: SheetWriter, { statement, summary }: StatementCalculation, signOffs: readonly StatementSignOff[]): void {
  sheet.sheet.addRow([summary.title]).font = { bold: true, size: 16 };
  sheet.row(['Lead provider', statement.leadProviderName]);
  sheet.row(['Cohort', statement.cohortStartYear]);
  sheet.row(['Statement', statement.name]);
  sheet.row(['Milestone cut off date', statement.deadlineDate]);
  sheet.row(['Payment date', statement.paymentDate]);
  sheet.row(['Status', statement.markedAsPaidAt ? authorisedForPaymentTag(statement.markedAsPaidAt) : statement.state]);
  for (const signOff of signOffs) sheet.row(['Sign-off', signOffText(signOff, formatAuthorisedAt)]);
  for (const warning of calendarWarnings(statement)) sheet.row(['Calendar warning', warning]);
  sheet.heading('Payment breakdown');
  for (const { label, amount } of summary.rows) sheet.row([label, amount]);
  sheet.row(['Total', summary.total], { bold: true });
}

function writeCounts(sheet: SheetWriter, { counts }: PresentedPart): void {
  sheet.heading('Declarations');
  sheet.row(['Total starts', counts.started]);
  sheet.row(['Total retained', counts.retained]);
  sheet.row(['Total completed', counts.completed]);
  sheet.row(['Total extended', counts.extended]);
  sheet.row(['Total clawed back', counts.clawedBack]);
  sheet.row(['Total voided', counts.voided]);
}

function writeDeclarationsSummary(sheet: SheetWriter, ect: PresentedPart, mentor: PresentedPart): void {
  sheet.heading('Declarations summary');
  sheet.header(['', 'ECTs', 'Mentors']);
  sheet.row(['Started', ect.counts.started, mentor.counts.started]);
  sheet.row(['Retained', ect.counts.retained, '-']);
  sheet.row(['Completed', ect.counts.completed, mentor.counts.completed]);
  sheet.row(['Extended', ect.counts.extended, '-']);
  sheet.row(['Clawed back', ect.counts.clawedBack, mentor.counts.clawedBack]);
  sheet.row(['Voided', ect.counts.voided, mentor.counts.voided]);
}

/** One row per line, as the statement page shows it: declarations × fee = payment. */
function writeOutputLines(sheet: SheetWriter, title: string, totalLabel: string, part: PresentedPart, banded: boolean): void {
  sheet.heading(title);
  sheet.header(banded ? ['Declaration', 'Band', 'Declarations', 'Fee per declaration', 'Payment'] : ['Declaration', 'Declarations', 'Fee per declaration', 'Payment']);
  for (const l of part.outputLines) sheet.row(lineCells(l, banded));
  sheet.row([totalLabel, ...(banded ? [null] : []), null, null, part.outputFee], { bold: true });
}

const lineCells = (l: PresentedLine, banded: boolean): Cell[] => [
  l.label, ...(banded ? [l.band] : []), l.count, l.fee ? new Fee(l.fee) : null, l.amount,
];

function writeUplift(sheet: SheetWriter, part: PresentedPart): void {
  if (!part.upliftLine) return;
  sheet.heading('Uplift fees');
  sheet.header(['Payment type', 'Number of participants', 'Fee per participant', 'Payments']);
  sheet.row([part.upliftLine.label, part.upliftLine.count, new Fee(part.upliftLine.fee!), part.upliftLine.amount]);
}

function writeClawbacks(sheet: SheetWriter, title: string, part: PresentedPart, banded: boolean): void {
  sheet.heading(title);
  sheet.header(banded ? ['Payment type', 'Band', 'Number of participants', 'Fee per participant', 'Payments'] : ['Payment type', 'Number of participants', 'Fee per participant', 'Payments']);
  for (const l of part.clawbackLines) sheet.row(lineCells(l, banded));
  sheet.row(['Total', ...(banded ? [null] : []), null, null, part.clawbacks], { bold: true });
}

function writeAdditionalAdjustments(sheet: SheetWriter, part: PresentedPart): void {
  sheet.heading('Additional adjustments');
  sheet.header(['Payment type', 'Payments']);
  for (const adjustment of part.adjustmentLines) sheet.row([adjustment.label, adjustment.amount]);
  if (part.reconcileLine) sheet.row([part.reconcileLine.label, part.reconcileLine.amount]);
  sheet.row(['Total', part.adjustments.plus(part.reconcileLine?.amount ?? 0)], { bold: true });
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
