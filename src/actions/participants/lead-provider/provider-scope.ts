// Which lead provider an action is taken for. The API's caller is the provider itself; back-office users
// and jobs act on a provider's behalf, name it, and (users) need the permission.
import { db } from '../../../db/client.js';
import type { ActorContext } from '../../actor.js';
import { requirePermission, type Permission } from '../../authz.js';
import { ActionError } from '../../errors.js';

export interface ProviderScope {
  leadProviderId: string;
  cpdLeadProviderId: string;
}

export async function providerScope(ctx: ActorContext, permission: Permission, leadProviderId?: string): Promise<ProviderScope> {
  const { actor } = ctx;
  if (actor.kind === 'api') return { leadProviderId: actor.leadProviderId, cpdLeadProviderId: actor.cpdLeadProviderId };
  if (actor.kind === 'portal') throw new ActionError('FORBIDDEN', 'You do not have permission to do this.');
  requirePermission(ctx, permission);
  if (!leadProviderId) throw new ActionError('INVALID_INPUT', 'Choose the lead provider', [{ field: 'leadProviderId', message: 'Choose the lead provider' }]);
  const leadProvider = await db().leadProvider.findUnique({ where: { id: leadProviderId } });
  if (!leadProvider) throw new ActionError('NOT_FOUND', 'Lead provider not found');
  return { leadProviderId: leadProvider.id, cpdLeadProviderId: leadProvider.cpdLeadProviderId };
}
