// The Statements page in a real browser against the real app and its demo data: it opens on the current
// payable statement; every row pays its count × fee and clawback counts agree with the spreadsheet; finance
// requests authorisation (refused until the checks are confirmed), a second user approves it on the Approvals
// page, and the sign-off shows on the page and in the spreadsheet, whose total is the one on the screen.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { Role } from '@prisma/client';
import { db } from '../../src/db/client.js';
import { Decimal } from '../../src/reports/statements/decimal.js';
import { currentStatement, listStatements } from '../../src/reports/statements/find-statements.js';
import { WILL_REQUEST_CLAWBACK, WILL_VOID } from '../../src/admin/bulk/void-declarations.js';
import { useBackOfficeSession } from '../support/back-office-session.js';
import { bulkActOnList } from '../support/bulk-actions.js';
import { createDeclaration, createParticipant, createParticipantWorld, createStatement } from '../support/factories.js';
import { tabTo } from '../support/keyboard.js';

// the DfE's app/serializers/finance/ecf/assurance_report/csv_serializer.rb, in order.
const DFE_CSV_COLUMNS = [
  'Participant ID', 'Participant Name', 'TRN', 'Type', 'Mentor Profile ID', 'Schedule', 'Eligible For Funding',
  'Eligible For Funding Reason', 'Sparsity Uplift', 'Pupil Premium Uplift', 'Sparsity And Pp', 'Lead Provider Name',
  'Delivery Partner Name', 'School Urn', 'School Name', 'Training Status', 'Training Status Reason', 'Declaration ID',
  'Declaration Status', 'Declaration Type', 'Declaration Date', 'Declaration Created At', 'Statement Name', 'Statement ID',
  'Uplift Payable',
];

const session = useBackOfficeSession();

const signIn = (role: Role) => session.signIn(role, { acceptDownloads: true });

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

const money = (text: string) => new Decimal(text.replace(/£|,/g, ''));

async function tableRows(page: Page, testId: string): Promise<string[][]> {
  const table = page.getByTestId(testId);
  if ((await table.locator('tbody tr').count()) === 0) return [];
  return table.locator('table').first().locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => (cell.textContent ?? '').trim())));
}

