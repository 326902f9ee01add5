// Opening a sign-in link: the token is used up in the same statement that checks it is unused and
// unexpired, so two clicks (or two browsers) can never both sign in with one link.
import { z } from 'zod';
import { Prisma, type PortalUser } from '@prisma/client';
import { db } from '../../db/client.js';
import { hashApiToken as hashSecretToken } from '../../auth/api-token.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { ActionError } from '../errors.js';
import { findPortalRoles, type PortalRoleChoice } from './portal-roles.js';
import { auditEvents } from '../audit/events.js';

export const LINK_NOT_VALID = 'This link has expired or has already been used';

export const SignInWithMagicLinkInput = z.object({ token: z.string().trim().min(1).max(200) });

export interface PortalSignIn {
  user: PortalUser;
  roles: PortalRoleChoice[];
}

/** ctx is the anonymous web request; the audit event is the portal user's own. */
export async function signInWithMagicLink(ctx: ActorContext, raw: unknown): Promise<PortalSignIn> {
  const { token } = SignInWithMagicLinkInput.parse(raw);
  const tokenHash = hashSecretToken(token);
  return db().$transaction(async (tx) => {
    const now = Prisma.sql`${new Date().toISOString()}::timestamp`;
    const [used] = await tx.$queryRaw<{ portalUserId: string }[]>(Prisma.sql`
      UPDATE magic_link_tokens m SET "usedAt" = ${now}
      FROM portal_users u
      WHERE m."tokenHash" = ${tokenHash} AND m."usedAt" IS NULL AND m."expiresAt" > ${now}
        AND u.id = m."portalUserId" AND u."disabledAt" IS NULL
      RETURNING m."portalUserId"`);
    if (!used) throw new ActionError('INVALID_STATE', LINK_NOT_VALID);
    const user = await tx.portalUser.findUniqueOrThrow({ where: { id: used.portalUserId } });
    const roles = await findPortalRoles(user.id, tx);
    await recordAudit(tx, { ...ctx, actor: { kind: 'portal', id: user.id, email: user.email } }, auditEvents.portalUserSignedIn({
      subjectId: user.id, after: { roles: roles.length },
    }));
    return { user, roles };
  });
}
