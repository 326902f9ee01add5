// The Express application: the back office at /admin, and a health check.
import express, { type Express } from 'express';
import { buildAdmin, buildAdminRouter, ADMIN_ROOT } from '../admin/index.js';
import type { AppConfig } from './config.js';

export async function createApp(config: AppConfig, databaseUrl: string): Promise<Express> {
  const app = express();
  app.disable('x-powered-by');
  if (config.production) app.set('trust proxy', 1);
  app.get('/healthz', (_request, response) => {
    response.json({ ok: true });
  });
  app.get('/', (_request, response) => response.redirect(ADMIN_ROOT));
  // AdminJS parses its own bodies: mount it before any body parser.
  const admin = buildAdmin();
  app.use(ADMIN_ROOT, await buildAdminRouter(admin, { ...config, databaseUrl }));
  return app;
}
