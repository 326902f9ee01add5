// A statement reads as an invoice wherever it is shown: lines to the penny, totals their sums, VAT on the
// rounded total, and every row's count × fee its payment; clawbacks are rows of their own, counted alike
// on the page and in the spreadsheet.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { storeStatementSnapshot } from '../../../src/actions/jobs/store-statement-snapshot.js';
import { statementView } from '../../../src/admin/finance/statement-view.js';
import { statementsShow } from '../../../src/cli/commands/statements-show.js';
import { db } from '../../../src/db/client.js';
import { statementTotalsPerMonthChart } from '../../../src/reports/dashboard/dashboard-charts.js';
import { calculateStatement } from '../../../src/reports/statements/calculate-statement.js';
import { calendarWarnings } from '../../../src/reports/statements/calendar-warnings.js';
import { Decimal } from '../../../src/reports/statements/decimal.js';
import { currentStatement, listStatements } from '../../../src/reports/statements/find-statements.js';
import { statementPaymentSeries } from '../../../src/reports/statements/payment-series.js';
import { writeStatementXlsx } from '../../../src/reports/statements/statement-xlsx.js';
import { createDeclaration, createParticipant, createParticipantWorld, createStatement, userContext } from '../../support/factories.js';
import { clawBack, createContract, daysFromToday } from './statement-world.js';

const finance = userContext('finance');
const money = (text: string) => new Decimal(text.replace(/£|,/g, ''));

async function workbookOf(statementId: string) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeStatementXlsx(statementId, out);
  out.end();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.concat(chunks)).buffer);
  return workbook;
}

/** Rows of a sheet as arrays of cell values (column A first). */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('a statement whose exact figures, each rounded on its own, would not add up', () => {
  it('shows the same reconciled figures on the page, in the xlsx, in statements:show, in snapshots and on the dashboard', async () => {
    const world = await createParticipantWorld(2022);
    await createContract(world.leadProvider, world.cohort);
    const statement = await createStatement(world.leadProvider, world.cohort, { name: 'Reconciled', deadlineDate: daysFromToday(5), paymentDate: daysFromToday(20) });
    for (let i = 0; i < 3; i++) await createDeclaration(await createParticipant(world), world.leadProvider, { statement, state: 'eligible' });
    await db().financeAdjustment.create({ data: { statementId: statement.id, paymentType: 'Penny', amount: '0.02' } });

    // Exactly: output 132 + service fee −148,851/29 (−5,132.7931…) + 0.02 = −5,000.7731…; VAT −1,000.1546…; total −6,000.9277….
    // Rounded one by one that is −5,000.77 + −1,000.15 shown with a total of −6,000.93: a penny out.
    const calculation = await calculateStatement(statement.id);
    if (calculation.kind !== 'ecf') throw new Error('expected an ECF statement');
    const { ecf } = calculation;
    expect([ecf.total, ecf.vat, ecf.totalWithVat].map((d) => d.toFixed(2))).toEqual(['-5000.77', '-1000.15', '-6000.93']);

    // Presented: the service fee line is −5,132.79; total ex VAT −5,000.77; VAT 20% of it −1,000.15; total −6,000.92.
    const view = await statementView(finance, statement.id);
    expect(view.summary).toEqual([
      ['Output payment', '£132.00'],
      ['Service fee', '-£5,132.79'],
      ['Uplift fees', '£0.00'],
      ['Clawbacks', '£0.00'],
      ['Additional adjustments', '£0.02'],
      ['Total (excluding VAT)', '-£5,000.77'],
      ['VAT', '-£1,000.15'],
    ]);
    expect(view.total).toBe('-£6,000.92');
    const rows = view.summary.map(([, amount]) => money(amount));
    expect(rows.slice(0, 5).reduce((a, b) => a.plus(b)).equals(rows[5])).toBe(true);
    expect(rows[5].plus(rows[6]).equals(money(view.total))).toBe(true);
    for (const row of view.parts[0].outputs.rows) {
      const [, , count, fee, payment] = row;
      expect(money(fee).times(count).equals(money(payment))).toBe(true);
    }

    const overview = rowsOf((await workbookOf(statement.id)).getWorksheet('Statement')!);
    const cell = (label: string) => overview.find((r) => r[0] === label)?.[1];
    expect([cell('Service fee'), cell('Total (excluding VAT)'), cell('VAT'), cell('Total')]).toEqual([-5132.79, -5000.77, -1000.15, -6000.92]);

    const shown = await statementsShow.run({ options: { 'lead-provider': world.leadProvider.name, cohort: '2022', statement: 'Reconciled' }, positional: [] }, { say: () => {} });
    expect(shown).toMatchObject({ serviceFee: '-5132.79', totalExVat: '-5000.77', vat: '-1000.15', total: '-6000.92' });

    expect(await storeStatementSnapshot(calculation)).toBe(true);
    const snapshot = await db().statementSnapshot.findFirstOrThrow({ where: { statementId: statement.id } });
    expect(snapshot.total.toFixed(2)).toBe('-6000.92');
    const chart = await statementTotalsPerMonthChart();
    expect(chart.series.find((s) => s.label === world.leadProvider.name)?.values).toContain('-6000.92');
    expect((await statementPaymentSeries(world.leadProvider.cpdLeadProviderId, 2022)).map((s) => s.total)).toEqual(['-6000.92']);
  });
});

