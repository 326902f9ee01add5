// The Express application: the back office at /admin, the lead provider API at /api/v3 (documented at
// /api/docs), the delivery partners' check data portal at /check-data, the schools' partnership challenge link
// at /report-incorrect-partnership, and health checks (src/server/health.ts).
import express, { type Express } from 'express';
import { buildAdmin, buildAdminRouter, ADMIN_ROOT } from '../admin/index.js';
import { createApiDocsRouter } from '../api/docs/router.js';
import { createApiRouter } from '../api/router.js';
import { CHECK_DATA_PATH, createPortalRouter, SCHOOL_CHALLENGE_PATH } from '../portal/router.js';
import type { AppConfig } from './config.js';
import { serveFavicon } from './favicon.js';
import { healthRoutes } from './health.js';
import { lastErrorHandler } from './last-error-handler.js';
import { slowRequest } from './slow-request.js';
import { requestLogging } from './request-logging.js';
import { apiMaintenance, portalUnavailable } from './maintenance.js';
import { securityHeaders } from './security-headers.js';

/** The app, and close(): ends its session stores' pools (opened by src/db/connection.ts; Prisma's and the others are src/db's to end). */
export type App = Express & { close(): Promise<void> };

export async function createApp(config: AppConfig, databaseUrl: string): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  // Whose X-Forwarded-For to believe is configuration (TRUST_PROXY), never a guess: by default, nobody's.
  app.set('trust proxy', config.trustProxy);
  app.use(requestLogging({ trustProxy: config.trustProxy }));
  app.use(securityHeaders({ production: config.production }));
  healthRoutes(app);
  app.get('/favicon.ico', serveFavicon);
  // For the graceful shutdown test only (test/server/graceful-shutdown.test.ts): a request that is still
  // running when the stop signal comes, then reads the database. Never present in production.
  if (!config.production && process.env.TEST_SLOW_REQUESTS === 'true') app.get('/__test/slow', slowRequest);
  app.get('/', (_request, response) => response.redirect(ADMIN_ROOT));
  app.use('/api/v3', createApiRouter({ maintenanceMessage: apiMaintenance }));
  app.use('/api/docs', createApiDocsRouter());
  const portal = createPortalRouter({ sessionSecret: config.sessionSecret, databaseUrl, secureCookie: config.secureCookie, publicUrl: config.publicUrl, isUnavailable: portalUnavailable });
  app.use(CHECK_DATA_PATH, portal);
  app.use(SCHOOL_CHALLENGE_PATH, portal.schoolChallenge);
  // AdminJS parses its own bodies: no body parser may run before it.
  const admin = buildAdmin();
  const staff = await buildAdminRouter(admin, { ...config, databaseUrl });
  app.use(ADMIN_ROOT, staff);
  app.use(lastErrorHandler);
  return Object.assign(app, { close: async () => { await Promise.all([portal.close(), staff.close()]); } });
}
