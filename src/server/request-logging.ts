// One JSON line per request (src/logging/logger.ts): its id, who made it (a staff user's id and role, the
// lead provider of an API token, a portal user's id and organisation), method, route, path, status and
// duration. The id comes back as X-Request-Id and is shown on our error pages, so a person can quote it.
// An incoming X-Request-Id is kept only behind a trusted proxy (TRUST_PROXY), which sets it for its own logs.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { ApiCaller } from '../api/http/caller.js';
import type { SignedIn } from '../portal/signed-in.js';
import { logger } from '../logging/logger.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const SECRET_PARAM = /token|secret|password/i;

/** Who made the request, in words an operator can search by and nothing personal. */
function actorOf(request: Request, response: Response): Record<string, string | undefined> {
  const caller = response.locals.apiCaller as ApiCaller | undefined;
  if (caller) return { leadProvider: caller.name };
  const portal = response.locals.signedIn as SignedIn | undefined;
  if (portal) return { portalUser: portal.user.id, organisation: portal.role?.organisationName };
  const staff = (request.session as { adminUser?: { id?: string; role?: string } } | undefined)?.adminUser;
  if (staff) return { user: staff.id, role: staff.role };
  return {};
}

/** The path without its query (searches carry names and emails), and with a token in the path masked. */
function pathOf(request: Request): string {
  let path = (request.originalUrl ?? request.url).split('?')[0];
  for (const [name, value] of Object.entries(request.params ?? {})) {
    if (SECRET_PARAM.test(name) && value) path = path.split(value).join(`:${name}`);
  }
  return path;
}

function fieldsOf(request: Request, response: Response, durationMs: number) {
  const route = request.route as { path?: unknown } | undefined;
  return {
    method: request.method,
    route: typeof route?.path === 'string' ? `${request.baseUrl}${route.path}` : null,
    path: pathOf(request),
    status: response.statusCode,
    durationMs,
    ...actorOf(request, response),
  };
}

export function requestLogging(options: { trustProxy: unknown }): RequestHandler {
  const trustIncomingId = !!options.trustProxy;
  const middleware = pinoHttp<IncomingMessage, ServerResponse>({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    genReqId: (request, response) => {
      const incoming = request.headers['x-request-id'];
      const id = trustIncomingId && typeof incoming === 'string' && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
      response.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
    customSuccessObject: (request, response, value: { responseTime: number }) => fieldsOf(request as Request, response as Response, value.responseTime),
    customErrorObject: (request, response, _error, value: { responseTime: number }) => fieldsOf(request as Request, response as Response, value.responseTime),
  });
  return middleware as unknown as RequestHandler;
}
