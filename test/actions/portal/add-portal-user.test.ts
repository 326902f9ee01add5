import { describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { addPortalUser } from '../../../src/actions/portal/add-portal-user.js';
import { ActionError } from '../../../src/actions/errors.js';
import type { ActorContext } from '../../../src/actions/actor.js';
import { createDeliveryPartner, userContext } from '../../support/factories.js';

const support = userContext('support');

async function written() {
  const [users, roles, audits, emails] = await Promise.all([db().portalUser.count(), db().portalRole.count(), db().auditEvent.count(), db().emailOutbox.count()]);
  return { users, roles, audits, emails };
}

async function refusal(ctx: ActorContext, input: unknown): Promise<ActionError> {
  const before = await written();
  const error = await addPortalUser(ctx, input).then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e);
  expect(await written()).toEqual(before);
  if (!(error instanceof ActionError)) throw error;
  return error;
}

describe('addPortalUser', () => {
  it('creates the person, gives them the delivery partner, audits it and emails them that they can sign in', async () => {
    const partner = await createDeliveryPartner({ name: 'Riverside Teaching Partnership' });
    const added = await addPortalUser(support, { email: ' Sam.Jones@Example.com ', fullName: 'Sam Jones', deliveryPartnerId: partner.id, appropriateBodyId: '' });

    expect(added.createdUser).toBe(true);
    expect(added).toMatchObject({ email: 'sam.jones@example.com', fullName: 'Sam Jones', disabledAt: null });
    expect(added.portalRole).toMatchObject({ deliveryPartnerId: partner.id, appropriateBodyId: null });
    const audits = await db().auditEvent.findMany({ where: { subjectId: added.id }, orderBy: { action: 'asc' } });
    expect(audits.map((a) => [a.action, a.actorType, a.actorLabel])).toEqual([
      ['portal_role.created', 'user', 'support@example.com'],
      ['portal_user.created', 'user', 'support@example.com'],
    ]);
    expect(audits[0].after).toMatchObject({ deliveryPartnerId: partner.id, organisation: 'Riverside Teaching Partnership' });
    const [email] = await db().emailOutbox.findMany({ where: { to: 'sam.jones@example.com' } });
    expect(email).toMatchObject({ template: 'portal_user_added', subject: 'You can now sign in to check data for delivery partners', sentAt: null });
    expect(email.body).toContain('Riverside Teaching Partnership');
    expect(email.body).toContain('/check-data');
  });

  it('adds a second organisation to someone who already has one, keeping their name', async () => {
    const first = await createDeliveryPartner();
    const body = await db().appropriateBody.create({ data: { name: 'North Hub', bodyType: 'teaching_school_hub' } });
    const added = await addPortalUser(support, { email: 'two@example.com', fullName: 'Two Roles', deliveryPartnerId: first.id });
    // As the back office's form sends it: the field left empty arrives as null.
    const again = await addPortalUser(userContext('admin'), { email: 'two@example.com', fullName: 'Someone Else', deliveryPartnerId: null, appropriateBodyId: body.id });
    expect(again.createdUser).toBe(false);
    expect(again).toMatchObject({ id: added.id, fullName: 'Two Roles' });
    expect(await db().portalRole.count({ where: { portalUserId: added.id } })).toBe(2);
    expect(await db().emailOutbox.findFirst({ where: { to: 'two@example.com', subject: { contains: 'appropriate bodies' } } })).not.toBeNull();
  });

  it('refuses the same organisation twice for one person, writing nothing', async () => {
    const partner = await createDeliveryPartner({ name: 'Once Only' });
    await addPortalUser(support, { email: 'once@example.com', fullName: 'Once', deliveryPartnerId: partner.id });
    const error = await refusal(support, { email: 'ONCE@example.com', fullName: 'Once', deliveryPartnerId: partner.id });
    expect(error.code).toBe('CONFLICT');
    expect(error.fieldErrors).toEqual([{ field: 'email', message: 'This person can already sign in for Once Only' }]);
  });

  it('refuses staff without portal_users.manage, writing nothing', async () => {
    const partner = await createDeliveryPartner();
    for (const role of ['finance', 'policy'] as const) {
      const error = await refusal(userContext(role), { email: 'x@example.com', fullName: 'X', deliveryPartnerId: partner.id });
      expect(error.code).toBe('FORBIDDEN');
    }
  });

  it('refuses neither or both organisations, a bad email and a discarded delivery partner, writing nothing', async () => {
    const partner = await createDeliveryPartner();
    const body = await db().appropriateBody.create({ data: { name: 'South Hub', bodyType: 'teaching_school_hub' } });
    await expect(refusal(support, { email: 'x@example.com', fullName: 'X' })).rejects.toThrow('Choose one organisation: a delivery partner, an appropriate body or a lead provider');
    await expect(refusal(support, { email: 'x@example.com', fullName: 'X', deliveryPartnerId: partner.id, appropriateBodyId: body.id })).rejects.toThrow('Choose one organisation');
    await expect(refusal(support, { email: 'not-an-email', fullName: 'X', deliveryPartnerId: partner.id })).rejects.toThrow('correct format');
    const discarded = await createDeliveryPartner({ discardedAt: new Date() });
    expect((await refusal(support, { email: 'x@example.com', fullName: 'X', deliveryPartnerId: discarded.id })).code).toBe('NOT_FOUND');
  });

  it('refuses to add an organisation to a disabled person', async () => {
    const partner = await createDeliveryPartner();
    await db().portalUser.create({ data: { email: 'gone@example.com', fullName: 'Gone', disabledAt: new Date() } });
    expect((await refusal(support, { email: 'gone@example.com', fullName: 'Gone', deliveryPartnerId: partner.id })).code).toBe('INVALID_STATE');
  });
});