describe('statement rows', () => {
  it('pay exactly their count × fee, with clawbacks as rows of their own counted alike on the page and in the xlsx', async () => {
    const world = await createParticipantWorld(2023);
    await createContract(world.leadProvider, world.cohort, { monthlyServiceFee: '0' });
    const earlier = await createStatement(world.leadProvider, world.cohort, { name: 'Earlier', state: 'paid', deadlineDate: daysFromToday(-60), paymentDate: daysFromToday(-40) });
    const statement = await createStatement(world.leadProvider, world.cohort, { name: 'Now', deadlineDate: daysFromToday(5), paymentDate: daysFromToday(20) });
    const paid = [];
    for (let i = 0; i < 4; i++) {
      paid.push(await createDeclaration(await createParticipant(world), world.leadProvider, { statement: earlier, state: 'paid', declarationType: 'retained_1' }));
    }
    // Three more retained 1 now, and three of the four paid ones clawed back: the old page showed "0" declarations here.
    for (let i = 0; i < 3; i++) await createDeclaration(await createParticipant(world), world.leadProvider, { statement, state: 'eligible', declarationType: 'retained_1' });
    for (const declaration of paid.slice(0, 3)) await clawBack(declaration.id, statement);

    const view = await statementView(finance, statement.id);
    const [part] = view.parts;
    expect(part.outputs.rows.length).toBeGreaterThan(0);
    for (const [, , count, fee, payment] of [...part.outputs.rows, ...part.clawbacks.rows]) {
      expect(Number(count)).toBeGreaterThan(0);
      expect(money(fee).times(count).equals(money(payment))).toBe(true);
    }
    expect(part.outputs.rows.reduce((n, r) => n + Number(r[2]), 0)).toBe(3);
    expect(part.clawbacks.rows.reduce((n, r) => n + Number(r[2]), 0)).toBe(3);
    expect(part.clawbacks.rows.every((r) => r[0].startsWith('Clawback for Retained 1') && r[4].startsWith('-£'))).toBe(true);
    const counts = Object.fromEntries(part.counts);
    expect(counts['Total retained']).toBe('3');
    expect(counts['Total clawed back']).toBe('3');

    const workbook = await workbookOf(statement.id);
    const overview = rowsOf(workbook.getWorksheet('Statement')!);
    expect(overview.find((r) => r[0] === 'Total clawed back')?.[1]).toBe(3);
    expect(overview.find((r) => r[0] === 'Total retained')?.[1]).toBe(3);
    const clawbackRows = rowsOf(workbook.getWorksheet('Clawbacks and adjustments')!).filter((r) => String(r[0]).startsWith('Clawback for'));
    expect(clawbackRows.reduce((n, r) => n + Number(r[2]), 0)).toBe(3);
    for (const r of clawbackRows) expect(new Decimal(Number(r[3])).times(Number(r[2])).toFixed(2)).toBe(new Decimal(Number(r[4])).toFixed(2));
    const outputRows = rowsOf(workbook.getWorksheet('Output payments')!).filter((r) => r[0] === 'Retained 1');
    expect(outputRows.reduce((n, r) => n + Number(r[2]), 0)).toBe(3);
  });
});

describe('choosing a statement', () => {
  it('orders by payment date, opens on the payable statement, and warns of a cut off typed a year late', async () => {
    const world = await createParticipantWorld(2024);
    const now = new Date('2026-12-05T12:00:00Z');
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    await createStatement(world.leadProvider, world.cohort, { name: 'January 2026', deadlineDate: day('2026-12-31'), paymentDate: day('2026-01-25'), state: 'paid', outputFee: false });
    const november = await createStatement(world.leadProvider, world.cohort, { name: 'November 2026', deadlineDate: day('2026-10-31'), paymentDate: day('2026-11-25'), state: 'payable' });
    await createStatement(world.leadProvider, world.cohort, { name: 'October 2026', deadlineDate: day('2026-09-30'), paymentDate: day('2026-10-25'), state: 'paid' });
    await createStatement(world.leadProvider, world.cohort, { name: 'December 2026', deadlineDate: day('2026-11-30'), paymentDate: day('2026-12-25') });

    const statements = await listStatements(world.leadProvider.cpdLeadProviderId, 2024);
    expect(statements.map((s) => s.name)).toEqual(['January 2026', 'October 2026', 'November 2026', 'December 2026']);
    expect(currentStatement(statements, now)?.id).toBe(november.id);
    const withoutPayable = statements.filter((s) => s.id !== november.id);
    expect(currentStatement(withoutPayable, now)?.name).toBe('December 2026');

    expect(statements.flatMap(calendarWarnings)).toEqual([
      'January 2026 (2024 cohort): the milestone cut off date 2026-12-31 is after the payment date 2026-01-25; the cut off\'s year is probably wrong.',
    ]);
  });
});
