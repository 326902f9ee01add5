// Debian's chromium driven by playwright-core (playwright's own browser download cannot run here).
import type { Role } from '@prisma/client';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_LOGINS } from '../../seeds/demo-logins.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A new page signed in to the back office as the demo login of the role (seeds/demo-logins.ts). */
export async function signInAs(browser: Browser, appUrl: string, role: Role): Promise<Page> {
  const login = DEMO_LOGINS.find((l) => l.role === role)!;
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${appUrl}/admin/login`);
  await page.fill('input[name=email]', login.email);
  await page.fill('input[name=password]', login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`Signed in as ${login.email}`).waitFor();
  return page;
}

/**
 * What the back office's own pages send with a state-changing request (src/admin/http/csrf.ts): our
 * origin, and the session's token from the XSRF-TOKEN cookie. For requests a test makes with page.request.
 */
export async function ownPageHeaders(page: Page): Promise<Record<string, string>> {
  const origin = new URL(page.url()).origin;
  const tokenCookie = async () => (await page.context().cookies(`${origin}/admin`)).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value;
  // Any signed-in page hands the token over; the sign-in's own redirect may not have been followed yet.
  const token = (await tokenCookie()) ?? (await page.request.get(`${origin}/admin`), await tokenCookie());
  return { origin, ...(token ? { 'x-xsrf-token': decodeURIComponent(token) } : {}) };
}
