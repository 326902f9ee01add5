// Revoking a token: the lead provider's system is refused (401) from its next request on.
import { z } from 'zod';
import type { ApiToken } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError, notFound } from '../errors.js';
import { Id } from '../zod.js';
import { auditEvents } from '../audit/events.js';

export const RevokeApiTokenInput = z.object({ id: Id });

export const ALREADY_REVOKED = 'This token has already been revoked';

export async function revokeApiToken(ctx: ActorContext, raw: unknown): Promise<Omit<ApiToken, 'hashedToken'>> {
  const input = RevokeApiTokenInput.parse(raw);
  requirePermission(ctx, 'api_tokens.manage');
  return db().$transaction(async (tx) => {
    // Only an unrevoked token changes, so two revocations at once record one event.
    const { count } = await tx.apiToken.updateMany({ where: { id: input.id, revokedAt: null }, data: { revokedAt: new Date() } });
    const stored = await tx.apiToken.findUnique({ where: { id: input.id } });
    if (!stored) throw notFound('API token');
    if (count === 0) throw new ActionError('INVALID_STATE', ALREADY_REVOKED);
    const { hashedToken: _hash, ...token } = stored;
    await recordAudit(tx, ctx, auditEvents.apiTokenRevoked({ subjectId: token.id, after: { revokedAt: token.revokedAt } }));
    return token;
  });
}
