// Partnerships in the back office, in a real browser against the real app: the delivery partner form with its
// lead provider × cohort matrix, the late challenge from the school's Cohorts tab, and what a non-super user sees.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { Cohort, LeadProvider, Role } from '@prisma/client';
import { db } from '../../src/db/client.js';
import { ownPageHeaders } from '../support/browser.js';
import { useBackOfficeSession } from '../support/back-office-session.js';
import { createCohort, createLeadProvider, createParticipant, createParticipantWorld, createPartnership, createSchool } from '../support/factories.js';

const session = useBackOfficeSession();

const signIn = (role: Role) => session.signIn(role);

const liveRelationships = (deliveryPartnerId: string) =>
  db().providerRelationship.findMany({ where: { deliveryPartnerId, discardedAt: null }, include: { cohort: true }, orderBy: { cohort: { startYear: 'asc' } } });

describe('delivery partner form', () => {
  let page: Page;
  let leadProvider: LeadProvider;
  let c2024: Cohort;

  beforeAll(async () => {
    c2024 = await createCohort(2024);
    leadProvider = await createLeadProvider({ name: `Browser Lead Provider ${randomUUID().slice(0, 6)}`, cohorts: [c2024, await createCohort(2025)] });
    page = await signIn('admin');
  });

  afterAll(() => page.close());

  const cell = (year: number) => page.getByLabel(`${leadProvider.name} ${year}`, { exact: true });

  it('creates a delivery partner with the ticked lead providers and cohorts, then removes one on edit', async () => {
    const name = `Browser Partners ${randomUUID().slice(0, 6)}`;
    await page.goto(`${session.url}/admin/resources/DeliveryPartner/actions/new`);
    await page.getByTestId('relationship-matrix').waitFor();
    await page.fill('#delivery-partner-name', name);
    await cell(2024).check();
    await cell(2025).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Delivery partner created.').waitFor();

    const partner = await db().deliveryPartner.findFirstOrThrow({ where: { name } });
    expect(page.url()).toContain(`/admin/resources/DeliveryPartner/records/${partner.id}/show`);
    expect((await liveRelationships(partner.id)).map((r) => [r.leadProviderId, r.cohort.startYear])).toEqual([[leadProvider.id, 2024], [leadProvider.id, 2025]]);

    await page.goto(`${session.url}/admin/resources/DeliveryPartner/records/${partner.id}/edit`);
    await page.getByTestId('relationship-matrix').waitFor();
    expect(await cell(2025).isChecked()).toBe(true);
    await cell(2025).uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Delivery partner saved.').waitFor();
    expect((await liveRelationships(partner.id)).map((r) => r.cohort.startYear)).toEqual([2024]);
    expect(await db().providerRelationship.count({ where: { deliveryPartnerId: partner.id, discardedAt: { not: null } } })).toBe(1);
  });

  it('refuses to remove a cell live partnerships use, naming the school, and then shows the cell held', async () => {
    const name = `Browser Held Partners ${randomUUID().slice(0, 6)}`;
    await page.goto(`${session.url}/admin/resources/DeliveryPartner/actions/new`);
    await page.getByTestId('relationship-matrix').waitFor();
    await page.fill('#delivery-partner-name', name);
    await cell(2024).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Delivery partner created.').waitFor();
    const partner = await db().deliveryPartner.findFirstOrThrow({ where: { name } });

    await page.goto(`${session.url}/admin/resources/DeliveryPartner/records/${partner.id}/edit`);
    await page.getByTestId('relationship-matrix').waitFor();
    // A lead provider reports a partnership through this cell while the form is open.
    const school = await createSchool({ name: `Browser Oak Primary ${randomUUID().slice(0, 6)}` });
    await createPartnership({ school, leadProvider, deliveryPartner: partner, cohort: c2024 });
    await cell(2024).uncheck();
    await page.getByRole('button', { name: 'Save' }).click();

    const error = page.getByTestId('form-error');
    await error.waitFor();
    expect(await error.textContent()).toContain(`${leadProvider.name}, 2024 cohort: ${school.name} (URN ${school.urn})`);
    expect((await liveRelationships(partner.id)).map((r) => r.cohort.startYear)).toEqual([2024]);
    expect(await cell(2024).isChecked()).toBe(true);
    expect(await cell(2024).isDisabled()).toBe(true);

    await page.reload();
    await page.getByTestId('relationship-matrix').waitFor();
    expect(await cell(2024).isDisabled()).toBe(true);
    await page.getByTestId('relationship-matrix').getByText('1 partnership', { exact: true }).waitFor();
  });

  it('shows an empty name as an error on the form, writing nothing', async () => {
    const before = await db().deliveryPartner.count();
    await page.goto(`${session.url}/admin/resources/DeliveryPartner/actions/new`);
    await page.getByTestId('relationship-matrix').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('delivery-partner-form').getByText('Enter a name').waitFor();
    expect(await db().deliveryPartner.count()).toBe(before);
  });
});

