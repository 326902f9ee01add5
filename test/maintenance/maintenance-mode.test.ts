// Maintenance mode: admins switch it (audited); while on, the lead provider API answers 503 in its error
// shape with the planned end (and Retry-After), and the check data portal answers a plain 503 page.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import { db } from '../../src/db/client.js';
import { createApiRouter } from '../../src/api/router.js';
import { CHECK_DATA_PATH, createPortalRouter, type PortalRouter } from '../../src/portal/router.js';
import { apiMaintenance, portalUnavailable } from '../../src/server/maintenance.js';
import { setMaintenanceMode } from '../../src/actions/maintenance/set-maintenance-mode.js';
import { MAINTENANCE_SETTING, readMaintenanceMode } from '../../src/actions/maintenance/maintenance-mode.js';
import { maintenanceOff, maintenanceOn } from '../../src/cli/commands/maintenance.js';
import { maintenancePageHandler } from '../../src/admin/maintenance/maintenance-page.js';
import { userContext } from '../support/factories.js';

let server: Server;
let portal: PortalRouter;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use('/api/v3', createApiRouter({ maintenanceMessage: apiMaintenance }));
  portal = createPortalRouter({ sessionSecret: 'test-secret-that-is-long-enough-for-sessions', databaseUrl: process.env.DATABASE_URL, isUnavailable: portalUnavailable });
  app.use(CHECK_DATA_PATH, portal);
  server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await portal.close();
});

const admin = userContext('admin');
const quiet = { say: () => {} };

describe('maintenance mode', () => {
  it('closes the API and the portal with the message and planned end while on, and opens them when switched off', async () => {
    const until = new Date(Date.now() + 2 * 3600_000);
    const mode = await setMaintenanceMode(admin, { on: true, until: until.toISOString(), message: 'We are moving to a new database.' });
    expect(mode).toMatchObject({ on: true, message: 'We are moving to a new database.', until });

    const api = await fetch(`${base}/api/v3/participants/ecf`);
    expect(api.status).toBe(503);
    expect(api.headers.get('content-type')).toBe('application/vnd.api+json');
    const retryAfter = Number(api.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(7100);
    expect(retryAfter).toBeLessThanOrEqual(7200);
    const body = (await api.json()) as { errors: { title: string; detail: string }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].title).toBe('Service unavailable');
    expect(body.errors[0].detail).toMatch(/^We are moving to a new database\. We plan to be back by \d{1,2}:\d\d[ap]m on \w+ \d{1,2} \w+ \d{4} \(UK time\)\.$/);

    const page = await fetch(`${base}${CHECK_DATA_PATH}/participants`);
    expect(page.status).toBe(503);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(7100);
    const html = await page.text();
    expect(html).toContain('Sorry, the service is unavailable');
    expect(html).toContain('We are moving to a new database.');
    expect(html).toMatch(/You will be able to use the service from \d{1,2}:\d\d[ap]m on/);

    const events = await db().auditEvent.findMany({ where: { action: 'maintenance.switched_on' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorLabel: 'admin@example.com', after: expect.objectContaining({ on: true, until: until.toISOString() }) });

    await setMaintenanceMode(admin, { on: false });
    expect((await fetch(`${base}/api/v3/participants/ecf`)).status).toBe(401);
    expect((await fetch(`${base}${CHECK_DATA_PATH}/`, { redirect: 'manual' })).status).not.toBe(503);
    expect(await db().auditEvent.count({ where: { action: 'maintenance.switched_off' } })).toBe(1);
  });

  it('without a planned end says the default message and sends no Retry-After', async () => {
    await setMaintenanceMode(admin, { on: 'true' });
    const api = await fetch(`${base}/api/v3/participants/ecf`);
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBeNull();
    expect(await api.json()).toEqual({ errors: [{ title: 'Service unavailable', detail: 'This service is unavailable while we carry out planned maintenance.' }] });
    const page = await fetch(`${base}${CHECK_DATA_PATH}/`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('You will be able to use the service later.');
    await setMaintenanceMode(admin, { on: false });
  });

  it('refuses people who may not manage settings and planned ends in the past, writing nothing', async () => {
    const before = await db().auditEvent.count();
    const setting = await db().setting.findUnique({ where: { key: MAINTENANCE_SETTING } });
    await expect(setMaintenanceMode(userContext('support'), { on: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setMaintenanceMode(admin, { on: true, until: '2020-01-01T10:00:00Z' })).rejects.toMatchObject({
      code: 'INVALID_INPUT', fieldErrors: [{ field: 'until', message: 'The planned end must be in the future' }],
    });
    await expect(setMaintenanceMode(admin, { on: true, until: 'next tuesday' })).rejects.toThrow('Enter the planned end as a date and time');
    expect(await db().auditEvent.count()).toBe(before);
    expect(await db().setting.findUnique({ where: { key: MAINTENANCE_SETTING } })).toEqual(setting);
  });

  it('is switched from the command line', async () => {
    const until = new Date(Date.now() + 3600_000).toISOString();
    expect(await maintenanceOn.run({ options: { until, message: 'Upgrade' }, positional: [] }, quiet)).toEqual({ on: true, message: 'Upgrade', until });
    expect((await readMaintenanceMode()).on).toBe(true);
    expect((await fetch(`${base}/api/v3/participants/ecf`)).status).toBe(503);
    expect(await maintenanceOff.run({ options: {}, positional: [] }, quiet)).toEqual({ on: false, message: null, until: null });
    expect((await readMaintenanceMode()).on).toBe(false);
    expect(await db().auditEvent.findFirst({ where: { action: 'maintenance.switched_on', actorLabel: 'System: CLI maintenance:on' } })).not.toBeNull();
  });

  it('is switched on the back office page by admins only; every role reads it for the banner', async () => {
    const page = (role: string, request: Record<string, unknown>) =>
      maintenancePageHandler(request as never, {} as never, { currentAdmin: { id: `${role}-id`, email: `${role}@example.com`, role } } as never) as Promise<Record<string, unknown>>;
    const until = new Date(Date.now() + 3600_000).toISOString();
    expect(await page('support', { method: 'post', payload: { on: 'true' } })).toMatchObject({ on: false, canSwitch: false, notice: { type: 'error', errors: ['You do not have permission to do this.'] } });
    expect((await readMaintenanceMode()).on).toBe(false);

    expect(await page('admin', { method: 'post', payload: { on: 'true', until, message: 'Back soon' } })).toMatchObject({
      on: true, canSwitch: true, message: 'Back soon', until, untilLabel: expect.stringMatching(/^\d{1,2}:\d\d[ap]m on /), notice: { message: 'Maintenance mode is on.', type: 'success' },
    });
    expect(await page('finance', { method: 'get' })).toMatchObject({ on: true, canSwitch: false, switchedBy: 'admin@example.com' });
    expect(await page('super_user', { method: 'post', payload: { on: 'false' } })).toMatchObject({ on: false, notice: { type: 'success', message: 'Maintenance mode is off.' } });
  });
});
