// Staff single sign-on end to end: the real app, a real OpenID Connect provider (oidc-provider) and
// Chromium. The app runs with password sign-in switched off, as the department would run it.
import { afterAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { db } from '../../src/db/client.js';
import { freePort } from '../support/app-process.js';
import { useBackOfficeSession } from '../support/back-office-session.js';
import { ownPageHeaders } from '../support/browser.js';
import { createUser } from '../support/factories.js';
import { startOidcProvider, type TestProvider } from '../support/oidc-provider.js';

const KNOWN = 'sso.finance@example.com';
const DISABLED = 'sso.disabled@example.com';
const UNKNOWN = 'sso.stranger@example.com';
const UNVERIFIED = 'sso.unverified@example.com';

let provider: TestProvider;
let appPort: number;
let client: { clientId: string; clientSecret: string; redirectUri: string };

// The app runs on its own empty database (no demo data): the users are the test's.
const session = useBackOfficeSession({ seeded: false, beforeStart: startProvider, env: () => ({
  PORT: String(appPort),
  SEED_DEMO_DATA: 'false',
  PASSWORD_SIGN_IN: 'false',
  OIDC_ISSUER_URL: provider.issuer,
  OIDC_CLIENT_ID: client.clientId,
  OIDC_CLIENT_SECRET: client.clientSecret,
}) });

afterAll(async () => {
  await provider?.stop();
});

async function startProvider(): Promise<void> {
  await createUser('finance', { email: KNOWN, fullName: 'Sam Single' });
  await createUser('support', { email: DISABLED, disabledAt: new Date() });
  await createUser('admin', { email: UNVERIFIED });
  appPort = await freePort();
  client = { clientId: 'ecf-back-office', clientSecret: 'a-client-secret-for-the-test', redirectUri: `http://localhost:${appPort}/admin/sign-in/oidc/callback` };
  provider = await startOidcProvider({
    port: await freePort(),
    client,
    accounts: {
      // The provider's own login differs in case from our table: emails are matched without case.
      [KNOWN]: { email: 'SSO.Finance@example.com', email_verified: true },
      [DISABLED]: { email: DISABLED, email_verified: true },
      [UNKNOWN]: { email: UNKNOWN, email_verified: true },
      [UNVERIFIED]: { email: UNVERIFIED, email_verified: false },
    },
  });
}

/** From the back office's sign-in page through the provider's login page and back. */
async function signInThroughProvider(login: string): Promise<{ context: BrowserContext; page: Page; status: number | undefined }> {
  const context = await session.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${session.url}/admin/login`);
  await page.getByRole('link', { name: 'Sign in with DfE Sign-in' }).click();
  await page.waitForURL((url) => url.href.startsWith(provider.issuer));
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', 'anything');
  const callback = page.waitForResponse((response) => response.url().includes('/admin/sign-in/oidc/callback'));
  await page.click('button[type=submit]');
  const status = (await callback).status();
  await page.waitForLoadState();
  return { context, page, status };
}

const sessionCookie = async (context: BrowserContext) => (await context.cookies()).find((cookie) => cookie.name === 'ecf_admin')?.value;

describe('single sign-on', () => {
  it('signs a known user in on a new session id and lands them on the dashboard with their role, audited', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${session.url}/admin/login`);
    await page.getByRole('link', { name: 'Sign in with DfE Sign-in' }).click();
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    const beforeSignIn = await sessionCookie(context);
    expect(beforeSignIn).toBeDefined();
    await page.fill('input[name=login]', KNOWN);
    await page.fill('input[name=password]', 'anything');
    await page.click('button[type=submit]');
    await page.waitForURL(`${session.url}/admin`);
    await page.getByText(`Signed in as ${KNOWN} (Finance)`).waitFor();
    expect(await sessionCookie(context)).not.toEqual(beforeSignIn);

    const user = await db().user.findUniqueOrThrow({ where: { email: KNOWN } });
    expect(user.lastSignedInAt).not.toBeNull();
    const audit = await db().auditEvent.findFirst({ where: { action: 'user.signed_in', subjectId: user.id } });
    expect(audit?.after).toMatchObject({ method: 'single_sign_on', issuer: `${provider.issuer}/` });
    await context.close();
  });

  it('refuses someone the provider knows but the back office does not, saying what to do', async () => {
    const { context, page, status } = await signInThroughProvider(UNKNOWN);
    expect(status).toBe(403);
    await page.getByRole('heading', { name: 'You do not have an account for the ECF back office' }).waitFor();
    expect(await page.textContent('body')).toContain(`ask an admin of the ECF back office to add you as a user with this email address`);
    expect(await page.textContent('body')).toContain(UNKNOWN);
    await page.goto(`${session.url}/admin`);
    expect(page.url()).toBe(`${session.url}/admin/login`);
    await context.close();
  });

  it('refuses a disabled user', async () => {
    const { context, page, status } = await signInThroughProvider(DISABLED);
    expect(status).toBe(403);
    await page.getByRole('heading', { name: 'Your back-office account is disabled' }).waitFor();
    expect(await page.textContent('body')).toContain('ask an admin of the ECF back office to enable your account');
    const user = await db().user.findUniqueOrThrow({ where: { email: DISABLED } });
    expect(user.lastSignedInAt).toBeNull();
    expect(await db().auditEvent.count({ where: { action: 'user.sign_in_refused', subjectId: user.id } })).toBe(1);
    await context.close();
  });

  it('refuses an email the provider has not verified, even when it is a user', async () => {
    const { context, page, status } = await signInThroughProvider(UNVERIFIED);
    expect(status).toBe(403);
    await page.getByRole('heading', { name: 'DfE Sign-in has not confirmed your email address' }).waitFor();
    await context.close();
  });

  it('refuses a callback that does not belong to a sign-in this browser started', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${session.url}/admin/sign-in/oidc/callback?code=forged&state=forged`);
    expect(response?.status()).toBe(400);
    await page.getByRole('heading', { name: 'Sign-in did not complete' }).waitFor();
    await context.close();
  });
});

describe('with password sign-in switched off', () => {
  it('shows only the single sign-on button, and refuses a posted password form', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.url}/admin/login`);
    await page.getByRole('link', { name: 'Sign in with DfE Sign-in' }).waitFor();
    expect(await page.locator('input[name=password]').count()).toBe(0);
    expect(await page.locator('[data-testid=password-sign-in]').count()).toBe(0);

    const posted = await page.request.post(`${session.url}/admin/login`, { headers: await ownPageHeaders(page), form: { email: 'admin@example.com', password: 'demo-password-123' } });
    expect(posted.status()).toBe(403);
    expect(await posted.text()).toContain('Signing in with a password is switched off');
    await page.close();
  });
});
