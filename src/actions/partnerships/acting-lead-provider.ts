// Who may report or change a lead provider's partnerships: the lead provider itself through the API (its
// token fixes the lead provider), or a back-office user with 'partnerships.edit' acting on its behalf.
// requirePermission alone would refuse every API actor, so the API case is checked here.
import type { ActorContext } from '../actor.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';

/** The lead provider the action acts for: the API actor's own (when none is given), else the one given. */
export function actingLeadProviderId(ctx: ActorContext, leadProviderId: string | undefined): string | undefined {
  const { actor } = ctx;
  if (actor.kind === 'api') {
    if (leadProviderId !== undefined && leadProviderId !== actor.leadProviderId) {
      throw new ActionError('FORBIDDEN', 'You can only manage your own partnerships.');
    }
    return actor.leadProviderId;
  }
  requirePermission(ctx, 'partnerships.edit');
  return leadProviderId;
}
