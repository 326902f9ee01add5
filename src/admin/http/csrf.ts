// Forged requests: a state-changing back-office request must come from our own pages. Two checks:
// its Origin (or, failing that, Referer) is this service's origin, and, once signed in, it carries the
// session's token in the X-XSRF-TOKEN header. The token reaches the page in the XSRF-TOKEN cookie,
// which AdminJS's API client (axios) sends back as that header by itself on same-origin requests.
import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { staffSession } from '../sign-in/staff-session.js';
import { forbiddenPage } from './problem-pages.js';

export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfOptions {
  /** The service's origin (PUBLIC_URL); the request's own origin when not set. */
  publicUrl?: string;
  secureCookie: boolean;
  cookiePath: string;
}

function expectedOrigin(request: Request, publicUrl?: string): string {
  return publicUrl ? new URL(publicUrl).origin : `${request.protocol}://${request.get('host')}`;
}

function sentOrigin(request: Request): string | null {
  const origin = request.get('origin');
  if (origin) return origin;
  const referer = request.get('referer');
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

const sameToken = (expected: string, given: string) => {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Refuses a state-changing request from another origin (sign-in included). */
export function requireOwnOrigin(options: CsrfOptions): RequestHandler {
  return (request, response, next) => {
    if (SAFE_METHODS.has(request.method) || sentOrigin(request) === expectedOrigin(request, options.publicUrl)) return next();
    response.status(403).type('html').send(forbiddenPage('This request did not come from the back office. Go back, reload the page and try again.'));
  };
}

/** For signed-in requests: hands the page its token (cookie), and refuses a state-changing request without it. */
export function requireCsrfToken(options: CsrfOptions): RequestHandler {
  return (request, response, next) => {
    const session = staffSession(request);
    if (!session.adminUser) return next();
    if (!session.csrfToken) return response.status(403).type('html').send(forbiddenPage('Your session has expired. Sign in again.'));
    response.cookie(CSRF_COOKIE, session.csrfToken, { path: options.cookiePath, sameSite: 'strict', secure: options.secureCookie, httpOnly: false });
    if (SAFE_METHODS.has(request.method)) return next();
    const given = request.get(CSRF_HEADER);
    if (given && sameToken(session.csrfToken, given)) return next();
    response.status(403).type('html').send(forbiddenPage('This request did not come from the back office. Go back, reload the page and try again.'));
  };
}
