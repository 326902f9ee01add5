// Back-office sessions: who is signed in, kept in the "session" table (express-session + connect-pg-simple)
// under the ecf_admin cookie. Every way of signing in (password, OpenID Connect) ends with
// startStaffSession, which first issues a new session id, so an id planted in the browser before sign-in
// (session fixation) is worth nothing afterwards.
import { randomBytes } from 'node:crypto';
import type { CurrentAdmin } from 'adminjs';
import type { User } from '@prisma/client';
import type { Request } from 'express';
import { db } from '../../db/client.js';

export const STAFF_COOKIE = 'ecf_admin';

export interface StaffSessionData {
  adminUser?: CurrentAdmin;
  /** Where AdminJS meant to send the user (the page that asked for sign-in). */
  redirectTo?: string;
  /** The token every state-changing request sends back (src/admin/http/csrf.ts). */
  csrfToken?: string;
}

export const staffSession = (request: Request) => request.session as unknown as StaffSessionData;

export function currentAdminOf(user: User): CurrentAdmin {
  return { id: user.id, email: user.email, title: user.fullName, role: user.role } as CurrentAdmin;
}

/**
 * Signs the user in on a new session id with a fresh CSRF token, recording the time; returns where AdminJS
 * meant to send them. The caller has checked that the user may sign in.
 */
export async function startStaffSession(request: Request, admin: CurrentAdmin): Promise<string | undefined> {
  const { redirectTo } = staffSession(request);
  await new Promise<void>((resolve, reject) => request.session.regenerate((error) => (error ? reject(error) : resolve())));
  const session = staffSession(request);
  session.adminUser = admin;
  session.csrfToken = randomBytes(32).toString('base64url');
  await db().user.update({ where: { id: String(admin.id) }, data: { lastSignedInAt: new Date() } });
  await new Promise<void>((resolve, reject) => request.session.save((error) => (error ? reject(error) : resolve())));
  return redirectTo;
}

export async function endStaffSession(request: Request): Promise<void> {
  await new Promise<void>((resolve) => request.session.destroy(() => resolve()));
}
