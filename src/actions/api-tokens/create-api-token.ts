// A new bearer token for a lead provider's system. The plaintext is returned to the caller once, to
// show or print; only its hash is stored (src/auth/api-token.ts).
import { z } from 'zod';
import { db } from '../../db/client.js';
import { generateApiToken, hashApiToken } from '../../auth/api-token.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { notFound } from '../errors.js';
import { Id } from '../zod.js';
import { auditEvents } from '../audit/events.js';

export const CreateApiTokenInput = z.object({
  leadProviderId: Id,
  description: z.string().trim().max(200).optional(),
});

export interface CreatedApiToken {
  id: string;
  leadProviderName: string;
  /** The only time the plaintext exists outside the lead provider's system. */
  token: string;
}

export async function createApiToken(ctx: ActorContext, raw: unknown): Promise<CreatedApiToken> {
  const input = CreateApiTokenInput.parse(raw);
  requirePermission(ctx, 'api_tokens.manage');
  const token = generateApiToken();
  return db().$transaction(async (tx) => {
    const leadProvider = await tx.leadProvider.findUnique({ where: { id: input.leadProviderId } });
    if (!leadProvider) throw notFound('Lead provider');
    const created = await tx.apiToken.create({
      data: { cpdLeadProviderId: leadProvider.cpdLeadProviderId, hashedToken: hashApiToken(token), description: input.description || null },
    });
    await recordAudit(tx, ctx, auditEvents.apiTokenCreated({
      subjectId: created.id,
      after: { leadProvider: leadProvider.name, description: created.description },
    }));
    return { id: created.id, leadProviderName: leadProvider.name, token };
  });
}
