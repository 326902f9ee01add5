import { z } from 'zod';
import type { User } from '@prisma/client';
import { passwordProblem } from '../../auth/password-policy.js';
import { ROLES } from '../authz.js';

export const RoleInput = z.enum(ROLES, { message: `Choose a role: ${ROLES.join(', ')}` });
export const Password = z.string().superRefine((password, issues) => {
  const problem = passwordProblem(password);
  if (problem) issues.addIssue({ code: 'custom', message: problem });
});

/** A user as the audit trail records it: never the password hash. */
export function withoutSecrets(user: User): Omit<User, 'passwordHash'> {
  const { passwordHash: _hash, ...rest } = user;
  return rest;
}
