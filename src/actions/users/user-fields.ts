import { z } from 'zod';
import type { User } from '@prisma/client';
import { ROLES } from '../authz.js';

export const RoleInput = z.enum(ROLES, { message: `Choose a role: ${ROLES.join(', ')}` });
export const Password = z.string().min(12, 'Use a password of at least 12 characters');

/** A user as the audit trail records it: never the password hash. */
export function withoutSecrets(user: User): Omit<User, 'passwordHash'> {
  const { passwordHash: _hash, ...rest } = user;
  return rest;
}
