// An admin makes a lead provider's API token in the back office: shown once, working at once, then revoked.
import { describe, expect, it } from '@jest/globals';
import { DEMO_LOGINS } from '../../seeds/demo-logins.js';
import { hashApiToken } from '../../src/auth/api-token.js';
import { db } from '../../src/db/client.js';
import { useBackOfficeSession } from '../support/back-office-session.js';
import { bulkActOnList } from '../support/bulk-actions.js';
import { createLeadProvider } from '../support/factories.js';
import { createToken } from '../api/support/api-client.js';

const session = useBackOfficeSession();

describe('API tokens in the back office', () => {
  it('creates a token shown once that the API accepts, lists its use, and revokes it', async () => {
    const admin = DEMO_LOGINS.find((l) => l.role === 'admin')!;
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${session.url}/admin/login`);
    await page.fill('input[name=email]', admin.email);
    await page.fill('input[name=password]', admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`Signed in as ${admin.email}`).waitFor();

    const leadProvider = await db().leadProvider.findFirstOrThrow({ orderBy: { name: 'asc' } });
    await page.goto(`${session.url}/admin/resources/LeadProvider/records/${leadProvider.id}/createApiToken`);
    await page.getByText('Create an API token').waitFor();
    await page.fill('#confirm-description', 'Student records system');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByText('Copy the token now: it is not stored and will not be shown again.').waitFor();
    const token = (await page.locator('tr', { hasText: 'Token' }).locator('td').nth(1).innerText()).trim();
    expect(await db().apiToken.count({ where: { hashedToken: hashApiToken(token), description: 'Student records system' } })).toBe(1);

    const participants = await fetch(`${session.url}/api/v3/participants/ecf?page[per_page]=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(participants.status).toBe(200);

    const stored = await db().apiToken.findFirstOrThrow({ where: { hashedToken: hashApiToken(token) } });
    expect(stored.lastUsedAt).not.toBeNull();
    await page.goto(`${session.url}/admin/resources/ApiToken/records/${stored.id}/show`);
    await page.getByText('Student records system').first().waitFor();
    await page.getByText('Revoke', { exact: true }).click();
    const check = page.getByTestId('check-your-answers');
    await check.getByText("The lead provider's system is refused from its next request with this token.").waitFor();
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: stored.id } })).revokedAt).toBeNull();
    await check.getByRole('button', { name: 'Revoke token' }).click();
    await page.getByText('Token revoked.').waitFor();
    const refused = await fetch(`${session.url}/api/v3/participants/ecf`, { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(401);
    await page.close();
  }, 120_000);

  it('lets an admin revoke tokens in bulk from the API tokens list, saying which was already revoked', async () => {
    const leadProvider = await createLeadProvider();
    const inUse = await createToken(leadProvider);
    await createToken(leadProvider, { revokedAt: new Date() });
    const page = await session.signIn('admin');

    const run = await bulkActOnList(page, {
      listUrl: `${session.url}/admin/resources/ApiToken?filters.cpdLeadProvider=${leadProvider.cpdLeadProviderId}`, rows: 2, action: 'Revoke API tokens',
    });

    expect(run.preview.map((row) => row.slice(1)).sort()).toEqual([['No', 'This token has already been revoked.'], ['Yes', 'Will be revoked.']]);
    expect(run.results.map((row) => row.slice(1)).sort()).toEqual([['Done', 'Revoked.'], ['Not done', 'This token has already been revoked.']]);
    const refused = await fetch(`${session.url}/api/v3/participants/ecf`, { headers: { authorization: `Bearer ${inUse}` } });
    expect(refused.status).toBe(401);
    await page.close();
  }, 120_000);
});
