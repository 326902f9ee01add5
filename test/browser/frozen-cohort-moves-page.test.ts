// The bulk "Frozen cohort moves" page in a real browser against the real app on the small demo seed:
// filter, select, preview, confirm, the progress bar to done, the result table and its CSV (also after a reload).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { db } from '../../src/db/client.js';
import { findFrozenCohortCandidates } from '../../src/actions/participants/frozen-cohort/find-frozen-cohort-candidates.js';
import { useBackOfficeSession } from '../support/back-office-session.js';
import { tabTo } from '../support/keyboard.js';

const session = useBackOfficeSession();

describe('the frozen cohort moves page', () => {
  it('lets a super user filter, select, preview and move participants, watch the progress and download the results', async () => {
    // A school of the demo with an eligible participant, and its lead provider.
    const { rows: [eligible] } = await findFrozenCohortCandidates({ status: 'eligible', perPage: 1 });
    const atSchool = await findFrozenCohortCandidates({ schoolId: eligible.schoolId!, leadProviderId: eligible.leadProviderId! });
    const movable = atSchool.counts.eligible;

    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    await page.goto(`${session.url}/admin/login`);
    await page.fill('input[name=email]', 'superuser@example.com');
    await page.fill('input[name=password]', 'demo-password-123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as superuser@example.com').waitFor();
    await page.goto(`${session.url}/admin/pages/frozenCohortMoves`);
    await page.getByTestId('candidate').first().waitFor();
    await expect(page.getByTestId('status-tabs').innerText()).resolves.toMatch(/Blocked \(\d+\)/);

    await page.locator('#filter-lead-provider').fill(eligible.leadProviderName!);
    await page.keyboard.press('Enter');
    await page.locator('#filter-school').fill(eligible.schoolUrn!);
    await page.getByText(`${eligible.schoolName} (${eligible.schoolUrn})`).click();
    await page.getByRole('button', { name: `All (${atSchool.total})` }).waitFor();

    await page.getByRole('button', { name: `Select all eligible (${movable})` }).click();
    await page.locator('[data-testid=selected-count]', { hasText: String(movable) }).waitFor();
    await page.getByRole('button', { name: 'Preview the move' }).click();
    const preview = page.getByTestId('move-preview');
    await preview.getByText(`${movable} participant${movable === 1 ? '' : 's'} will move to the 2024 cohort.`, { exact: false }).waitFor();
    expect(await preview.innerText()).toContain(eligible.fullName);

    await page.locator('#move-reason').fill('Continuing training after the 2021 cohort was frozen (browser test)');
    await page.getByTestId('confirm-move').click();
    await page.getByTestId('move-progress').waitFor();
    await page.getByText('Move finished').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('move-progress').innerText()).toContain(`${movable} of ${movable} participants (100%)`);
    expect(await page.getByTestId('move-summary').innerText()).toContain(`Moved: ${movable}`);
    const results = await page.getByTestId('move-results').innerText();
    expect(results).toContain(eligible.fullName);
    expect(results).toContain(`${eligible.fullName}'s cohort was changed to 2024`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('Participant ID,Name,TRN,School,URN,Cohort now,Outcome,Reason or result');
    expect(csv).toHaveLength(movable + 1);
    expect(csv).toContainEqual(expect.stringContaining(`${eligible.participantProfileId},${eligible.fullName},`));

    // The run is in the address: a reload comes back to its results.
    await page.reload();
    await page.getByText('Move finished').waitFor();
    expect(await page.getByTestId('move-results').innerText()).toContain(eligible.fullName);

    expect(await db().participantProfile.findUniqueOrThrow({ where: { id: eligible.participantProfileId }, include: { cohort: true } }))
      .toMatchObject({ cohort: { startYear: 2024 }, cohortChangedAfterPaymentsFrozen: true });
    await page.close();
  }, 180_000);
  it('moves a school\'s eligible participants with the keyboard alone, focus visible at every step', async () => {
    const { rows: [eligible] } = await findFrozenCohortCandidates({ status: 'eligible', perPage: 1 });
    const movable = (await findFrozenCohortCandidates({ schoolId: eligible.schoolId! })).counts.eligible;
    const page = await session.signIn('super_user');
    await page.goto(`${session.url}/admin/pages/frozenCohortMoves`);
    await page.getByTestId('candidate').first().waitFor();

    await tabTo(page, page.locator('#filter-school'));
    await page.keyboard.type(eligible.schoolUrn!);
    await page.getByText(`${eligible.schoolName} (${eligible.schoolUrn})`).waitFor();
    await page.keyboard.press('Enter');
    const selectAll = page.getByRole('button', { name: `Select all eligible (${movable})` });
    await tabTo(page, selectAll);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=selected-count]', { hasText: String(movable) }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Preview the move' }));
    await page.keyboard.press('Enter');
    await page.getByTestId('move-preview').waitFor();
    await tabTo(page, page.locator('#move-reason'));
    await page.keyboard.type('Continuing training after the 2021 cohort was frozen (keyboard test)');
    await tabTo(page, page.getByTestId('confirm-move'));
    await page.keyboard.press('Space');
    await page.getByText('Move finished').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('move-summary').innerText()).toContain(`Moved: ${movable}`);
    expect(await db().participantProfile.findUniqueOrThrow({ where: { id: eligible.participantProfileId }, include: { cohort: true } }))
      .toMatchObject({ cohort: { startYear: 2024 } });
    await page.close();
  }, 180_000);
});
