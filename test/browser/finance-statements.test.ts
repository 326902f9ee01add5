// The Statements page in a real browser against the real app and its demo data: finance opens a payable
// statement, authorises it for payment (refused until the checks are confirmed), and downloads the
// statement spreadsheet, whose total is the one on the screen, and the declarations CSV with the DfE's columns.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { db } from '../../src/db/client.js';
import { launchBrowser } from '../support/browser.js';
import { startApp, type RunningApp } from '../support/app-process.js';

const PASSWORD = 'demo-password-123';
// ecf-domain.md §7.6, in order.
const DFE_CSV_COLUMNS = [
  'Participant ID', 'Participant Name', 'TRN', 'Type', 'Mentor Profile ID', 'Schedule', 'Eligible For Funding',
  'Eligible For Funding Reason', 'Sparsity Uplift', 'Pupil Premium Uplift', 'Sparsity And Pp', 'Lead Provider Name',
  'Delivery Partner Name', 'School Urn', 'School Name', 'Training Status', 'Training Status Reason', 'Declaration ID',
  'Declaration Status', 'Declaration Type', 'Declaration Date', 'Declaration Created At', 'Statement Name', 'Statement ID',
  'Uplift Payable',
];

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp(process.env.DATABASE_URL!);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signIn(email: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  await page.goto(`${app.url}/admin/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`Signed in as ${email}`).waitFor();
  return page;
}

/** A demo statement finance can authorise: payable, past its cut off date, with declarations, of a cohort before 2025. */
async function payableStatement() {
  const statements = await db().statement.findMany({
    where: { state: 'payable', outputFee: true, markedAsPaidAt: null, deadlineDate: { lt: new Date() }, cohort: { startYear: { lt: 2025 } }, lineItems: { some: {} } },
    include: { cpdLeadProvider: true, _count: { select: { lineItems: true } } },
    orderBy: [{ deadlineDate: 'asc' }, { name: 'asc' }],
  });
  expect(statements.length).toBeGreaterThan(0);
  return statements.sort((a, b) => b._count.lineItems - a._count.lineItems)[0];
}

async function download(page: Page, link: string): Promise<{ name: string; content: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  return { name: file.suggestedFilename(), content: await readFile((await file.path())!) };
}

describe('the Statements page', () => {
  it('lets finance authorise a payable statement with confirmation and download its xlsx and declarations CSV', async () => {
    const statement = await payableStatement();
    const page = await signIn('finance@example.com');
    await page.goto(`${app.url}/admin/pages/statements?statement=${statement.id}`);
    await page.getByTestId('statement').getByText(`${statement.cpdLeadProvider.name}: ${statement.name}`).waitFor();
    const screenTotal = (await page.getByTestId('statement-total').innerText()).replace(/^Total\s+/, '');
    expect(screenTotal).toMatch(/^-?£[\d,]+\.\d\d$/);

    const authorise = page.getByTestId('authorise');
    await authorise.getByRole('button', { name: 'Authorise for payment' }).click();
    await page.getByText('Confirm all necessary assurance checks have been done before authorising this statement for payment').waitFor();
    expect((await db().statement.findUniqueOrThrow({ where: { id: statement.id } })).markedAsPaidAt).toBeNull();

    await authorise.getByText("Yes, I'm ready to authorise this for payment").click();
    await authorise.getByRole('button', { name: 'Authorise for payment' }).click();
    await page.getByText('Statement authorised for payment.').waitFor();
    await page.getByText(/^Authorised for payment at \d{1,2}:\d\d[ap]m on \d{1,2} \w{3} \d{4}$/).waitFor();
    expect(await page.getByTestId('authorise').count()).toBe(0);
    const paid = await db().statement.findUniqueOrThrow({ where: { id: statement.id } });
    expect(paid.state).toBe('paid');
    expect(paid.markedAsPaidAt).not.toBeNull();

    const xlsx = await download(page, 'Download statement (xlsx)');
    expect(xlsx.name).toMatch(/^ECF-Statement-\w+-Cohort\d{4}-\w+\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.content).buffer);
    let totalRow: ExcelJS.Row | undefined;
    workbook.getWorksheet('Statement')!.eachRow((row) => { if (row.getCell(1).value === 'Total') totalRow = row; });
    const cell = totalRow!.getCell(2);
    expect(cell.numFmt).toBe('£#,##0.00');
    expect(Number(cell.value).toLocaleString('en-GB', { style: 'currency', currency: 'GBP' })).toBe(screenTotal);

    const csv = await download(page, 'Download declarations (csv)');
    const provider = statement.cpdLeadProvider.name.replace(/\W/g, '');
    expect(csv.name).toMatch(new RegExp(`^ECF-Declarations-${provider}-Cohort\\d{4}-${statement.name.replace(/\W/g, '')}\\.csv$`));
    const [header, ...rows] = csv.content.toString('utf8').trimEnd().split(/\r?\n/);
    expect(header.split(',')).toEqual(DFE_CSV_COLUMNS);
    expect(rows).toHaveLength(statement._count.lineItems);
    expect(rows.every((row) => row.includes(statement.id))).toBe(true);
  }, 180_000);
});
