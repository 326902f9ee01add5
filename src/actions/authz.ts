// The one permissions table. Actions check it with requirePermission; the back office uses the
// same table (src/admin/rbac.ts) to show or hide buttons, and every action re-checks anyway.
import type { Role } from '@prisma/client';
import type { ActorContext } from './actor.js';
import { ActionError } from './errors.js';

export const ROLES = ['admin', 'super_user', 'support', 'finance', 'policy'] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'DfE admin',
  super_user: 'Super user',
  support: 'Support',
  finance: 'Finance',
  policy: 'Policy',
};

const ADMINS: Role[] = ['admin', 'super_user'];

const grants = {
  // Reading: the back office shows a list, page, menu item or link only to the roles that may read it.
  'participants.read': [...ADMINS, 'support', 'finance'],
  'contracts.read': [...ADMINS, 'finance', 'policy'],
  'cpd_lead_providers.read': ADMINS,
  'jobs.read': [...ADMINS, 'finance'],
  'emails.read': ADMINS,
  'users.manage': ADMINS,
  // Granting or removing super_user (the CLI, as the system, may too).
  'users.manage_super_users': ['super_user'],
  'api_tokens.manage': ADMINS,
  'settings.manage': ADMINS,
  'schools.edit': [...ADMINS, 'support'],
  'suppliers.edit': [...ADMINS, 'support'],
  'portal_users.manage': [...ADMINS, 'support'],
  'cohorts.edit': [...ADMINS, 'policy'],
  'cohorts.import': [...ADMINS, 'policy'],
  'pupil_premium.import': [...ADMINS, 'policy', 'support'],
  'partnerships.edit': [...ADMINS, 'support'],
  'partnerships.challenge_late': ['super_user'],
  'participants.edit': [...ADMINS, 'support'],
  /** Names and email addresses of people: participants, and schools' induction tutors (src/actions/field-visibility.ts). */
  'people.read': [...ADMINS, 'support', 'finance'],
  // Date of birth and National Insurance number (src/actions/field-visibility.ts).
  'participants.identity.read': [...ADMINS, 'support'],
  'participants.change_provider': ['super_user'],
  'participants.move_frozen_cohort': ['super_user'],
  // Any participant to any cohort (the DfE's change_cohort is super-user only too).
  'participants.change_cohort': ['super_user'],
  'participants.merge': [...ADMINS, 'support', 'finance'],
  'declarations.void': ['super_user', 'finance'],
  'finance.read': [...ADMINS, 'finance'],
  'statements.authorise_payment': ['super_user', 'finance'],
  'statements.adjust': ['super_user', 'finance'],
  /** Approve or reject another person's request to authorise payment, adjust or claw back (never one's own). */
  'approvals.decide': ['super_user', 'finance'],
  'exports.download': ['finance'],
  'jobs.run': [...ADMINS, 'finance'],
  'audit.read': [...ADMINS, 'support', 'finance', 'policy'],
  /** Download a list one may read, as CSV or xlsx (the list decides who reads it). */
  'lists.export': [...ADMINS, 'support', 'finance', 'policy'],
  /** Keep one's own named filters on the lists one may read (and on the audit log); nobody sees another's. */
  'lists.save_filters': [...ADMINS, 'support', 'finance', 'policy'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;

export function can(role: Role, permission: Permission): boolean {
  return (grants[permission] as readonly Role[]).includes(role);
}

/** The roles the table gives a permission. */
export const rolesWith = (permission: Permission): Role[] => ROLES.filter((role) => can(role, permission));

/** Users need the permission; the system (jobs, seeds, CLI) may do anything; API and portal actors never reach admin permissions. */
export function requirePermission(ctx: ActorContext, permission: Permission): void {
  const { actor } = ctx;
  if (actor.kind === 'system') return;
  if (actor.kind === 'user' && can(actor.role, permission)) return;
  throw new ActionError('FORBIDDEN', 'You do not have permission to do this.');
}
