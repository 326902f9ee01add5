// Check data for delivery partners: a portal apart from the back office, signed in to by email link.
// The integrator mounts it with app.use(CHECK_DATA_PATH, createPortalRouter({ ... })).
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import { retryAfterSeconds } from '../actions/maintenance/maintenance-mode.js';
import { CHECK_DATA_PATH } from '../actions/portal/portal-links.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { logRequestError, requestIdOf } from '../logging/logger.js';
import { DEFAULT_MAGIC_LINK_MINUTES } from '../actions/portal/request-magic-link.js';
import { formExpiredPage, notFoundPage, serviceErrorPage, unavailablePage, type UnavailableNotice } from './pages/problem-pages.js';
import { participantsRoutes } from './participants-routes.js';
import { linkNotFoundPage } from './school-challenge/school-challenge-pages.js';
import { DEFAULT_SIGN_IN_LIMITS, type SignInLimits } from './rate-limit.js';
import { portalSessions, validCsrf } from './session.js';
import { signInRoutes } from './sign-in-routes.js';
import { schoolChallengeRoutes } from './school-challenge/school-challenge-routes.js';
import { handle, loadSignedIn } from './signed-in.js';
import { PORTAL_CSS } from './styles.js';

export { CHECK_DATA_PATH };
export { SCHOOL_CHALLENGE_PATH } from '../actions/partnerships/school-challenge-links.js';

export interface PortalRouterOptions {
  /** Default: SESSION_SECRET. */
  sessionSecret?: string;
  /** Default: DATABASE_URL (sessions live in its "session" table). */
  databaseUrl?: string;
  /** Send the session cookie over HTTPS only (production). */
  secureCookie?: boolean;
  /** The service's origin for sign-in links, e.g. https://ecf.example.gov.uk. Default: PUBLIC_URL, else the request's host. */
  publicUrl?: string;
  /** How long a sign-in link works. Default: MAGIC_LINK_MINUTES, else 30. */
  magicLinkMinutes?: number;
  limits?: Partial<SignInLimits>;
  /**
   * Maintenance mode: while this answers true (or a notice to show), every page is a 503 "Sorry, the
   * service is unavailable", with the notice's message and planned end (sent as Retry-After) when given.
   */
  isUnavailable?: () => boolean | UnavailableNotice | Promise<boolean | UnavailableNotice>;
}

export type PortalRouter = Router & {
  /** Ends the session store's database pool (tests, shutdown). */
  close(): Promise<void>;
  /**
   * The schools' challenge link pages, sharing the portal's sessions, CSRF check, security headers and maintenance
   * switch; the integrator mounts them at SCHOOL_CHALLENGE_PATH.
   */
  schoolChallenge: Router;
};

const securityHeaders: RequestHandler = (_request, response, next) => {
  response.set({
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
  });
  next();
};

function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`createPortalRouter: ${name} is not set.`);
  return value;
}

export function createPortalRouter(options: PortalRouterOptions = {}): PortalRouter {
  const publicUrl = (options.publicUrl ?? process.env.PUBLIC_URL)?.replace(/\/+$/, '') || undefined;
  const secureCookie = options.secureCookie ?? false;
  // Building links from the Host header would let anyone have a real sign-in link mailed pointing at their own host.
  if (secureCookie && !publicUrl) throw new Error('createPortalRouter: set PUBLIC_URL (the service origin) in production, so sign-in links never come from the Host header.');
  const magicLinkMinutes = options.magicLinkMinutes ?? Number(process.env.MAGIC_LINK_MINUTES ?? DEFAULT_MAGIC_LINK_MINUTES);
  if (!Number.isInteger(magicLinkMinutes) || magicLinkMinutes < 1 || magicLinkMinutes > 24 * 60) {
    throw new Error('createPortalRouter: MAGIC_LINK_MINUTES must be a whole number of minutes from 1 to 1440.');
  }
  const sessions = portalSessions({
    sessionSecret: required(options.sessionSecret ?? process.env.SESSION_SECRET, 'sessionSecret (SESSION_SECRET)'),
    databaseUrl: required(options.databaseUrl ?? process.env.DATABASE_URL, 'databaseUrl (DATABASE_URL)'),
    secureCookie,
  });

  const maintenance: RequestHandler | undefined = options.isUnavailable
    ? (() => {
        const isUnavailable = options.isUnavailable;
        return handle(async (request, response, next) => {
          const unavailable = await isUnavailable();
          if (!unavailable) return next();
          const notice = unavailable === true ? undefined : unavailable;
          const retryAfter = retryAfterSeconds(notice?.until);
          if (retryAfter) response.set('Retry-After', String(retryAfter));
          response.status(503).send(unavailablePage(request.baseUrl, notice));
        });
      })()
    : undefined;
  const onError: ErrorRequestHandler = (error, request, response, next) => {
    if (response.headersSent) return next(error);
    if (isDatabaseUnavailable(error)) return response.status(503).set('Retry-After', '30').send(unavailablePage(request.baseUrl));
    const status = Number((error as { status?: unknown }).status);
    if (status >= 400 && status < 500) return response.status(status).send(formExpiredPage(request.baseUrl));
    logRequestError(request, error, 'Check data portal request failed');
    response.status(500).send(serviceErrorPage(request.baseUrl, requestIdOf(request)));
  };
  /** What every page of ours needs before its routes: headers, styles, maintenance, session, forms and their CSRF check. */
  const shell = (): Router => {
    const shellRouter = express.Router();
    shellRouter.use(securityHeaders);
    shellRouter.get('/assets/portal.css', (_request, response) => {
      response.set('Cache-Control', 'public, max-age=3600').type('text/css').send(PORTAL_CSS);
    });
    if (maintenance) shellRouter.use(maintenance);
    shellRouter.use(sessions.middleware);
    shellRouter.use(express.urlencoded({ extended: false, limit: '10kb' }));
    shellRouter.use((request, response, next) => {
      if (request.method !== 'POST' || validCsrf(request)) return next();
      response.status(403).send(formExpiredPage(request.baseUrl));
    });
    return shellRouter;
  };

  const router = shell();
  router.use(loadSignedIn);
  router.use(signInRoutes({ publicUrl, magicLinkMinutes, limits: { ...DEFAULT_SIGN_IN_LIMITS, ...options.limits } }));
  router.use(participantsRoutes());
  router.use((request, response) => {
    response.status(404).send(notFoundPage(request.baseUrl));
  });
  router.use(onError);

  const schoolChallenge = shell();
  schoolChallenge.use(schoolChallengeRoutes());
  schoolChallenge.use((request, response) => {
    response.status(404).send(linkNotFoundPage(request.baseUrl));
  });
  schoolChallenge.use(onError);
  return Object.assign(router, { close: sessions.close, schoolChallenge });
}
