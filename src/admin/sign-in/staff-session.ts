// Starting a signed-in back-office session. The session gets a new id first, so an id planted in the
// browser before sign-in (session fixation) is worth nothing afterwards.
import type { CurrentAdmin } from 'adminjs';
import type { User } from '@prisma/client';
import type { Request } from 'express';

interface AdminSession {
  adminUser?: CurrentAdmin;
  redirectTo?: string;
}

export function currentAdminOf(user: User): CurrentAdmin {
  return { id: user.id, email: user.email, title: user.fullName, role: user.role } as CurrentAdmin;
}

/** Signs the user in on a new session id; returns where AdminJS meant to send them (the page that asked for sign-in). */
export async function startStaffSession(request: Request, admin: CurrentAdmin): Promise<string | undefined> {
  const { redirectTo } = request.session as unknown as AdminSession;
  await new Promise<void>((resolve, reject) => request.session.regenerate((error) => (error ? reject(error) : resolve())));
  (request.session as unknown as AdminSession).adminUser = admin;
  await new Promise<void>((resolve, reject) => request.session.save((error) => (error ? reject(error) : resolve())));
  return redirectTo;
}
