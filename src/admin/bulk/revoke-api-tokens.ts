// "Revoke API tokens" on the API tokens list (admins), e.g. every token of a lead provider whose system
// was compromised: each selected token through the single "Revoke" (src/actions/api-tokens/revoke-api-token.ts).
import { ALREADY_REVOKED, revokeApiToken } from '../../actions/api-tokens/revoke-api-token.js';
import { db } from '../../db/client.js';
import type { BulkSpec } from './run-bulk.js';
import { formatDate } from '../human-dates.js';

export const revokeApiTokens: BulkSpec = {
  permission: 'api_tokens.manage',
  icon: 'Slash',
  heading: 'Revoke API tokens',
  verb: 'Revoke',
  noun: ['token', 'tokens'],
  fields: [],
  consequences: [
    "The lead provider's system is refused from its next request with each of these tokens.",
    'A revoked token cannot be used again: the lead provider needs a new one ("Create API token" on its page).',
    'Each is recorded in the audit log with your name.',
  ],
  async plan(_ctx, ids) {
    const tokens = await db().apiToken.findMany({ where: { id: { in: ids } }, include: { cpdLeadProvider: { select: { name: true } } } });
    return tokens.map((t) => {
      const lastUsed = t.lastUsedAt ? `last used ${formatDate(t.lastUsedAt)}` : 'never used';
      const row = { id: t.id, title: t.description || 'Token without a description', details: `${t.cpdLeadProvider.name}, ${lastUsed}` };
      return t.revokedAt ? { ...row, ready: false, says: `${ALREADY_REVOKED}.` } : { ...row, ready: true, says: 'Will be revoked.' };
    });
  },
  async run(ctx, id) {
    await revokeApiToken(ctx, { id });
    return 'Revoked.';
  },
};