describe('the Statements page', () => {
  it('opens on the current payable statement, and every row pays its count × fee with clawback counts agreeing with the xlsx', async () => {
    const page = await signIn('finance');
    await page.goto(`${session.url}/admin/pages/statements`);
    await page.getByTestId('statement').waitFor();
    const firstProvider = (await db().cpdLeadProvider.findMany({ orderBy: { name: 'asc' }, take: 1 }))[0];
    const expected = currentStatement(await listStatements(firstProvider.id));
    const opened = await db().statement.findUniqueOrThrow({ where: { id: expected!.id } });
    await page.getByTestId('statement').getByText(`${firstProvider.name}: ${opened.name}`).waitFor();
    const payable = await db().statement.count({ where: { cpdLeadProviderId: firstProvider.id, state: 'payable', outputFee: true } });
    if (payable > 0) expect(opened.state).toBe('payable');

    // A statement of a cohort before 2025 with clawbacks on it.
    const withClawbacks = await db().statement.findFirstOrThrow({
      where: { cohort: { startYear: { lt: 2025 } }, lineItems: { some: { state: { in: ['awaiting_clawback', 'clawed_back'] } } } },
      include: { cpdLeadProvider: true },
      orderBy: { paymentDate: 'asc' },
    });
    await page.goto(`${session.url}/admin/pages/statements?statement=${withClawbacks.id}`);
    await page.getByTestId('statement').getByText(`${withClawbacks.cpdLeadProvider.name}: ${withClawbacks.name}`).waitFor();
    const outputs = await tableRows(page, 'output-lines-0');
    const clawbacks = await tableRows(page, 'clawback-lines-0');
    expect(clawbacks.length).toBeGreaterThan(0);
    for (const [, , count, fee, payment] of [...outputs, ...clawbacks]) {
      expect(Number(count)).toBeGreaterThan(0);
      expect(money(fee).times(count).toFixed(2)).toBe(money(payment).toFixed(2));
    }
    const clawedBackRows = clawbacks.filter((r) => r[0].startsWith('Clawback for')).reduce((n, r) => n + Number(r[2]), 0);
    const counts = Object.fromEntries(await page.getByTestId('counts-0').locator('tr').evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => (cell.textContent ?? '').trim()))));
    expect(Number(counts['Total clawed back'])).toBe(clawedBackRows);
    expect(clawedBackRows).toBeGreaterThan(0);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array((await download(page, 'Download statement (xlsx)')).content).buffer);
    const rows = (name: string) => {
      const found: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => found.push((row.values as unknown[]).slice(1)));
      return found;
    };
    expect(rows('Statement').find((r) => r[0] === 'Total clawed back')?.[1]).toBe(clawedBackRows);
    expect(rows('Clawbacks and adjustments').filter((r) => String(r[0]).startsWith('Clawback for')).reduce((n, r) => n + Number(r[2]), 0)).toBe(clawedBackRows);
    for (const label of ['Total starts', 'Total retained', 'Total completed']) expect(rows('Statement').find((r) => r[0] === label)?.[1]).toBe(Number(counts[label]));
  }, 180_000);

  it('lets finance request authorisation with confirmation, a second user approve it, and shows the sign-off on the page and in the xlsx', async () => {
    const statement = await payableStatement();
    const page = await signIn('finance');
    await page.goto(`${session.url}/admin/pages/statements?statement=${statement.id}`);
    await page.getByTestId('statement').getByText(`${statement.cpdLeadProvider.name}: ${statement.name}`).waitFor();
    const screenTotal = (await page.getByTestId('statement-total').innerText()).replace(/^Total\s+/, '');
    expect(screenTotal).toMatch(/^-?£[\d,]+\.\d\d$/);

    const authorise = page.getByTestId('authorise');
    // Each request goes through a check-your-answers step first.
    const check = page.getByTestId('statement-check');
    await authorise.getByRole('button', { name: 'Request authorisation for payment' }).click();
    await check.getByText('All necessary assurance checks done').waitFor();
    await check.getByRole('button', { name: 'Request authorisation for payment' }).click();
    await page.getByText('Confirm all necessary assurance checks have been done before authorising this statement for payment').first().waitFor();
    expect(await db().approvalRequest.count({ where: { statementId: statement.id } })).toBe(0);

    await authorise.getByText("Yes, I'm ready to authorise this for payment").click();
    await authorise.getByRole('button', { name: 'Request authorisation for payment' }).click();
    await check.getByText(screenTotal).first().waitFor();
    expect(await db().approvalRequest.count({ where: { statementId: statement.id } })).toBe(0);
    await check.getByRole('button', { name: 'Request authorisation for payment' }).click();
    await page.getByText(/^Authorisation requested: it takes effect when another finance or super user approves it/).first().waitFor();
    await page.getByTestId('sign-off').getByText(/^Authorisation requested by finance@example\.com at .+; waiting for a second finance or super user to approve it$/).waitFor();
    expect(await page.getByTestId('authorise').count()).toBe(0);
    expect((await db().statement.findUniqueOrThrow({ where: { id: statement.id } })).state).toBe('payable');
    const request = await db().approvalRequest.findFirstOrThrow({ where: { statementId: statement.id, status: 'pending' } });

    // The requester sees their own request on the Approvals page, without a way to approve it.
    await page.goto(`${session.url}/admin/pages/approvals`);
    const own = page.getByTestId(`approval-${request.id}`);
    await own.getByText('This is your request').waitFor();
    expect(await own.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    const second = await signIn('super_user');
    await second.goto(`${session.url}/admin/pages/approvals`);
    const pendingApproval = second.getByTestId(`approval-${request.id}`);
    await pendingApproval.getByRole('button', { name: 'Approve' }).click();
    await pendingApproval.getByTestId('check-your-answers').getByRole('button', { name: 'Approve' }).click();
    await second.getByText('Approved: the change has been made.').first().waitFor();
    const paid = await db().statement.findUniqueOrThrow({ where: { id: statement.id } });
    expect(paid.state).toBe('paid');
    expect(paid.markedAsPaidAt).not.toBeNull();

    await page.goto(`${session.url}/admin/pages/statements?statement=${statement.id}`);
    await page.getByText(/^Authorised for payment at \d{1,2}:\d\d[ap]m on \d{1,2} \w{3} \d{4}$/).waitFor();
    await page.getByTestId('sign-off').getByText(/^Authorisation requested by finance@example\.com at .+; approved by superuser@example\.com at .+$/).waitFor();

    const xlsx = await download(page, 'Download statement (xlsx)');
    expect(xlsx.name).toMatch(/^ECF-Statement-\w+-Cohort\d{4}-\w+\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.content).buffer);
    let totalRow: ExcelJS.Row | undefined;
    let signOff: unknown;
    workbook.getWorksheet('Statement')!.eachRow((row) => {
      if (row.getCell(1).value === 'Total') totalRow = row;
      if (row.getCell(1).value === 'Sign-off') signOff = row.getCell(2).value;
    });
    const cell = totalRow!.getCell(2);
    expect(cell.numFmt).toBe('£#,##0.00');
    expect(Number(cell.value).toLocaleString('en-GB', { style: 'currency', currency: 'GBP' })).toBe(screenTotal);
    expect(signOff).toMatch(/^Authorisation requested by finance@example\.com at .+; approved by superuser@example\.com at .+$/);

    const csv = await download(page, 'Download declarations (csv)');
    const provider = statement.cpdLeadProvider.name.replace(/\W/g, '');
    expect(csv.name).toMatch(new RegExp(`^ECF-Declarations-${provider}-Cohort\\d{4}-${statement.name.replace(/\W/g, '')}\\.csv$`));
    const [header, ...rows] = csv.content.toString('utf8').trimEnd().split(/\r?\n/);
    expect(header.split(',')).toEqual(DFE_CSV_COLUMNS);
    expect(rows).toHaveLength(statement._count.lineItems);
    expect(rows.every((row) => row.includes(statement.id))).toBe(true);
  }, 180_000);
});

