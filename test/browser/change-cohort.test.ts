// A super user changes a participant's cohort in the back office: choose the cohort and give a reason, check the
// answers (or read the DfE's refusal in plain words), confirm, and land on the participant with the change made.
import { randomUUID } from 'node:crypto';
import { expect, it } from '@jest/globals';
import { db } from '../../src/db/client.js';
import { useBackOfficeSession } from '../support/back-office-session.js';
import { createDeclaration, createParticipant, createParticipantWorld } from '../support/factories.js';

const session = useBackOfficeSession();

it('a super user checks the answers and changes a cohort; a refusal shows the DfE reason and changes nothing', async () => {
  const from = await createParticipantWorld(2023);
  const to = await createParticipantWorld(2024, { school: from.school });
  const movable = await createParticipant(from, { fullName: `Mary Somerville ${randomUUID().slice(0, 6)}` });
  const declared = await createParticipant(from, { fullName: `Emmy Noether ${randomUUID().slice(0, 6)}` });
  await createDeclaration(declared, from.leadProvider, { state: 'submitted' });
  const page = await session.signIn('super_user');
  const actionUrl = (id: string) => `${session.url}/admin/resources/ParticipantProfile/records/${id}/changeCohort`;

  // Refused: the DfE's message, and the participant stays where they were.
  await page.goto(actionUrl(declared.profile.id));
  await page.getByTestId('change-cohort-page').getByText('Their current cohort is: 2023').waitFor();
  await page.getByLabel('New cohort').selectOption('2024');
  await page.getByLabel('Reason for the change (recorded in the audit log)').fill('Ticket 77: registered in the wrong year');
  await page.getByRole('button', { name: 'Continue' }).click();
  const refusals = page.getByTestId('change-cohort-refusals');
  await refusals.getByText('The participant has billable or submitted declarations').waitFor();
  expect(await db().participantProfile.findUniqueOrThrow({ where: { id: declared.profile.id } })).toMatchObject({ cohortId: from.cohort.id });

  // Allowed: check your answers (a dry run), then confirm.
  await page.goto(actionUrl(movable.profile.id));
  await page.getByTestId('change-cohort-page').getByText('Their current cohort is: 2023').waitFor();
  await page.getByLabel('New cohort').selectOption('2024');
  await page.getByLabel('Reason for the change (recorded in the audit log)').fill('Ticket 78: started a year late');
  await page.getByRole('button', { name: 'Continue' }).click();
  const check = page.getByTestId('check-your-answers');
  await check.getByText('Ticket 78: started a year late').waitFor();
  expect(await check.textContent()).toContain(`2024 cohort, ecf-standard-september, ${from.school.name}, ${to.leadProvider.name}`);
  expect(await db().participantProfile.findUniqueOrThrow({ where: { id: movable.profile.id } })).toMatchObject({ cohortId: from.cohort.id });

  await check.getByRole('button', { name: 'Change cohort' }).click();
  await page.waitForURL(/\/records\/[^/]+\/show/);
  await page.getByText('Cohort changed successfully').first().waitFor();
  expect(await db().participantProfile.findUniqueOrThrow({ where: { id: movable.profile.id } })).toMatchObject({ cohortId: to.cohort.id, schoolCohortId: to.schoolCohort.id });
  expect(await db().auditEvent.findFirstOrThrow({ where: { subjectId: movable.profile.id, action: 'participant.cohort_changed' } })).toMatchObject({
    reason: 'Ticket 78: started a year late',
  });
  await page.close();
});
