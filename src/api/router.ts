// The lead provider API v3 (/api/v3): an Express router the application mounts. Lead providers' systems
// (such as Maytas) call it with a bearer token; every rule lives in src/actions and src/api/resources,
// and this layer only reads requests and writes the DfE's response shapes.
import express, { type Router } from 'express';
import { retryAfterSeconds } from '../actions/maintenance/maintenance-mode.js';
import { errorsBody, handleApiErrors } from './http/api-error.js';
import { asyncRoute } from './http/async-route.js';
import { authenticate } from './http/authenticate.js';
import { filterOf } from './http/query.js';
import { jsonApiResponses } from './http/media-type.js';
import { declarationRoutes } from './routes/declarations.js';
import { deliveryPartnerRoutes } from './routes/delivery-partners.js';
import { participantRoutes } from './routes/participants.js';
import { partnershipRoutes } from './routes/partnerships.js';
import { schoolRoutes } from './routes/schools.js';
import { statementRoutes } from './routes/statements.js';
import { unfundedMentorRoutes } from './routes/unfunded-mentors.js';

/** Why the API is closed, and until when if known (sent as Retry-After). */
export interface ApiMaintenance {
  message: string;
  until?: Date | null;
}

export interface ApiRouterOptions {
  /**
   * Asked before every request: a message puts the API in maintenance, answering 503 with it
   * (e.g. read from the maintenance-mode setting). Absent or null: the API is open.
   */
  maintenanceMessage?: () => Promise<string | ApiMaintenance | null> | string | ApiMaintenance | null;
}


export function createApiRouter(options: ApiRouterOptions = {}): Router {
  const router = express.Router();
  router.use(jsonApiResponses);
  if (options.maintenanceMessage) {
    const { maintenanceMessage } = options;
    router.use(asyncRoute(async (_req, res, next) => {
      const answer = await maintenanceMessage();
      if (!answer) return next();
      const { message, until } = typeof answer === 'string' ? { message: answer, until: null } : answer;
      const retryAfter = retryAfterSeconds(until);
      if (retryAfter) res.set('Retry-After', String(retryAfter));
      res.status(503).json(errorsBody('Service unavailable', [message]));
    }));
  }
  router.use(authenticate);
  router.use(express.json({ type: ['application/json', 'application/vnd.api+json'], limit: '1mb' }));
  // Every action checks the filter's shape, single records and POSTs included, as the DfE's controllers all
  // do before acting (app/controllers/concerns/api_filter_validation.rb).
  router.use((req, _res, next) => {
    filterOf(req.query);
    next();
  });

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
