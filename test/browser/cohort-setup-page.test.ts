// The "Cohort setup" page in a real browser against the real app: a policy user opens cohort 2027 with the
// DfE's files (preview, counts, apply), sees it on the cohort's page, and a file with a mistake is shown
// with its line and column and imports nothing. Finance cannot use the page.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { db } from '../../src/db/client.js';
import { ownPageHeaders } from '../support/browser.js';
import { chooseFileByKeyboard, previewAndApplyImportByKeyboard, tabTo } from '../support/keyboard.js';
import { useBackOfficeSession } from '../support/back-office-session.js';
import { COHORT_FIXTURE_NAMES } from '../actions/cohorts/cohort-setup-files.js';

const FIXTURES = new URL('../fixtures/cohort-import/', import.meta.url);
const PAGE = '/admin/resources/Cohort/actions/importSetup';

const session = useBackOfficeSession();

/** The summary table's row for a kind of record, as its cell texts. */
async function summaryRow(page: Page, label: string): Promise<string[]> {
  return page.getByTestId('import-summary').locator('tr', { hasText: label }).first().locator('td').allInnerTexts();
}

describe('the cohort setup page', () => {
  it('lets policy preview the DfE files for cohort 2027, apply them and see the cohort with its contract and statement', async () => {
    const page = await session.signIn('policy');
    await page.goto(`${session.url}${PAGE}`);
    for (const [field, file] of Object.entries(COHORT_FIXTURE_NAMES)) {
      await page.setInputFiles(`#import-${field}`, new URL(file, FIXTURES).pathname);
    }

    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('Preview: this is what applying will do').waitFor();
    expect(await summaryRow(page, 'Call-off contracts')).toEqual(['Call-off contracts', '1', '0', '0']);
    expect(await summaryRow(page, 'Milestones')).toEqual(['Milestones', '1', '0', '0']);
    await page.getByText('Create September 2027 statement for Ambition Institute, cohort 2027').waitFor();
    expect(await db().cohort.count({ where: { startYear: 2027 } })).toBe(0);

    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByText('Imported', { exact: true }).waitFor();
    expect(await summaryRow(page, 'Statements')).toEqual(['Statements', '1', '0', '0']);
    const cohort = await db().cohort.findUniqueOrThrow({ where: { startYear: 2027 } });

    await page.goto(`${session.url}/admin/resources/Cohort/records/${cohort.id}/show`);
    const contracts = page.getByTestId('cohort-contracts');
    await contracts.getByText('Ambition Institute', { exact: false }).first().waitFor();
    expect(await contracts.innerText()).toContain('£400.00');
    expect(await page.getByTestId('cohort-schedules').innerText()).toContain('ECF Standard September');
    const statements = await page.getByTestId('cohort-statements').innerText();
    expect(statements).toContain('September 2027');
    expect(statements).toContain('25 November 2027');
    await page.close();
  });

  it('lets policy import with the keyboard alone: the Import cohort set-up button, six file choosers, preview and apply, focus visible at every step', async () => {
    // The DfE's files moved to 2031: the test above opens 2027, the ones below try 2028 and 2029.
    const file = (name: string) => ({ name: name.replace('.csv', '_2031.csv'), mimeType: 'text/csv', buffer: Buffer.from(readFileSync(new URL(name, FIXTURES), 'utf8').replace(/2027/g, '2031')) });
    const page = await session.signIn('policy');
    await page.goto(`${session.url}/admin/resources/Cohort`);
    await tabTo(page, page.getByRole('link', { name: 'Import cohort set-up' }).or(page.getByRole('button', { name: 'Import cohort set-up' })).first());
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${PAGE}`);

    for (const [field, name] of Object.entries(COHORT_FIXTURE_NAMES)) {
      await chooseFileByKeyboard(page, page.locator(`#import-${field}`), file(name));
    }
    await previewAndApplyImportByKeyboard(page);
    expect(await db().cohort.count({ where: { startYear: 2031 } })).toBe(1);
    await page.close();
  });

  it('shows a mistake with its line and column, and imports nothing even when apply is sent', async () => {
    const page = await session.signIn('policy');
    const cohort = { name: 'cohort_2028.csv', mimeType: 'text/csv', buffer: Buffer.from(readFileSync(new URL('cohort_csv_data.csv', FIXTURES), 'utf8').replace(/2027/g, '2028')) };
    const statement = { name: 'statements_2028.csv', mimeType: 'text/csv', buffer: Buffer.from('type,name,cohort,deadline_date,payment_date,output_fee\necf,September 2028,2028,2028-09-01,2028-11-25,yes\n') };
    await page.goto(`${session.url}${PAGE}`);
    await page.setInputFiles('#import-cohort', cohort);
    await page.setInputFiles('#import-statement', statement);

    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('Nothing can be imported until these problems are corrected').waitFor();
    const problem = page.getByTestId('import-problems').locator('tbody tr').first();
    expect(await problem.locator('td').allInnerTexts()).toEqual(['statements_2028.csv', '2', 'output_fee', '"yes" is not true or false: enter true or false in lower case']);
    expect(await page.getByRole('button', { name: 'Apply import' }).isDisabled()).toBe(true);

    const response = await page.request.post(`${session.url}/admin/api/resources/Cohort/actions/importSetup`, { headers: await ownPageHeaders(page),
      multipart: { cohort, statement, mode: 'apply' },
    });
    const body = await response.json();
    expect(body.view).toMatchObject({ applied: false, problems: [{ file: 'statements_2028.csv', line: 2, column: 'output_fee' }] });
    expect(await db().cohort.count({ where: { startYear: 2028 } })).toBe(0);
    await page.close();
  });

  it('is not offered to finance, and its endpoint refuses them', async () => {
    const page = await session.signIn('finance');
    await page.goto(`${session.url}/admin/resources/Cohort`);
    await page.locator('tbody tr').first().waitFor();
    expect(await page.getByText('Import cohort set-up').count()).toBe(0);

    const cohort = { name: 'cohort_2029.csv', mimeType: 'text/csv', buffer: Buffer.from(readFileSync(new URL('cohort_csv_data.csv', FIXTURES), 'utf8').replace(/2027/g, '2029')) };
    const response = await page.request.post(`${session.url}/admin/api/resources/Cohort/actions/importSetup`, { headers: await ownPageHeaders(page), multipart: { cohort, mode: 'apply' } });
    expect(await response.json()).toMatchObject({ notice: { type: 'error' }, record: { baseError: { type: 'ForbiddenError' } } });
    expect(await db().cohort.count({ where: { startYear: 2029 } })).toBe(0);
    await page.close();
  });
});
