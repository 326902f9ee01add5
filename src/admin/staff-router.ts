// The back office as an Express router, in the order a request meets it: pages keep to our own assets;
// the session (ecf_admin cookie, "session" table) and the signed-in user as they are now; a
// state-changing request must come from our own origin; sign-in and sign-out; AdminJS's static assets;
// then only for signed-in users: the CSRF token, request bodies (files only where an action takes them)
// and AdminJS's routes; last, errors as plain pages.
import AdminJS, { Router as AdminJSRoutes, type CurrentAdmin } from 'adminjs';
import { buildAssets, buildRoutes, initializeAdmin } from '@adminjs/express';
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import { logDatabaseComplaint, openSessionStorePool } from '../db/connection.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { logRequestError, requestIdOf } from '../logging/logger.js';
import { refreshSessionAdmin } from './authenticate.js';
import { passwordSignInRoutes } from './sign-in/password-sign-in-routes.js';
import type { ThrottleLimits } from '../auth/sign-in-throttle.js';
import { STAFF_COOKIE, staffSession } from './sign-in/staff-session.js';
import { requireCsrfToken, requireOwnOrigin, type CsrfOptions } from './http/csrf.js';
import { ownAssetsOnly } from './http/own-assets-only.js';
import { withProductionBundles } from './production-bundles.js';
import { followLinkActions, LINK_ACTION_PAGE } from './http/link-actions.js';
import { badRequestPage, serverErrorPage, unavailablePage } from './http/problem-pages.js';
import { BodyRefused, parseBodies, type UploadLimits } from './http/uploads.js';
import { keepRequestAddress } from './request-address.js';

export interface StaffRouterOptions {
  sessionSecret: string;
  databaseUrl: string;
  secureCookie: boolean;
  /** The service's origin (PUBLIC_URL): requests must come from it. Default: the request's own. */
  publicUrl?: string;
  throttle: ThrottleLimits;
  uploads: UploadLimits;
  passwordSignIn: boolean;
  loginPageProps: object;
  /** Other ways of signing in (single sign-on), run on the session before the password form. */
  signInRoutes?: Router;
}

/** A disabled user loses access at their next click, and a role change applies at once. */
const refreshSignedInUser: RequestHandler = (request, _response, next) => {
  const store = staffSession(request);
  if (!store.adminUser) return next();
  refreshSessionAdmin(store.adminUser)
    .then((fresh: CurrentAdmin | null) => {
      if (fresh) store.adminUser = fresh;
      else delete store.adminUser;
      next();
    })
    .catch(next);
};

function requireSignedIn(admin: AdminJS): RequestHandler {
  return (request, response, next) => (staffSession(request).adminUser ? next() : response.redirect(admin.options.loginPath));
}

/** "resourceId/actionName" of every action that takes files (marked `custom.acceptsFiles`). */
function fileTakingActions(admin: AdminJS): Set<string> {
  const routes = new Set<string>();
  for (const resource of admin.resources) {
    for (const [name, action] of Object.entries(resource.decorate().options.actions ?? {})) {
      if ((action?.custom as { acceptsFiles?: boolean } | undefined)?.acceptsFiles) routes.add(`${resource.id()}/${name}`);
    }
  }
  return routes;
}

const staffErrors: ErrorRequestHandler = (error, request, response, next) => {
  if (response.headersSent) return next(error);
  if (isDatabaseUnavailable(error)) return response.status(503).set('Retry-After', '30').type('html').send(unavailablePage());
  if (error instanceof BodyRefused) return response.status(error.status).type('html').send(badRequestPage(error.message));
  const status = Number((error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode);
  if (status >= 400 && status < 500) return response.status(status).type('html').send(badRequestPage('The back office could not do what was asked. Go back and try again.'));
  logRequestError(request, error, 'Back office request failed');
  response.status(500).type('html').send(serverErrorPage(requestIdOf(request)));
};

/** The back office's router; close() ends its session store's pool (at shutdown). */
export type StaffRouter = Router & { close(): Promise<void> };

export function buildStaffRouter(admin: AdminJS, options: StaffRouterOptions): StaffRouter {
  initializeAdmin(admin);
  const { routes, assets } = AdminJSRoutes;
  const csrf: CsrfOptions = { publicUrl: options.publicUrl, secureCookie: options.secureCookie, cookiePath: admin.options.rootPath };
  const takesFiles = fileTakingActions(admin);
  const PgStore = connectPgSimple(session);

  const router = express.Router();
  router.use(ownAssetsOnly);
  const pool = openSessionStorePool(options.databaseUrl);
  const store = new PgStore({ pool, tableName: 'session', createTableIfMissing: false, errorLog: logDatabaseComplaint });
  router.use(session({
    name: STAFF_COOKIE,
    store,
    secret: options.sessionSecret,
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: options.secureCookie, maxAge: 8 * 60 * 60 * 1000 },
  }));
  router.use(refreshSignedInUser);
  router.use(requireOwnOrigin(csrf));
  if (options.signInRoutes) router.use(options.signInRoutes);
  router.use(passwordSignInRoutes(admin, options));
  buildAssets({ admin, assets: withProductionBundles(assets), routes, router });
  router.use(requireSignedIn(admin));
  router.use(requireCsrfToken(csrf));
  router.use(parseBodies(options.uploads, (path) => {
    const match = /^\/api\/resources\/([^/]+)\/actions\/([^/]+)$/.exec(path);
    return !!match && takesFiles.has(`${match[1]}/${match[2]}`);
  }));
  router.use(keepRequestAddress);
  router.get(LINK_ACTION_PAGE, followLinkActions(admin));
  buildRoutes({ admin, routes, router });
  router.use(staffErrors);
  return Object.assign(router, {
    close: async () => {
      // close() is async at run time (it stops the store's pruning timer) though typed void.
      await store.close();
      await pool.end();
    },
  });
}
