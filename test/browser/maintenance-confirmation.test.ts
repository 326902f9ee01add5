// Maintenance mode takes the API and the portal down for every lead provider, so the admin checks their answers
// before it switches, either way; nothing changes until they confirm.
import { expect, it } from '@jest/globals';
import { readMaintenanceMode } from '../../src/actions/maintenance/maintenance-mode.js';
import { useBackOfficeSession } from '../support/back-office-session.js';

const session = useBackOfficeSession();

it('switching maintenance mode on and off each needs a confirmation', async () => {
  const page = await session.signIn('admin');
  await page.goto(`${session.url}/admin/pages/maintenance`);
  const panel = page.getByTestId('maintenance-page');
  await panel.getByRole('heading', { name: 'Maintenance mode is off' }).waitFor();

  await panel.getByLabel('Message for API callers and portal users (optional)').fill('Back at 6pm.');
  await panel.getByRole('button', { name: 'Switch maintenance mode on' }).click();
  const check = page.getByTestId('check-your-answers');
  await check.getByText('Back at 6pm.').waitFor();
  expect(await check.textContent()).toContain('503 Service unavailable');
  expect((await readMaintenanceMode()).on).toBe(false);

  await check.getByRole('button', { name: 'Change' }).click();
  await panel.getByRole('button', { name: 'Switch maintenance mode on' }).waitFor();
  expect((await readMaintenanceMode()).on).toBe(false);

  await panel.getByRole('button', { name: 'Switch maintenance mode on' }).click();
  await check.getByRole('button', { name: 'Confirm: switch maintenance mode on' }).click();
  await panel.getByRole('heading', { name: 'Maintenance mode is on' }).waitFor();
  expect(await readMaintenanceMode()).toMatchObject({ on: true, message: 'Back at 6pm.' });

  await panel.getByRole('button', { name: 'Switch maintenance mode off' }).click();
  await check.waitFor();
  expect((await readMaintenanceMode()).on).toBe(true);
  await check.getByRole('button', { name: 'Confirm: switch maintenance mode off' }).click();
  await panel.getByRole('heading', { name: 'Maintenance mode is off' }).waitFor();
  expect((await readMaintenanceMode()).on).toBe(false);
  await page.close();
});
