// Merging a duplicate participant in a real browser: the candidate pairs, two records side by side,
// the dry run, then the merge; the removed record is archived into the kept one.
import { describe, expect, it } from '@jest/globals';
import { db } from '../../src/db/client.js';
import { useBackOfficeSession } from '../support/back-office-session.js';

const session = useBackOfficeSession();

describe('the duplicate participants page', () => {
  it('lets support find a pair, compare it, see the dry run and merge', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${session.url}/admin/login`);
    await page.fill('input[name=email]', 'support@example.com');
    await page.fill('input[name=password]', 'demo-password-123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as support@example.com').waitFor();

    await page.goto(`${session.url}/admin/pages/duplicates`);
    const pairs = page.getByTestId('duplicate-pairs').locator('tbody tr');
    await pairs.first().waitFor();
    const before = await pairs.count();
    expect(before).toBeGreaterThan(0);
    await pairs.first().getByRole('button', { name: 'Compare' }).click();

    await page.getByTestId('person-B').waitFor();
    const [a, b] = new URL(page.url()).searchParams.getAll('a').concat(new URL(page.url()).searchParams.getAll('b'));
    await expect(page.getByRole('button', { name: 'Merge participants' }).isDisabled()).resolves.toBe(true);
    await page.fill('#merge-reason', 'Registered twice by the school');
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByTestId('merge-report').getByText('Dry run: what the merge will do').waitFor();
    expect(await db().teacher.count({ where: { id: b, mergedIntoId: { not: null } } })).toBe(0);

    await page.getByRole('button', { name: 'Merge participants' }).click();
    await page.getByText('Participants merged').waitFor();
    await page.getByTestId('duplicate-pairs').waitFor();
    await expect(pairs.count()).resolves.toBe(before - 1);
    expect(await db().teacher.findUniqueOrThrow({ where: { id: b } })).toMatchObject({ mergedIntoId: a });
    expect(await db().auditEvent.findFirstOrThrow({ where: { subjectId: a, action: 'participant.merged' } })).toMatchObject({ reason: 'Registered twice by the school' });
  }, 120_000);
});
