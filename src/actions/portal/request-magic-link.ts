// "Email me a link": a single-use sign-in link for a portal user who may still sign in. The caller
// shows the same page whatever happens here, so nothing tells an unknown email from a known one.
// The token is shown only in the email; the database keeps its SHA-256 hash.
import { z } from 'zod';
import { db } from '../../db/client.js';
import { generateApiToken as generateSecretToken, hashApiToken as hashSecretToken } from '../../auth/api-token.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { Email } from '../zod.js';
import { findPortalRoles } from './portal-roles.js';
import { auditEvents } from '../audit/events.js';

export const DEFAULT_MAGIC_LINK_MINUTES = 30;

export const RequestMagicLinkInput = z.object({
  email: Email,
  /** The link without its token, e.g. https://ecf.example.gov.uk/check-data/sign-in (the token is appended as a path segment). */
  linkBase: z.string().url(),
  validForMinutes: z.number().int().min(1).max(24 * 60).default(DEFAULT_MAGIC_LINK_MINUTES),
});

/** Anyone may ask (ctx is the anonymous web request); returns nothing the caller could reveal. */
export async function requestMagicLink(ctx: ActorContext, raw: unknown): Promise<void> {
  const input = RequestMagicLinkInput.parse(raw);
  await db().$transaction(async (tx) => {
    const user = await tx.portalUser.findUnique({ where: { email: input.email } });
    if (!user || user.disabledAt || (await findPortalRoles(user.id, tx)).length === 0) return;
    const token = generateSecretToken();
    const expiresAt = new Date(Date.now() + input.validForMinutes * 60_000);
    const link = await tx.magicLinkToken.create({ data: { portalUserId: user.id, tokenHash: hashSecretToken(token), expiresAt } });
    await recordAudit(tx, ctx, auditEvents.portalUserSignInLinkRequested({
      subjectId: user.id,
      after: { magicLinkTokenId: link.id, expiresAt },
    }));
    await tx.emailOutbox.create({
      data: {
        to: user.email,
        template: 'portal_magic_link',
        subject: 'Your link to sign in to check data',
        body: [
          `Dear ${user.fullName},`,
          `Use this link to sign in to check data:\n${input.linkBase.replace(/\/+$/, '')}/${token}`,
          `The link works once and expires in ${input.validForMinutes} minutes.`,
          'If you did not ask to sign in, you can ignore this email.',
        ].join('\n\n'),
      },
    });
  });
}
