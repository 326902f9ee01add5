// Support's participant page in a real browser against the real app: search, open, change training status with a
// reason, and see the change and its audit entry.
import { randomUUID } from 'node:crypto';
import { expect, it } from '@jest/globals';
import { DEMO_LOGINS } from '../../seeds/demo-logins.js';
import { db } from '../../src/db/client.js';
import { useBackOfficeSession } from '../support/back-office-session.js';
import { tabTo } from '../support/keyboard.js';
import { createParticipant, createParticipantWorld } from '../support/factories.js';

const session = useBackOfficeSession();

const participantTrainingStatus = async (id: string) => (await db().participantProfile.findUniqueOrThrow({ where: { id } })).trainingStatus;

it('support finds a participant, defers them after checking the answers, and sees the change and the audit entry', async () => {
  const fullName = `Grace Hopperton ${randomUUID().slice(0, 6)}`;
  const participant = await createParticipant(await createParticipantWorld(), { fullName });
  const support = DEMO_LOGINS.find((l) => l.role === 'support')!;

  const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const consoleWarnings: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warning') consoleWarnings.push(message.text()); });
  await page.goto(`${session.url}/admin/login`);
  await page.fill('input[name=email]', support.email);
  await page.fill('input[name=password]', support.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`Signed in as ${support.email}`).waitFor();

  await page.goto(`${session.url}/admin/pages/participants`);
  await page.getByLabel('Find a participant by participant ID, name, email address, TRN, or school name or URN').fill(fullName);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByTestId('search-results').getByRole('link', { name: fullName }).click();

  const profile = page.getByTestId('profile-ect');
  await profile.getByTestId('training-status').getByText('Training active').waitFor();
  await profile.getByRole('button', { name: 'Change training status' }).click();
  const form = page.getByTestId('form-trainingStatus');
  const reasonSelect = form.getByLabel("The DfE's reason");
  // Only the chosen status's reasons are offered (deferral and withdrawal reasons share values such as "other").
  await form.getByLabel('New training status').selectOption('withdrawn');
  const withdrawalReasons = await reasonSelect.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  await form.getByLabel('New training status').selectOption('deferred');
  const deferralReasons = await reasonSelect.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(deferralReasons).toContain('career-break');
  expect(withdrawalReasons).not.toContain('career-break');
  for (const values of [deferralReasons, withdrawalReasons]) expect(new Set(values).size).toBe(values.length);
  await reasonSelect.selectOption('career-break');

  // Without a reason for the audit log: the check step, then a refusal back on the form.
  await form.getByRole('button', { name: 'Continue' }).click();
  const check = form.getByTestId('check-your-answers');
  await check.getByText('Career break').waitFor();
  await check.getByRole('button', { name: 'Change training status' }).click();
  await form.getByRole('button', { name: 'Continue' }).waitFor();
  const notices = page.getByTestId('notice-wrapper');
  await notices.waitFor();
  expect(await participantTrainingStatus(participant.profile.id)).toBe('active');

  await form.getByLabel('Reason for the change (recorded in the audit log)').fill('Ticket 1234: the school says she is on a career break');
  await form.getByRole('button', { name: 'Continue' }).click();
  await check.getByText('Ticket 1234: the school says she is on a career break').waitFor();
  // Nothing changes until the answers are confirmed.
  expect(await participantTrainingStatus(participant.profile.id)).toBe('active');
  await check.getByRole('button', { name: 'Change training status' }).click();

  await page.getByText('Training status changed to deferred.').waitFor();
  // One notice per outcome: the earlier refusal has gone, and no warning about duplicate keys reached the console.
  expect(await notices.getByText('Training status changed to deferred.').count()).toBe(1);
  expect((await notices.innerText()).trim()).toBe('Training status changed to deferred.');
  expect(consoleWarnings.filter((text) => text.includes('same key'))).toEqual([]);
  await profile.getByTestId('training-status').getByText('Training deferred').waitFor();
  const audit = page.getByTestId('audit-timeline');
  await audit.getByText('participant.deferred').waitFor();
  expect(await audit.textContent()).toContain('Ticket 1234: the school says she is on a career break');
  expect(await db().participantProfile.findUniqueOrThrow({ where: { id: participant.profile.id } })).toMatchObject({ trainingStatus: 'deferred' });
  await page.close();
});

