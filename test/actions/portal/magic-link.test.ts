import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { requestMagicLink } from '../../../src/actions/portal/request-magic-link.js';
import { LINK_NOT_VALID, signInWithMagicLink } from '../../../src/actions/portal/sign-in-with-magic-link.js';
import { anonymous, createDeliveryPartnerUser, createPortalUser, tokenFromOutbox } from './portal-world.js';

const LINK_BASE = 'https://ecf.example.gov.uk/check-data/sign-in';

async function written() {
  const [tokens, emails, audits] = await Promise.all([db().magicLinkToken.count(), db().emailOutbox.count(), db().auditEvent.count()]);
  return { tokens, emails, audits };
}

describe('requestMagicLink', () => {
  it('emails a known person a single link and keeps only its SHA-256 hash, valid for 30 minutes', async () => {
    const { user } = await createDeliveryPartnerUser();
    const before = Date.now();
    await requestMagicLink(anonymous, { email: user.email.toUpperCase(), linkBase: LINK_BASE });

    const email = await db().emailOutbox.findFirstOrThrow({ where: { to: user.email } });
    expect(email).toMatchObject({ template: 'portal_magic_link', subject: 'Your link to sign in to check data' });
    const token = await tokenFromOutbox(user.email);
    expect(email.body).toContain(`${LINK_BASE}/${token}`);
    expect(email.body).toContain('expires in 30 minutes');
    const stored = await db().magicLinkToken.findFirstOrThrow({ where: { portalUserId: user.id } });
    expect(stored.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(await db().magicLinkToken.findMany())).not.toContain(token);
    expect(stored.expiresAt.getTime() - before).toBeGreaterThanOrEqual(30 * 60_000 - 1000);
    expect(stored.expiresAt.getTime() - before).toBeLessThanOrEqual(30 * 60_000 + 5000);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectId: user.id } });
    expect(audit).toMatchObject({ action: 'portal_user.sign_in_link_requested', ipAddress: '203.0.113.9' });
  });

  it('takes another validity when configured', async () => {
    const { user } = await createDeliveryPartnerUser();
    await requestMagicLink(anonymous, { email: user.email, linkBase: LINK_BASE, validForMinutes: 5 });
    const stored = await db().magicLinkToken.findFirstOrThrow({ where: { portalUserId: user.id } });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeLessThanOrEqual(5 * 60_000 + 1000);
    expect((await db().emailOutbox.findFirstOrThrow({ where: { to: user.email } })).body).toContain('expires in 5 minutes');
  });

  it('writes nothing at all for an unknown email, a disabled person or someone without a role', async () => {
    const disabled = await createPortalUser({ disabled: true });
    const roleless = await createPortalUser();
    const before = await written();
    for (const email of ['nobody@example.com', disabled.email, roleless.email]) {
      await expect(requestMagicLink(anonymous, { email, linkBase: LINK_BASE })).resolves.toBeUndefined();
    }
    expect(await written()).toEqual(before);
  });
});

describe('signInWithMagicLink', () => {
  async function linkFor(user: { email: string }) {
    await requestMagicLink(anonymous, { email: user.email, linkBase: LINK_BASE });
    return tokenFromOutbox(user.email);
  }

  it('signs the person in once, with their roles, and audits it as them', async () => {
    const { user, deliveryPartner } = await createDeliveryPartnerUser();
    const token = await linkFor(user);
    const signIn = await signInWithMagicLink(anonymous, { token });
    expect(signIn.user.id).toBe(user.id);
    expect(signIn.roles).toEqual([expect.objectContaining({ kind: 'delivery_partner', organisationId: deliveryPartner.id, organisationName: deliveryPartner.name })]);
    expect(await db().auditEvent.findFirst({ where: { action: 'portal_user.signed_in', subjectId: user.id } })).toMatchObject({ actorType: 'portal', actorId: user.id });

    await expect(signInWithMagicLink(anonymous, { token })).rejects.toThrow(LINK_NOT_VALID);
  });

  it('lets only one of two simultaneous uses of a link through', async () => {
    const { user } = await createDeliveryPartnerUser();
    const token = await linkFor(user);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => signInWithMagicLink(anonymous, { token })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db().auditEvent.count({ where: { action: 'portal_user.signed_in', subjectId: user.id } })).toBe(1);
  });

  it('refuses an expired link, an unknown token and a link of someone since disabled, signing nobody in', async () => {
    const { user } = await createDeliveryPartnerUser();
    const expired = await linkFor(user);
    await db().magicLinkToken.updateMany({ where: { portalUserId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const other = await createDeliveryPartnerUser();
    const disabledToken = await linkFor(other.user);
    await db().portalUser.update({ where: { id: other.user.id }, data: { disabledAt: new Date() } });

    const before = await written();
    for (const token of [expired, 'not-a-real-token', disabledToken]) {
      await expect(signInWithMagicLink(anonymous, { token })).rejects.toThrow(LINK_NOT_VALID);
    }
    expect(await written()).toEqual(before);
    expect(await db().magicLinkToken.count({ where: { portalUserId: { in: [user.id, other.user.id] }, usedAt: { not: null } } })).toBe(0);
  });

  it('lists every organisation of someone with several roles, leaving out discarded delivery partners', async () => {
    const { user, deliveryPartner } = await createDeliveryPartnerUser();
    const body = await db().appropriateBody.create({ data: { name: 'East Hub', bodyType: 'teaching_school_hub' } });
    const gone = await db().deliveryPartner.create({ data: { name: 'Gone Partner', discardedAt: new Date() } });
    await db().portalRole.createMany({ data: [{ portalUserId: user.id, appropriateBodyId: body.id }, { portalUserId: user.id, deliveryPartnerId: gone.id }] });
    const { roles } = await signInWithMagicLink(anonymous, { token: await linkFor(user) });
    expect(roles.map((r) => [r.kind, r.organisationName])).toEqual([['appropriate_body', 'East Hub'], ['delivery_partner', deliveryPartner.name]]);
  });
});
