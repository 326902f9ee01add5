// Role rules for the back office, from the one permissions table in src/actions/authz.ts.
// `isAccessible` locks the action's endpoint too (not just the button); actions re-check permissions anyway.
import type { ActionContext, CurrentAdmin } from 'adminjs';
import type { Role } from '@prisma/client';
import { can, ROLES, type Permission } from '../actions/authz.js';

export type Readers = readonly Role[] | 'everyone';

export const roleOf = (admin?: CurrentAdmin | null): Role | undefined =>
  admin && ROLES.includes(admin.role as Role) ? (admin.role as Role) : undefined;

export const allowRoles = (readers: Readers) => ({ currentAdmin }: ActionContext) => {
  const role = roleOf(currentAdmin);
  return !!role && (readers === 'everyone' || readers.includes(role));
};

export const allowPermission = (permission: Permission) => ({ currentAdmin }: ActionContext) => {
  const role = roleOf(currentAdmin);
  return !!role && can(role, permission);
};

export const FINANCE_READERS: Readers = ['admin', 'super_user', 'finance'];
export const PEOPLE_READERS: Readers = ['admin', 'super_user', 'support', 'finance'];
export const ADMINS: Readers = ['admin', 'super_user'];
export const CONTRACT_READERS: Readers = ['admin', 'super_user', 'finance', 'policy'];
