// Portal users for tests: people with roles for delivery partners or appropriate bodies.
import { hashApiToken } from '../../../src/auth/api-token.js';
import { db } from '../../../src/db/client.js';
import type { ActorContext } from '../../../src/actions/actor.js';
import { createDeliveryPartner } from '../../support/factories.js';

let counter = 0;

export async function createPortalUser(options: { deliveryPartnerIds?: string[]; appropriateBodyIds?: string[]; email?: string; disabled?: boolean } = {}) {
  const email = options.email ?? `portal-${++counter}-${Date.now()}@example.com`;
  return db().portalUser.create({
    data: {
      email, fullName: `Portal User ${counter}`, disabledAt: options.disabled ? new Date() : null,
      roles: {
        create: [
          ...(options.deliveryPartnerIds ?? []).map((deliveryPartnerId) => ({ deliveryPartnerId })),
          ...(options.appropriateBodyIds ?? []).map((appropriateBodyId) => ({ appropriateBodyId })),
        ],
      },
    },
  });
}

/** A person who checks data for one new delivery partner. */
export async function createDeliveryPartnerUser() {
  const deliveryPartner = await createDeliveryPartner();
  const user = await createPortalUser({ deliveryPartnerIds: [deliveryPartner.id] });
  return { deliveryPartner, user };
}

export const anonymous: ActorContext = { actor: { kind: 'system', name: 'Check data sign-in' }, ip: '203.0.113.9' };

export const portalActor = (user: { id: string; email: string }): ActorContext => ({ actor: { kind: 'portal', id: user.id, email: user.email } });

/**
 * The token in the newest sign-in email to this address, once one with an unused link is there: the portal
 * writes the link after answering (so known and unknown emails answer alike), so it may arrive a moment later.
 */
/** How many sign-in links have been emailed to this address: taken before asking for a new one. */
export const linksSentTo = (email: string) => db().emailOutbox.count({ where: { to: email, template: 'portal_magic_link' } });

/**
 * The latest unused sign-in link emailed to this address. The portal writes the link just after it answers,
 * so pass `sentBefore` (linksSentTo before the request) when an older unused link may exist: the wait then
 * lasts until the new email is there.
 */
export async function tokenFromOutbox(email: string, sentBefore = 0): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const sent = await linksSentTo(email);
    const message = sent > sentBefore ? await db().emailOutbox.findFirst({ where: { to: email, template: 'portal_magic_link' }, orderBy: { createdAt: 'desc' } }) : null;
    const token = message && /\/sign-in\/([A-Za-z0-9_-]+)/.exec(message.body)![1];
    if (token && (await db().magicLinkToken.count({ where: { tokenHash: hashApiToken(token), usedAt: null } }))) return token;
    if (Date.now() > deadline) throw new Error(`No unused sign-in link was emailed to ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
