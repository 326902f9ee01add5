// The whole journey in a real browser: support adds a person, who asks for a link, opens it from the
// outbox, chooses which organisation to act for, searches and filters, downloads what they see, signs out.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { tokenFromOutbox } from '../actions/portal/portal-world.js';
import { db } from '../../src/db/client.js';
import { addPortalUser } from '../../src/actions/portal/add-portal-user.js';
import { createCohort, createParticipant, createParticipantWorld, userContext, type ParticipantWorld } from '../support/factories.js';
import { launchBrowser } from '../support/browser.js';
import { startPortalApp, type PortalApp } from './portal-app.js';

// In a describe block, so the app closes its session pool before the test database is dropped.
describe('check data for delivery partners', () => {
  let app: PortalApp;
  let browser: Browser;
  let world: ParticipantWorld;
  let otherPartnerName: string;

  beforeAll(async () => {
    // One after the other: had the browser failed to start beside the app, afterAll could not close the app and jest would not exit.
    app = await startPortalApp();
    browser = await launchBrowser();
    world = await createParticipantWorld(2024);
    const earlier = await createParticipantWorld(2023, { deliveryPartner: world.deliveryPartner, leadProvider: world.leadProvider });
    await createCohort(2025);
    // A cohort the portal does not cover (app/services/delivery_partners/participants_filter.rb, LATEST_COHORT_TO_RETURN).
    const later = await createParticipantWorld(2025, { deliveryPartner: world.deliveryPartner, leadProvider: world.leadProvider });
    await createParticipant(later, { fullName: 'Future Cohort' });
    await createParticipant(world, { fullName: 'Ada Lovelace' });
    const mentor = await createParticipant(world, { fullName: 'Charles Babbage', type: 'mentor' });
    await db().inductionRecord.update({ where: { id: (await createParticipant(world, { fullName: 'Mary Somerville' })).inductionRecord.id }, data: { mentorProfileId: mentor.profile.id } });
    await createParticipant(world, { fullName: 'Grace Deferred' }).then(({ inductionRecord }) =>
      db().inductionRecord.update({ where: { id: inductionRecord.id }, data: { trainingStatus: 'deferred' } }));
    await createParticipant(earlier, { fullName: 'Alan Earlier' });
    await createParticipant(earlier, { fullName: 'Joan Mentor', type: 'mentor' });

    const other = await createParticipantWorld(2024);
    otherPartnerName = other.deliveryPartner.name;
    await createParticipant(other, { fullName: 'Not Yours' });

    const support = userContext('support');
    await addPortalUser(support, { email: 'dp.user@example.com', fullName: 'Dee Partner', deliveryPartnerId: world.deliveryPartner.id });
    await addPortalUser(support, { email: 'dp.user@example.com', fullName: 'Dee Partner', deliveryPartnerId: other.deliveryPartner.id });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('asks for a link, opens it from the outbox, chooses a role, filters and downloads what is shown', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();

    // The person was told they can sign in.
    const welcome = await db().emailOutbox.findFirstOrThrow({ where: { to: 'dp.user@example.com', template: 'portal_user_added' } });
    expect(welcome.body).toContain('/check-data');

    await page.goto(`${app.url}/check-data`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sign in to check data');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Enter your email address');
    await page.getByLabel('Email address').fill('dp.user@example.com');
    await page.getByRole('button', { name: 'Continue' }).click();
    // Each check waits for the next page's heading: the previous page's heading is there until the browser navigates.
    await page.getByRole('heading', { level: 1, name: 'Check your email', exact: true }).waitFor();

    await tokenFromOutbox('dp.user@example.com');
    const email = await db().emailOutbox.findFirstOrThrow({ where: { to: 'dp.user@example.com', template: 'portal_magic_link' } });
    const link = /(http\S+\/check-data\/sign-in\/\S+)/.exec(email.body)![1];
    await page.goto(link);
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { level: 1, name: 'Which organisation do you want to check data for?', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Select the organisation you want to check data for');
    await page.getByLabel(world.deliveryPartner.name).check();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { level: 1, name: `${world.deliveryPartner.name} participants`, exact: true }).waitFor();
    const names = () => page.locator('tbody tr td:first-child').allTextContents();
    expect((await names()).sort()).toEqual(['Ada Lovelace', 'Alan Earlier', 'Charles Babbage', 'Grace Deferred', 'Joan Mentor', 'Mary Somerville']);
    expect(await page.content()).not.toContain('Not Yours');
    // The DfE's explanation of why later cohorts are missing (app/views/layouts/delivery_partners.html.erb).
    await expect(page.getByRole('region', { name: 'Important' }).textContent()).resolves.toContain(
      'This service only provides details for participants from the 2024 cohort and earlier. Contact your lead provider if you need information for the 2025 cohort onwards.',
    );
    expect(await page.getByLabel('Academic year').locator('option').allTextContents()).not.toContain('2025');

    await page.getByLabel('Role').selectOption({ label: 'Mentor' });
    await page.getByLabel('Academic year').selectOption('2024');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/role=mentor/);
    expect(await names()).toEqual(['Charles Babbage']);
    const row = await page.locator('tbody tr').first().locator('td').allTextContents();
    expect(row.map((cell) => cell.trim())).toEqual([
      'Charles Babbage', expect.stringMatching(/@example\.com$/), expect.stringMatching(/^\d{7}$/), 'Mentor', world.leadProvider.name,
      world.school.name, world.school.urn, '2024',
      // The status's description beside its label (config/locales/status_tags/delivery_partner_participant_status.yml).
      expect.stringMatching(/^Training or eligible for training\s+We’ve confirmed this participant is eligible for this programme\. Your training provider will contact them directly\.$/),
    ]);

    await page.getByRole('link', { name: 'Clear search and filters' }).click();
    await page.waitForURL((url) => !url.search.includes('role='));
    await page.getByLabel('Search').fill('a');
    await page.getByLabel('Status').selectOption({ label: 'Training or eligible for training' });
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/status=training_or_eligible_for_training/);
    const shown = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => (td.querySelector('strong') ?? td).textContent!.trim())));
    expect(shown.map((r) => r[0]).sort()).toEqual(['Ada Lovelace', 'Alan Earlier', 'Charles Babbage', 'Joan Mentor', 'Mary Somerville']);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download (csv)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/-participants-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...records] = parse(await readFile((await download.path())!)) as string[][];
    expect(header).toEqual(['full_name', 'email_address', 'trn', 'role', 'lead_provider', 'school', 'school_unique_reference_number', 'academic_year', 'training_status', 'status']);
    expect(records.map((r) => [...r.slice(0, 8), r[9]])).toEqual(shown);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'check_data.downloaded' } });
    expect(audit).toMatchObject({ actorType: 'portal', actorLabel: 'Portal: dp.user@example.com', after: { rows: 5, filters: { query: 'a', status: 'training_or_eligible_for_training' } } });

    // A status or academic year that is not an option lists nobody, as the DfE's filter does; an unknown role is ignored.
    for (const tampered of ['status=everything', 'academic_year=2025', 'academic_year=DROP']) {
      await page.goto(`${app.url}/check-data/participants?${tampered}`);
      await page.getByRole('heading', { level: 1, name: `${world.deliveryPartner.name} participants` }).waitFor();
      expect({ tampered, rows: await names() }).toEqual({ tampered, rows: ['No results found'] });
    }
    await page.goto(`${app.url}/check-data/participants?role=admin`);
    await page.getByRole('heading', { level: 1, name: `${world.deliveryPartner.name} participants` }).waitFor();
    expect((await names()).length).toBe(6);

    // The other organisation, chosen for the session, shows only its own participants.
    await page.getByRole('link', { name: 'Change organisation' }).click();
    await page.getByLabel(otherPartnerName).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: `${otherPartnerName} participants` }).waitFor();
    expect(await names()).toEqual(['Not Yours']);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.locator('.notification').textContent()).resolves.toContain('You have signed out.');
    await page.goto(`${app.url}/check-data/participants`);
    await page.getByRole('heading', { level: 1, name: 'Sign in to check data', exact: true }).waitFor();
    await context.close();
  });
});
