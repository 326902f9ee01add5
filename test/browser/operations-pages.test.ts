// In a real browser against the real app: the dashboard draws its charts (with the maintenance banner
// showing while the back office keeps working), and support record a TRN in the TRN checks queue.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { db } from '../../src/db/client.js';
import { systemContext } from '../../src/actions/actor.js';
import { setMaintenanceMode } from '../../src/actions/maintenance/set-maintenance-mode.js';
import { requestTrnCheck } from '../../src/actions/trn-checks/request-trn-check.js';
import { launchBrowser } from '../support/browser.js';
import { startApp, type RunningApp } from '../support/app-process.js';

const PASSWORD = 'demo-password-123';
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp(process.env.DATABASE_URL!);
  browser = await launchBrowser();
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A page that remembers the app's own errors (fonts from the internet may fail here and do not count). */
async function signIn(email: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && message.location().url.startsWith(app.url) && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.url().startsWith(`${app.url}/admin/api`) && response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${app.url}/admin/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`Signed in as ${email}`).waitFor();
  return { page, errors };
}

describe('operations pages', () => {
  it('draws the dashboard charts for finance, under the maintenance banner', async () => {
    await setMaintenanceMode(systemContext('test'), { on: true, until: new Date(Date.now() + 3600_000).toISOString() });
    try {
      const { page, errors } = await signIn('finance@example.com');
      await page.getByTestId('maintenance-banner').waitFor();
      expect(await page.getByTestId('maintenance-banner').innerText()).toContain('Maintenance mode is on: the lead provider API and the check data portal are unavailable until');
      for (const id of ['declarations-per-month', 'participants-by-cohort']) {
        const canvas = page.getByTestId(`dashboard-chart-${id}`).locator('canvas');
        await canvas.waitFor();
        const box = await canvas.boundingBox();
        expect(box!.width).toBeGreaterThan(300);
        expect(box!.height).toBeGreaterThan(200);
      }
      await page.getByTestId('dashboard-chart-statement-totals-per-month').waitFor();
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await setMaintenanceMode(systemContext('test'), { on: false });
    }
  }, 120_000);

  it('lets support record the TRN found for a check in the queue', async () => {
    const profile = await db().participantProfile.findFirstOrThrow({ where: { trnValidationState: 'valid' }, include: { teacher: true } });
    const { id } = await requestTrnCheck(systemContext('test'), { participantProfileId: profile.id, reason: 'Date of birth did not match' });
    const { page, errors } = await signIn('support@example.com');
    // The queue lists the oldest first; support find this one by name, as they would from a ticket.
    await page.goto(`${app.url}/admin/resources/TrnCheckRequest?filters.fullName=${encodeURIComponent(profile.teacher.fullName)}`);
    await page.locator('tbody').getByText(profile.teacher.fullName).first().click();
    await page.getByRole('link', { name: 'Record answer' }).or(page.getByRole('button', { name: 'Record answer' })).first().click();
    await page.getByTestId('confirm-page').waitFor();
    expect(await page.getByTestId('confirm-page').innerText()).toContain('Date of birth did not match');
    await page.locator('#confirm-outcome-trn_found').check();
    await page.locator('#confirm-trn').fill('12345');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('check-your-answers').getByRole('button', { name: 'Record answer' }).click();
    await page.getByText("TRN 0012345 recorded: the participant's TRN is validated.").waitFor();
    expect(errors).toEqual([]);

    expect(await db().trnCheckRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'trn_found', trnFound: '0012345', answeredBy: 'support@example.com' });
    expect((await db().teacher.findUniqueOrThrow({ where: { id: profile.teacherId } })).trn).toBe('0012345');
    expect((await db().participantProfile.findUniqueOrThrow({ where: { id: profile.id } })).trnValidationState).toBe('valid');
    await page.close();
  }, 120_000);
});
