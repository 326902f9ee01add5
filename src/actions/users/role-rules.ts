// Who may give which role: only a super user grants or removes super_user, and nobody changes their own role.
import type { Role } from '@prisma/client';
import type { ActorContext } from '../actor.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';

export function requireRoleChangeAllowed(ctx: ActorContext, userId: string | null, from: Role | null, to: Role): void {
  if (from === to) return;
  if (ctx.actor.kind === 'user' && ctx.actor.id === userId) {
    throw new ActionError('FORBIDDEN', 'You cannot change your own role.', [{ field: 'role', message: 'You cannot change your own role' }]);
  }
  if (from === 'super_user' || to === 'super_user') {
    try {
      requirePermission(ctx, 'users.manage_super_users');
    } catch {
      throw new ActionError('FORBIDDEN', 'Only a super user can grant or remove the super user role.', [
        { field: 'role', message: 'Only a super user can grant or remove the super user role' },
      ]);
    }
  }
}