it("support sees a school's ECTs and mentors on its page and finds them by the school's URN and name", async () => {
  const world = await createParticipantWorld();
  const ect = await createParticipant(world, { fullName: `Ada Schoolward ${randomUUID().slice(0, 6)}` });
  const mentor = await createParticipant(world, { type: 'mentor', fullName: `Mo Mentorson ${randomUUID().slice(0, 6)}` });
  const page = await session.signIn('support');

  await page.goto(`${session.url}/admin/resources/School/records/${world.school.id}/show`);
  const section = page.getByTestId('school-participants');
  const ectRow = section.getByRole('row', { name: new RegExp(ect.teacher.fullName) });
  await ectRow.waitFor();
  const ectText = await ectRow.textContent();
  for (const expected of ['ECT', '2024', world.leadProvider.name, world.deliveryPartner.name, 'Training active']) expect(ectText).toContain(expected);
  expect(await section.getByRole('row', { name: new RegExp(mentor.teacher.fullName) }).textContent()).toContain('Mentor');
  await section.getByRole('link', { name: mentor.teacher.fullName }).click();
  await page.getByTestId('profile-mentor').waitFor();

  const searchBox = 'Find a participant by participant ID, name, email address, TRN, or school name or URN';
  for (const query of [world.school.urn, world.school.name]) {
    await page.goto(`${session.url}/admin/pages/participants`);
    await page.getByLabel(searchBox).fill(query);
    await page.getByRole('button', { name: 'Search' }).click();
    const results = page.getByTestId('search-results');
    await results.getByRole('link', { name: ect.teacher.fullName }).waitFor();
    await results.getByRole('link', { name: mentor.teacher.fullName }).waitFor();
  }
  await page.close();
});

it("the school page shows no people to a role that may not read them", async () => {
  const world = await createParticipantWorld();
  await createParticipant(world);
  const page = await session.signIn('policy');
  await page.goto(`${session.url}/admin/resources/School/records/${world.school.id}/show`);
  await page.getByText(world.school.name).first().waitFor();
  expect(await page.getByTestId('school-participants').count()).toBe(0);
  await page.close();
});

it('support withdraws a participant with the keyboard alone, through the check-your-answers step, focus visible at every step', async () => {
  const fullName = `Ada Keyboardson ${randomUUID().slice(0, 6)}`;
  const participant = await createParticipant(await createParticipantWorld(), { fullName });
  const page = await session.signIn('support');
  await page.goto(`${session.url}/admin/pages/participants`);
  await tabTo(page, page.getByLabel('Find a participant by participant ID, name, email address, TRN, or school name or URN'));
  await page.keyboard.type(fullName);
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByTestId('search-results').getByRole('link', { name: fullName }));
  await page.keyboard.press('Enter');
  const profile = page.getByTestId('profile-ect');
  await profile.getByTestId('training-status').getByText('Training active').waitFor();
  await tabTo(page, profile.getByRole('button', { name: 'Change training status' }));
  await page.keyboard.press('Enter');
  const form = page.getByTestId('form-trainingStatus');
  await tabTo(page, form.getByLabel('New training status'));
  await page.keyboard.type('Withdrawn');
  await expect(form.getByLabel('New training status').inputValue()).resolves.toBe('withdrawn');
  await tabTo(page, form.getByLabel("The DfE's reason"));
  await page.keyboard.press('ArrowDown');
  await expect(form.getByLabel("The DfE's reason").inputValue()).resolves.not.toBe('');
  await tabTo(page, form.getByLabel('Reason for the change (recorded in the audit log)'));
  await page.keyboard.type('Ticket 4321: the school says they left teaching');
  await tabTo(page, form.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  const check = form.getByTestId('check-your-answers');
  await tabTo(page, check.getByRole('button', { name: 'Change training status' }));
  await page.keyboard.press('Enter');
  await page.getByText('Training status changed to withdrawn.').waitFor();
  expect(await participantTrainingStatus(participant.profile.id)).toBe('withdrawn');
  await page.close();
}, 120_000);
