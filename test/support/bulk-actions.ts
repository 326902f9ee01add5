// A bulk action as a person does it (src/admin/bulk): tick every row of a filtered list, press the action
// above the list, read the preview, give the reason, check the answers, confirm and read each row's result.
import type { Page } from 'playwright-core';

export interface BulkRun {
  /** Each row of the preview: [selected, can it be done?, what will happen]. */
  preview: string[][];
  /** Each row's result: [selected, result, what happened]. */
  results: string[][];
}

const rowsOf = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('[data-testid=bulk-row]').evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => (cell.textContent ?? '').trim())));

export async function bulkActOnList(page: Page, options: {
  listUrl: string;
  /** How many rows the filtered list holds (every one is ticked). */
  rows: number;
  action: string;
  reason?: string;
  /** Saves the preview and the results as `<prefix>-preview.png` and `<prefix>-results.png`. */
  screenshots?: string;
}): Promise<BulkRun> {
  await page.goto(options.listUrl);
  const listRows = page.locator('table tbody tr');
  await listRows.nth(options.rows - 1).waitFor();
  // The design system draws each checkbox over its input.
  for (let i = 0; i < options.rows; i++) await listRows.nth(i).locator('td').first().locator('a').first().click();
  await page.getByText(`Selected (${options.rows})`).waitFor();
  await page.getByText(options.action, { exact: true }).first().click();
  await page.getByTestId('bulk-preview').waitFor();
  const preview = await rowsOf(page, 'bulk-preview');
  if (options.screenshots) await page.screenshot({ path: `${options.screenshots}-preview.png`, fullPage: true });
  if (options.reason !== undefined) {
    await page.getByRole('textbox').fill(options.reason);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  const check = page.getByTestId('check-your-answers');
  await check.waitFor();
  await check.getByRole('button').last().click();
  await page.getByTestId('bulk-results').waitFor();
  const results = await rowsOf(page, 'bulk-results');
  if (options.screenshots) await page.screenshot({ path: `${options.screenshots}-results.png`, fullPage: true });
  return { preview, results };
}
