// AdminJS's sign-in page, sign-in by email and password, and sign-out. Failures are throttled per account
// and per address in the database (src/auth/sign-in-throttle.ts); success starts a new session (startStaffSession).
import type AdminJS from 'adminjs';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { authenticate, normaliseEmail } from '../authenticate.js';
import { recordSignInFailure, signInRefused, type ThrottleLimits } from '../../auth/sign-in-throttle.js';
import { endStaffSession, STAFF_COOKIE, startStaffSession } from './staff-session.js';

// AdminJS's own message key: "Wrong email and/or password".
const INVALID = 'invalidCredentials';
const THROTTLED = 'Too many failed attempts to sign in. Wait 15 minutes and try again.';

const relative = (admin: AdminJS, path: string) => `/${path.replace(admin.options.rootPath, '').replace(/^\/+/, '')}`;

const handle = (fn: (request: Request, response: Response) => Promise<unknown>): RequestHandler => (request, response, next) => {
  fn(request, response).catch(next);
};

export interface PasswordSignInOptions {
  throttle: ThrottleLimits;
  /** Off when staff sign in only through single sign-on. */
  passwordSignIn: boolean;
  /** What the sign-in page shows (src/admin/sign-in/staff-auth-provider.ts). */
  loginPageProps: object;
}

export function passwordSignInRoutes(admin: AdminJS, options: PasswordSignInOptions): Router {
  const router = express.Router();
  const loginPath = relative(admin, admin.options.loginPath);
  const logoutPath = relative(admin, admin.options.logoutPath);
  const page = (errorMessage: string | null) => admin.renderLogin({ action: admin.options.loginPath, errorMessage, ...options.loginPageProps });

  router.get(loginPath, handle(async (_request, response) => {
    response.send(await page(null));
  }));

  router.post(loginPath, express.urlencoded({ extended: false, limit: '10kb' }), handle(async (request, response) => {
    if (!options.passwordSignIn) return response.status(403).send(await page(null));
    const body = (request.body ?? {}) as Record<string, unknown>;
    const account = normaliseEmail(body.email);
    const ip = request.ip ?? 'unknown';
    if (await signInRefused(options.throttle, account, ip)) return response.status(429).send(await page(THROTTLED));
    const signedIn = await authenticate(account, String(body.password ?? ''));
    if (!signedIn) {
      await recordSignInFailure(account, ip);
      return response.status(401).send(await page(INVALID));
    }
    const redirectTo = await startStaffSession(request, signedIn);
    response.redirect(302, redirectTo ?? admin.options.rootPath);
  }));

  router.get(logoutPath, handle(async (request, response) => {
    await endStaffSession(request);
    response.clearCookie(STAFF_COOKIE, { path: '/' });
    response.redirect(admin.options.loginPath);
  }));

  return router;
}
