import { z } from 'zod';
import type { User } from '@prisma/client';
import { db } from '../../db/client.js';
import { hashPassword } from '../../auth/password.js';
import type { ActorContext } from '../actor.js';
import { changedFields, recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError, notFound } from '../errors.js';
import { Flag, Id } from '../zod.js';
import { endStaffSessions } from './end-staff-sessions.js';
import { requireRoleChangeAllowed } from './role-rules.js';
import { Password, RoleInput, withoutSecrets } from './user-fields.js';
import { auditEvents } from '../audit/events.js';

export const UpdateUserInput = z.object({
  id: Id,
  fullName: z.string().trim().min(1, 'Enter a full name').optional(),
  role: RoleInput.optional(),
  /** Set to disable sign-in; unset to enable it again. */
  disabled: Flag.optional(),
  password: Password.nullish(),
  /** Why the role changes: required with a new role, kept in the audit trail. */
  reason: z.string().trim().nullish(),
});

const REASON_NEEDED = 'Give a reason for the change of role';

/** A change of password, role or status ends the user's sessions (all but the caller's own). */
export async function updateUser(ctx: ActorContext, raw: unknown): Promise<User> {
  const input = UpdateUserInput.parse(raw);
  requirePermission(ctx, 'users.manage');
  if (ctx.actor.kind === 'user' && ctx.actor.id === input.id && input.disabled) {
    throw new ActionError('INVALID_STATE', 'You cannot disable yourself.');
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.id } });
    if (!user) throw notFound('User');
    const role = input.role ?? user.role;
    requireRoleChangeAllowed(ctx, user.id, user.role, role);
    if (role !== user.role && !input.reason) throw new ActionError('INVALID_INPUT', REASON_NEEDED, [{ field: 'reason', message: REASON_NEEDED }]);
    const disabledAt = input.disabled === undefined ? user.disabledAt : input.disabled ? (user.disabledAt ?? new Date()) : null;
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { fullName: input.fullName, role, disabledAt, ...(passwordHash ? { passwordHash } : {}) },
    });
    const diff = changedFields(withoutSecrets(user), withoutSecrets(updated));
    if (passwordHash) (diff.after as Record<string, unknown>).password = 'changed';
    const event = disabledAt && !user.disabledAt ? auditEvents.userDisabled : !disabledAt && user.disabledAt ? auditEvents.userEnabled : role !== user.role ? auditEvents.userRoleChanged : auditEvents.userUpdated;
    await recordAudit(tx, ctx, event({ subjectId: user.id, ...diff, reason: role !== user.role ? input.reason : undefined }));
    if (passwordHash || role !== user.role || (disabledAt?.getTime() ?? null) !== (user.disabledAt?.getTime() ?? null)) {
      await endStaffSessions(tx, user.id, ctx.sessionId);
    }
    return updated;
  });
}
