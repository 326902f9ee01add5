// In a real browser against the real app: the dashboard draws its charts (with the maintenance banner
// showing while the back office keeps working), support record a TRN in the TRN checks queue, finance search
// the audit log (values they may not see masked) and download it, and support save, apply and delete a
// filter on a list.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { MASK } from '../../src/actions/field-visibility.js';
import type { Role } from '@prisma/client';
import { db } from '../../src/db/client.js';
import { systemContext } from '../../src/actions/actor.js';
import { setMaintenanceMode } from '../../src/actions/maintenance/set-maintenance-mode.js';
import { requestTrnCheck } from '../../src/actions/trn-checks/request-trn-check.js';
import { useBackOfficeSession } from '../support/back-office-session.js';
import { bulkActOnList } from '../support/bulk-actions.js';
import { createParticipant, createParticipantWorld } from '../support/factories.js';

const session = useBackOfficeSession();

/** A page that remembers the app's own errors (fonts from the internet may fail here and do not count). */
async function signIn(role: Role): Promise<{ page: Page; errors: string[] }> {
  const errors: string[] = [];
  const page = await session.signIn(role, {
    beforeSignIn: (opened) => {
      opened.on('pageerror', (error) => errors.push(error.message));
      opened.on('console', (message) => {
        if (message.type() === 'error' && message.location().url.startsWith(session.url) && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
      });
      opened.on('response', (response) => {
        if (response.url().startsWith(`${session.url}/admin/api`) && response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
      });
    },
  });
  return { page, errors };
}

describe('operations pages', () => {
  it('draws the dashboard charts for finance, under the maintenance banner', async () => {
    await setMaintenanceMode(systemContext('test'), { on: true, until: new Date(Date.now() + 3600_000).toISOString() });
    try {
      const { page, errors } = await signIn('finance');
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
    const { page, errors } = await signIn('support');
    // The queue lists the oldest first; support find this one by name, as they would from a ticket.
    await page.goto(`${session.url}/admin/resources/TrnCheckRequest?filters.fullName=${encodeURIComponent(profile.teacher.fullName)}`);
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

  it('lets finance find who changed a participant and when, with the identity values masked, and download it as CSV', async () => {
    const support = await db().user.findUniqueOrThrow({ where: { email: 'support@example.com' } });
    const teacher = await db().teacher.create({ data: { fullName: 'Ottoline Audit-Quince', email: 'ottoline.aq@example.com' } });
    const at = new Date();
    const day = at.toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    await db().auditEvent.create({
      data: {
        actorType: 'user', actorId: support.id, actorLabel: support.email, action: 'participant.identity_changed', subjectType: 'Teacher', subjectId: teacher.id, createdAt: at,
        before: { trn: '1234567', nationalInsuranceNumber: 'AB123456C' }, after: { trn: '7654321', nationalInsuranceNumber: 'QQ123456C' }, reason: 'Checked with the school',
      },
    });
    const { page, errors } = await signIn('finance');
    await page.getByRole('link', { name: 'Audit log' }).first().click();
    await page.getByTestId('audit-search').waitFor();
    await page.getByLabel('Who').fill('Priya');
    await page.getByLabel('What happened').selectOption({ label: "Participant's TRN, date of birth or NI number changed" });
    await page.getByLabel('Which record').fill('audit-quince');
    await page.getByLabel('From').fill(day);
    await page.getByLabel('To').fill(day);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/record=audit-quince/);
    await page.getByTestId('audit-count').getByText('Showing 1 to 1 of 1 event').waitFor();
    const row = page.getByTestId('audit-event');
    const text = await row.innerText();
    for (const words of ['Priya Support', "Participant's TRN, date of birth or NI number changed", 'Ottoline Audit-Quince', 'TRN: 1234567 → 7654321', `National Insurance number: ${MASK} → ${MASK}`, 'Checked with the school']) {
      expect({ words, found: text.includes(words) }).toEqual({ words, found: true });
    }
    expect(text).not.toContain('QQ123456C');
    expect(await row.getByRole('link', { name: 'Ottoline Audit-Quince' }).getAttribute('href')).toBe(`/admin/resources/Teacher/records/${teacher.id}/show`);
    await page.screenshot({ path: '.data/audit-log-page.png', fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-download').click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    const [header, ...rows] = csv.trim().split('\n');
    expect(header).toBe('When,Who,Name,What,Event,Record,Kind of record,Changes,Reason');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(`TRN: 1234567 → 7654321; National Insurance number: ${MASK} → ${MASK}`);
    expect(csv).not.toContain('AB123456C');
    expect(await db().auditEvent.count({ where: { action: 'list.exported', subjectType: 'AuditEvent', actorLabel: 'finance@example.com' } })).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('lets support save a filter on a list, apply it later and delete it', async () => {
    const school = await db().school.findFirstOrThrow({ orderBy: { name: 'asc' } });
    const { page, errors } = await signIn('support');
    await page.goto(`${session.url}/admin/resources/School?filters.name=${encodeURIComponent(school.name)}`);
    const openDrawer = async () => {
      await page.getByRole('button', { name: 'Saved filters' }).or(page.getByRole('link', { name: 'Saved filters' })).first().click();
      await page.getByTestId('list-saved-filters').waitFor();
    };
    await openDrawer();
    await page.getByLabel('Save this filter as').fill('My first school');
    await page.getByRole('button', { name: 'Save this filter' }).click();
    await page.getByText('Filter "My first school" saved.').waitFor();
    await page.goto(`${session.url}/admin/resources/School`);
    await openDrawer();
    await page.getByRole('button', { name: 'Apply My first school' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/resources/School' && url.searchParams.get('filters.name') === school.name);
    await page.locator('tbody').getByText(school.name).first().waitFor();
    await openDrawer();
    await page.getByRole('button', { name: 'Delete My first school' }).click();
    await page.getByText('You have no saved filters on this list.').waitFor();
    expect(await db().savedFilter.count({ where: { name: 'My first school' } })).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});

describe('bulk actions', () => {
  it('lets support request TRN checks in bulk from the Participants list, leaving alone the participant already waiting', async () => {
    const world = await createParticipantWorld(2024);
    const ect = await createParticipant(world);
    const mentor = await db().participantProfile.create({
      data: { type: 'mentor', teacherId: ect.teacher.id, schoolCohortId: world.schoolCohort.id, cohortId: world.cohort.id, scheduleId: world.schedule.id, trnValidationState: 'valid' },
    });
    await requestTrnCheck(systemContext('Browser test'), { participantProfileId: ect.profile.id, reason: 'Asked already' });
    const { page } = await signIn('support');

    const run = await bulkActOnList(page, {
      listUrl: `${session.url}/admin/resources/ParticipantProfile?filters.teacher=${ect.teacher.id}`, rows: 2, action: 'Request TRN checks',
      reason: 'Date of birth does not match DQT',
    });

    const byKind = (rows: string[][]) => Object.fromEntries(rows.map(([selected, ...rest]) => [selected.includes('Mentor,') ? 'mentor' : 'ect', rest]));
    expect(byKind(run.preview)).toEqual({
      ect: ['No', 'A TRN check is already waiting for this participant (requested by System: Browser test).'],
      mentor: ['Yes', 'A manual TRN check will be requested.'],
    });
    expect(byKind(run.results)).toEqual({
      ect: ['Not done', 'A TRN check is already waiting for this participant (requested by System: Browser test).'],
      mentor: ['Done', 'TRN check requested: it is in the TRN checks queue.'],
    });
    expect(await db().trnCheckRequest.findMany({ where: { participantProfileId: mentor.id }, select: { reason: true, requestedBy: true } }))
      .toEqual([{ reason: 'Date of birth does not match DQT', requestedBy: 'support@example.com' }]);
    await page.close();
  }, 180_000);
});
