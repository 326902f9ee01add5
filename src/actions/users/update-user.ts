import { z } from 'zod';
import type { User } from '@prisma/client';
import { db } from '../../db/client.js';
import { hashPassword } from '../../auth/password.js';
import type { ActorContext } from '../actor.js';
import { changedFields, recordAudit } from '../audit.js';
import { requirePermission } from '../authz.js';
import { ActionError, notFound } from '../errors.js';
import { Flag, Id } from '../zod.js';
import { Password, RoleInput, withoutSecrets } from './user-fields.js';

export const UpdateUserInput = z.object({
  id: Id,
  fullName: z.string().trim().min(1, 'Enter a full name').optional(),
  role: RoleInput.optional(),
  /** Set to disable sign-in; unset to enable it again. */
  disabled: Flag.optional(),
  password: Password.nullish(),
});

export async function updateUser(ctx: ActorContext, raw: unknown): Promise<User> {
  const input = UpdateUserInput.parse(raw);
  requirePermission(ctx, 'users.manage');
  if (ctx.actor.kind === 'user' && ctx.actor.id === input.id && (input.disabled || (input.role && input.role !== ctx.actor.role))) {
    throw new ActionError('INVALID_STATE', 'You cannot disable yourself or change your own role.');
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.id } });
    if (!user) throw notFound('User');
    const disabledAt = input.disabled === undefined ? user.disabledAt : input.disabled ? (user.disabledAt ?? new Date()) : null;
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { fullName: input.fullName, role: input.role, disabledAt, ...(passwordHash ? { passwordHash } : {}) },
    });
    const diff = changedFields(withoutSecrets(user), withoutSecrets(updated));
    if (passwordHash) (diff.after as Record<string, unknown>).password = 'changed';
    const action = disabledAt && !user.disabledAt ? 'user.disabled' : !disabledAt && user.disabledAt ? 'user.enabled' : 'user.updated';
    await recordAudit(tx, ctx, { action, subjectType: 'User', subjectId: user.id, ...diff });
    return updated;
  });
}
