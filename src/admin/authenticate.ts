// Back-office sign-in: the same answer for an unknown email, a wrong password and a disabled account,
// and the same work (one scrypt verification) for each, so nothing reveals who has an account.
import type { CurrentAdmin } from 'adminjs';
import { db } from '../db/client.js';
import { UNKNOWN_USER_HASH, verifyPassword } from '../auth/password.js';
import { pagesFor } from './page-access.js';

export const normaliseEmail = (email: unknown) => String(email ?? '').trim().toLowerCase();

/** The user's session view when the password is theirs (the sign-in time is recorded by startStaffSession). */
export async function authenticate(email: string, password: string): Promise<CurrentAdmin | null> {
  const user = await db().user.findUnique({ where: { email: normaliseEmail(email) } });
  const matches = await verifyPassword(String(password ?? ''), user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !matches || user.disabledAt) return null;
  return { id: user.id, email: user.email, title: user.fullName, role: user.role } as CurrentAdmin;
}

/**
 * The session's user as they are now: null once disabled or deleted, with their current role and the
 * custom pages that role may open (the menu lists only those).
 */
export async function refreshSessionAdmin(admin: CurrentAdmin): Promise<CurrentAdmin | null> {
  const user = await db().user.findUnique({ where: { id: String(admin.id) } });
  if (!user || user.disabledAt) return null;
  return { ...admin, role: user.role, title: user.fullName, pages: pagesFor(user.role) } as CurrentAdmin;
}
