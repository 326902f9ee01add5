// The back office, the API docs and the portal load everything from our own origin, under a CSP the
// browser enforces without complaint: no font service or any other third party learns who uses them.
import { describe, expect, it } from '@jest/globals';
import { useBackOfficeSession } from '../support/back-office-session.js';

const session = useBackOfficeSession();

describe('own assets only', () => {
  it('sends no request to anyone but us, and breaks no CSP rule, on the sign-in page, the dashboard, a list, the API docs and the portal', async () => {
    const page = await session.signIn('admin');
    const elsewhere: string[] = [];
    const violations: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['localhost', '127.0.0.1'].includes(url.hostname) && url.protocol !== 'data:') elsewhere.push(request.url());
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    for (const path of ['/admin', '/admin/resources/School', '/api/docs/', '/check-data/', '/admin/logout']) {
      await page.goto(`${session.url}${path}`);
      await page.waitForLoadState('networkidle');
    }
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(elsewhere).toEqual([]);
    expect(violations).toEqual([]);
  }, 120_000);
});
