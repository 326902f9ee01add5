// Role rules for the back office, from the one permissions table in src/actions/authz.ts.
// `isAccessible` locks the action's endpoint too (not just the button); actions re-check permissions anyway.
import type { ActionContext, CurrentAdmin } from 'adminjs';
import type { Role } from '@prisma/client';
import { can, ROLES, type Permission } from '../actions/authz.js';

/** Who reads a resource: the roles with a permission of the table, or every signed-in role. */
export type Readers = Permission | 'everyone';

export const roleOf = (admin?: CurrentAdmin | null): Role | undefined =>
  admin && ROLES.includes(admin.role as Role) ? (admin.role as Role) : undefined;

export const mayRead = (role: Role | undefined, readers: Readers): role is Role =>
  !!role && (readers === 'everyone' || can(role, readers));

export const allowReaders = (readers: Readers) => ({ currentAdmin }: ActionContext) => mayRead(roleOf(currentAdmin), readers);

export const allowPermission = (permission: Permission) => ({ currentAdmin }: ActionContext) => {
  const role = roleOf(currentAdmin);
  return !!role && can(role, permission);
};
