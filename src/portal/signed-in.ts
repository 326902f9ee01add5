// Who is signed in to the portal, re-read on every request: a disabled person or a removed role loses
// access at the next click. The organisation acted for comes only from the session.
import type { PortalUser } from '@prisma/client';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ActorContext } from '../actions/actor.js';
import { findActivePortalUser, type PortalRoleChoice } from '../actions/portal/portal-roles.js';
import type { SignedInHeader } from './layout.js';
import { csrfToken, portalSession } from './session.js';

export interface SignedIn {
  user: PortalUser;
  roles: PortalRoleChoice[];
  /** The role chosen for this session; the only role when there is just one. */
  role?: PortalRoleChoice;
}

/** Express 4 does not catch a rejected promise: pass it on to the error handler. */
export const handle = (fn: (request: Request, response: Response, next: NextFunction) => Promise<unknown>): RequestHandler =>
  (request, response, next) => {
    fn(request, response, next).catch(next);
  };

export const signedInOf = (response: Response) => response.locals.signedIn as SignedIn | undefined;

export const loadSignedIn: RequestHandler = handle(async (request, response, next) => {
  const s = portalSession(request);
  if (!s.portalUserId) return next();
  const found = await findActivePortalUser(s.portalUserId);
  if (!found) {
    delete s.portalUserId;
    delete s.portalRoleId;
    return next();
  }
  const role = found.roles.find((r) => r.id === s.portalRoleId) ?? (found.roles.length === 1 ? found.roles[0] : undefined);
  if (s.portalRoleId !== role?.id) s.portalRoleId = role?.id;
  response.locals.signedIn = { ...found, role } satisfies SignedIn;
  next();
});

export const requireSignedIn: RequestHandler = (request, response, next) => {
  if (signedInOf(response)) return next();
  response.redirect(303, `${request.baseUrl}/`);
};

export function headerFor(request: Request, signedIn: SignedIn): SignedInHeader {
  return { csrfToken: csrfToken(request), changeOrganisation: signedIn.roles.length > 1 };
}

export function portalContext(request: Request, signedIn: SignedIn): ActorContext {
  return { actor: { kind: 'portal', id: signedIn.user.id, email: signedIn.user.email }, ip: request.ip };
}
