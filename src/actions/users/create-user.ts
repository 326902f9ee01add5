import { z } from 'zod';
import type { User } from '@prisma/client';
import { db } from '../../db/client.js';
import { hashPassword } from '../../auth/password.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';
import { Email } from '../zod.js';
import { requireRoleChangeAllowed } from './role-rules.js';
import { Password, RoleInput, withoutSecrets } from './user-fields.js';
import { auditEvents } from '../audit/events.js';

export const CreateUserInput = z.object({
  email: Email,
  fullName: z.string().trim().min(1, 'Enter a full name'),
  role: RoleInput,
  password: Password,
});

export async function createUser(ctx: ActorContext, raw: unknown): Promise<User> {
  const input = CreateUserInput.parse(raw);
  requirePermission(ctx, 'users.manage');
  requireRoleChangeAllowed(ctx, null, null, input.role);
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email } })) {
      throw new ActionError('CONFLICT', 'A user with this email address already exists', [
        { field: 'email', message: 'A user with this email address already exists' },
      ]);
    }
    const user = await tx.user.create({ data: { email: input.email, fullName: input.fullName, role: input.role, passwordHash } });
    await recordAudit(tx, ctx, auditEvents.userCreated({ subjectId: user.id, after: withoutSecrets(user) }));
    return user;
  });
}
