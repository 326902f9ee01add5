// The lead provider API v3 (/api/v3): an Express router the application mounts. Lead providers' systems
// (such as Maytas) call it with a bearer token; every rule lives in src/actions and src/api/resources,
// and this layer only reads requests and writes the DfE's response shapes.
import express, { type Router } from 'express';
import { errorsBody, handleApiErrors } from './http/api-error.js';
import { asyncRoute } from './http/async-route.js';
import { authenticate } from './http/authenticate.js';
import { declarationRoutes } from './routes/declarations.js';
import { deliveryPartnerRoutes } from './routes/delivery-partners.js';
import { participantRoutes } from './routes/participants.js';
import { partnershipRoutes } from './routes/partnerships.js';
import { schoolRoutes } from './routes/schools.js';
import { statementRoutes } from './routes/statements.js';
import { unfundedMentorRoutes } from './routes/unfunded-mentors.js';

export interface ApiRouterOptions {
  /**
   * Asked before every request: a message puts the API in maintenance, answering 503 with it
   * (e.g. read from the maintenance-mode setting). Absent or null: the API is open.
   */
  maintenanceMessage?: () => Promise<string | null> | string | null;
}

export function createApiRouter(options: ApiRouterOptions = {}): Router {
  const router = express.Router();
  if (options.maintenanceMessage) {
    const { maintenanceMessage } = options;
    router.use(asyncRoute(async (_req, res, next) => {
      const message = await maintenanceMessage();
      if (message) res.status(503).set('Retry-After', '600').json(errorsBody('Service unavailable', [message]));
      else next();
    }));
  }
  router.use(authenticate);
  router.use(express.json({ type: ['application/json', 'application/vnd.api+json'], limit: '1mb' }));

  schoolRoutes(router);
  deliveryPartnerRoutes(router);
  partnershipRoutes(router);
  participantRoutes(router);
  declarationRoutes(router);
  statementRoutes(router);
  unfundedMentorRoutes(router);

  router.use((_req, res) => res.status(404).json({ error: 'Resource not Found' }));
  router.use(handleApiErrors);
  return router;
}