describe('late challenge from the school page', () => {
  it('lets a super user challenge from the Cohorts tab, requiring a reason and the Policy Engagement Team confirmation', async () => {
    const world = await createParticipantWorld(2024);
    await createParticipant(world);
    const page = await signIn('super_user');
    await page.goto(`${session.url}/admin/resources/School/records/${world.school.id}/show`);
    const row = page.getByTestId(`partnership-${world.partnership.id}`);
    await row.waitFor();
    expect(await row.textContent()).toContain(`${world.leadProvider.name} with ${world.deliveryPartner.name}`);
    expect(await row.textContent()).toContain('Active');
    await row.getByText('Challenge partnership').click();

    const confirm = page.getByTestId('confirm-page');
    await confirm.getByText('Report an incorrect partnership').waitFor();
    await confirm.getByText('Has this been authorised by the Policy Engagement Team?').waitFor();
    // Each try goes through the check-your-answers step; a refusal comes back to the form.
    const tryChallenge = async () => {
      await confirm.getByRole('button', { name: 'Continue' }).click();
      await confirm.getByTestId('check-your-answers').waitFor();
      await confirm.getByRole('button', { name: 'Challenge' }).click();
    };
    await tryChallenge();
    await confirm.getByText('Select a reason why you think this confirmation is incorrect').first().waitFor();

    await confirm.getByLabel('This looks like a mistake').check();
    await tryChallenge();
    await confirm.getByText('Confirm that the Policy Engagement Team has authorised this challenge').first().waitFor();
    expect(await db().partnership.findUniqueOrThrow({ where: { id: world.partnership.id } })).toMatchObject({ challengedAt: null });

    await confirm.getByText('Yes, the Policy Engagement Team has authorised this challenge').click();
    await confirm.getByRole('button', { name: 'Continue' }).click();
    const check = confirm.getByTestId('check-your-answers');
    await check.getByText('This looks like a mistake').waitFor();
    expect(await check.textContent()).toContain(`${world.leadProvider.name} no longer sees`);
    expect(await db().partnership.findUniqueOrThrow({ where: { id: world.partnership.id } })).toMatchObject({ challengedAt: null });
    await check.getByRole('button', { name: 'Challenge' }).click();
    await page.getByText('Partnership has been challenged').waitFor();
    expect(await db().partnership.findUniqueOrThrow({ where: { id: world.partnership.id } })).toMatchObject({ challengeReason: 'mistake', challengedAt: expect.any(Date) });

    await page.goto(`${session.url}/admin/resources/School/records/${world.school.id}/show`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Challenged');
    expect(await row.textContent()).toContain('This looks like a mistake');
    expect(await row.getByText('Challenge partnership').count()).toBe(0);
    await page.close();
  });

  it('gives an admin who is not a super user no Challenge button, and refuses the endpoint', async () => {
    const world = await createParticipantWorld(2024);
    const page = await signIn('admin');
    await page.goto(`${session.url}/admin/resources/School/records/${world.school.id}/show`);
    const row = page.getByTestId(`partnership-${world.partnership.id}`);
    await row.waitFor();
    expect(await row.getByText('Challenge partnership').count()).toBe(0);
    // The school cohort can still have its programme changed by an admin.
    await page.getByTestId('cohort-2024').getByText('Change induction programme').waitFor();

    await page.goto(`${session.url}/admin/resources/Partnership/records/${world.partnership.id}/show`);
    await page.getByText('History').waitFor();
    expect(await page.getByRole('button', { name: 'Challenge partnership' }).count()).toBe(0);

    const response = await page.request.post(`${session.url}/admin/api/resources/Partnership/records/${world.partnership.id}/challenge`, { headers: await ownPageHeaders(page),
      multipart: { reason: 'mistake', confirmed: 'true' },
    });
    const body = await response.json().catch(() => ({}));
    expect(body.redirectUrl).toBeUndefined();
    expect(await db().partnership.findUniqueOrThrow({ where: { id: world.partnership.id } })).toMatchObject({ challengedAt: null, challengeReason: null });
    expect(await db().auditEvent.count({ where: { subjectId: world.partnership.id } })).toBe(0);
    await page.close();
  });
});

describe('school cohorts and participants', () => {
  it("changes a school cohort's induction programme from the Cohorts tab once its partnership is challenged", async () => {
    const world = await createParticipantWorld(2024);
    await db().partnership.update({ where: { id: world.partnership.id }, data: { challengedAt: new Date(), challengeReason: 'not_confirmed' } });
    const page = await signIn('support');
    await page.goto(`${session.url}/admin/resources/School/records/${world.school.id}/show`);
    await page.getByTestId('cohort-2024').getByText('Change induction programme').click();

    const confirm = page.getByTestId('confirm-page');
    await confirm.getByText('Current induction programme').waitFor();
    await confirm.getByLabel('DfE-accredited materials').check();
    await confirm.getByLabel('Reason for the change (recorded in the audit log)').fill('The school told us by email');
    await confirm.getByRole('button', { name: 'Continue' }).click();
    await confirm.getByTestId('check-your-answers').getByRole('button', { name: 'Change induction programme' }).click();
    await page.getByText('Induction programme has been changed').waitFor();
    expect(await db().schoolCohort.findUniqueOrThrow({ where: { id: world.schoolCohort.id } })).toMatchObject({ inductionProgrammeChoice: 'core_induction_programme' });

    await page.goto(`${session.url}/admin/resources/School/records/${world.school.id}/show`);
    await page.getByTestId('cohort-2024').getByText('DfE-accredited materials').waitFor();
    await page.close();
  });

  it("shows an ECT's appropriate body as reported twice, and records the body's confirmation", async () => {
    const world = await createParticipantWorld(2024);
    const { profile } = await createParticipant(world);
    const [schoolChoice, confirmed] = await db().appropriateBody.findMany({ where: { disableFromYear: null }, orderBy: { name: 'asc' }, take: 2, skip: 5 });
    await db().schoolCohort.update({ where: { id: world.schoolCohort.id }, data: { appropriateBodyId: schoolChoice.id } });

    const page = await signIn('admin');
    await page.goto(`${session.url}/admin/resources/ParticipantProfile/records/${profile.id}/show`);
    const bodyRow = page.getByTestId('appropriate-body-row');
    await bodyRow.waitFor();
    expect(await bodyRow.textContent()).toContain(schoolChoice.name);
    expect(await bodyRow.textContent()).toContain('Provisional: reported by the school');

    await page.goto(`${session.url}/admin/resources/ParticipantProfile/records/${profile.id}/recordAppropriateBodyConfirmation`);
    const confirm = page.getByTestId('confirm-page');
    await confirm.getByText('Record appropriate body confirmation').first().waitFor();
    await confirm.getByLabel('Filter: Appropriate body that confirmed it supports this induction').fill(confirmed.name);
    await confirm.locator('#confirm-appropriateBodyId').selectOption(confirmed.id);
    await confirm.getByLabel('DfE-accredited materials').check();
    await confirm.getByRole('button', { name: 'Continue' }).click();
    await confirm.getByTestId('check-your-answers').getByRole('button', { name: 'Record confirmation' }).click();
    await page.getByText('Appropriate body confirmation recorded').waitFor();

    await page.goto(`${session.url}/admin/resources/ParticipantProfile/records/${profile.id}/show`);
    await bodyRow.waitFor();
    expect(await bodyRow.textContent()).toContain('Confirmed by the appropriate body');
    expect(await bodyRow.textContent()).toContain(confirmed.name);
    expect(await page.getByTestId('training-programme-row').textContent()).toContain('DfE-accredited materials');
    expect(await db().appropriateBodyClaim.findFirstOrThrow({ where: { participantProfileId: profile.id, source: 'appropriate_body' } })).toMatchObject({
      appropriateBodyId: confirmed.id, trainingProgramme: 'core_induction_programme',
    });
    await page.close();
  });
});