describe('keyboard only', () => {
  it('requests authorisation of a statement with the keyboard alone, through its check-your-answers step, focus visible at every step', async () => {
    const statement = await db().statement.findFirstOrThrow({
      where: { state: 'payable', outputFee: true, markedAsPaidAt: null, deadlineDate: { lt: new Date() }, cohort: { startYear: { lt: 2025 } }, lineItems: { some: {} }, approvalRequests: { none: {} } },
      include: { cpdLeadProvider: true },
    });
    const page = await signIn('finance');
    await page.goto(`${session.url}/admin/pages/statements?statement=${statement.id}`);
    await page.getByTestId('statement').getByText(`${statement.cpdLeadProvider.name}: ${statement.name}`).waitFor();
    const authorise = page.getByTestId('authorise');
    await tabTo(page, authorise.locator('#checks-done'));
    await page.keyboard.press('Space');
    await tabTo(page, authorise.getByRole('button', { name: 'Request authorisation for payment' }));
    await page.keyboard.press('Enter');
    const check = page.getByTestId('statement-check');
    await check.getByText('All necessary assurance checks done').waitFor();
    await tabTo(page, check.getByRole('button', { name: 'Request authorisation for payment' }));
    await page.keyboard.press('Enter');
    await page.getByTestId('sign-off').getByText(/^Authorisation requested by finance@example\.com at .+; waiting for a second finance or super user to approve it$/).waitFor();
    expect(await db().approvalRequest.count({ where: { statementId: statement.id, status: 'pending' } })).toBe(1);
    await page.close();
  }, 180_000);
});

