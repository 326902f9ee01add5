// The portal's sign-in answers a known email exactly as it answers an unknown one, and as fast: the link is
// looked up and written after the answer. Proof that does not rely on a stopwatch: with the email outbox
// locked, so writing a link would have to wait, a known email is still answered at once.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { db } from '../../src/db/client.js';
import { createParticipantWorld } from '../support/factories.js';
import { createPortalUser, tokenFromOutbox } from '../actions/portal/portal-world.js';
import { PortalClient, startPortalApp, type PortalApp } from './portal-app.js';

let app: PortalApp;

beforeAll(async () => {
  app = await startPortalApp();
});

afterAll(() => app.close());

describe('portal sign-in timing', () => {
  it('answers a known email without waiting for its link to be written', async () => {
    const world = await createParticipantWorld(2024);
    const user = await createPortalUser({ deliveryPartnerIds: [world.deliveryPartner.id] });
    const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE email_outbox IN ACCESS EXCLUSIVE MODE');
      const client = new PortalClient(app);
      await client.get('/');
      const answer = await client.post('/sign-in', { email: user.email });
      expect(answer.status).toBe(303);
      expect(answer.location).toBe('/check-data/check-email');
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    // Once the table is free the link is written and emailed.
    expect(await tokenFromOutbox(user.email)).toEqual(expect.any(String));
    expect(await db().emailOutbox.count({ where: { to: user.email, template: 'portal_magic_link' } })).toBe(1);
  }, 60_000);
});