describe('list downloads', () => {
  it('downloads the Declarations list as finance filtered it, from the Download drawer', async () => {
    const voided = await db().declaration.findMany({ where: { state: 'voided' }, select: { id: true }, orderBy: [{ declarationDate: 'asc' }, { id: 'asc' }] });
    expect(voided.length).toBeGreaterThan(0);
    const page = await signIn('finance');
    await page.goto(`${session.url}/admin/resources/Declaration?filters.state=voided&sortBy=declarationDate&direction=asc`);
    await page.getByRole('button', { name: 'Download' }).or(page.getByRole('link', { name: 'Download' })).first().click();
    const drawer = page.getByTestId('list-download');
    await drawer.getByText(`${voided.length.toLocaleString('en-GB')} record`).waitFor();
    const file = await download(page, 'Download as CSV');
    expect(file.name).toMatch(/^declarations-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = file.content.toString('utf8').trim().split('\n');
    expect(header.split(',').slice(0, 2)).toEqual(['Id', 'Teacher']);
    expect(rows.map((row) => row.split(',')[0])).toEqual(voided.map((d) => d.id));
    await page.close();
  }, 180_000);
});

/** Set to a folder to keep screenshots of the pages a test walks through. */
const SCREENSHOTS = process.env.SCREENSHOTS_DIR;

describe('bulk actions', () => {
  /** A participant of their own lead provider with one declaration in each of the given states, on a statement. */
  async function declarationsIn(states: ('eligible' | 'voided' | 'paid' | 'submitted' | 'clawed_back')[]) {
    const world = await createParticipantWorld(2024);
    const participant = await createParticipant(world);
    const open = await createStatement(world.leadProvider, world.cohort);
    const paid = await createStatement(world.leadProvider, world.cohort, { state: 'paid' });
    const types = ['started', 'retained_1', 'retained_2', 'retained_3'] as const;
    const declarations = [];
    for (const [i, state] of states.entries()) {
      declarations.push(await createDeclaration(participant, world.leadProvider, { declarationType: types[i], state, statement: state === 'paid' ? paid : open }));
    }
    return { listUrl: `${session.url}/admin/resources/Declaration?filters.teacher=${participant.teacher.id}`, declarations };
  }
  const byType = (rows: string[][]) => Object.fromEntries(rows.map(([selected, ...rest]) => [selected.match(/(started|retained-\d)/)![1], rest]));

  it('lets finance void declarations in bulk: the unpaid voided, the paid sent to a second approver, the voided refused', async () => {
    const { listUrl, declarations: [eligible, voided, paid] } = await declarationsIn(['eligible', 'voided', 'paid']);
    const page = await signIn('finance');

    const run = await bulkActOnList(page, { listUrl, rows: 3, action: 'Void declarations', reason: 'Sent twice by the provider', screenshots: SCREENSHOTS && `${SCREENSHOTS}/bulk-void-finance` });

    expect(byType(run.preview)).toEqual({
      started: ['Yes', WILL_VOID], 'retained-1': ['No', 'This declaration has already been voided.'], 'retained-2': ['Yes', WILL_REQUEST_CLAWBACK],
    });
    expect(byType(run.results)).toEqual({
      started: ['Done', 'Voided.'], 'retained-1': ['Not done', 'This declaration has already been voided.'],
      'retained-2': ['Done', 'Clawback requested: waiting for a second finance or super user on the Approvals page.'],
    });
    const states = await db().declaration.findMany({ where: { id: { in: [eligible.id, voided.id, paid.id] } }, select: { id: true, state: true } });
    expect(Object.fromEntries(states.map((d) => [d.id, d.state]))).toEqual({ [eligible.id]: 'voided', [voided.id]: 'voided', [paid.id]: 'paid' });
    expect(await db().approvalRequest.count({ where: { declarationId: paid.id, kind: 'clawback_declaration', status: 'pending' } })).toBe(1);
    await page.close();
  }, 180_000);

  it('lets a super user void declarations in bulk, refusing the one already clawed back', async () => {
    const { listUrl, declarations: [submitted, clawedBack] } = await declarationsIn(['submitted', 'clawed_back']);
    const page = await signIn('super_user');

    const run = await bulkActOnList(page, { listUrl, rows: 2, action: 'Void declarations', reason: 'Participant never started' });

    expect(byType(run.results)).toEqual({
      started: ['Done', 'Voided.'], 'retained-1': ['Not done', 'This declaration has been clawed-back, so you can only view it.'],
    });
    expect((await db().declaration.findUniqueOrThrow({ where: { id: submitted.id } })).state).toBe('voided');
    expect((await db().declaration.findUniqueOrThrow({ where: { id: clawedBack.id } })).state).toBe('clawed_back');
    await page.close();
  }, 180_000);
});
