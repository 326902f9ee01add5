// Response headers for every part of the service (back office, API, API docs, portal), set by helmet: a
// strict Content-Security-Policy (our own origin only; inline scripts only with this response's nonce),
// no framing, nosniff, a same-origin referrer, HSTS in production; and no caching of anything but
// static assets, since pages and API answers carry personal data.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

const nonceOf = (_request: IncomingMessage, response: ServerResponse) => `'nonce-${(response as unknown as { locals: { cspNonce: string } }).locals.cspNonce}'`;

/** Static files that carry no personal data and may be cached. */
const STATIC_ASSET = /^\/(admin\/frontend\/assets|api\/docs\/assets|check-data\/assets)\//;

export function securityHeaders(options: { production: boolean }): RequestHandler[] {
  const nonce: RequestHandler = (_request, response, next) => {
    response.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  };
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", nonceOf],
        // AdminJS's components (styled-components) and Swagger UI write style elements and attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: options.production ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
  });
  const noStore: RequestHandler = (request, response, next) => {
    if (!STATIC_ASSET.test(request.path)) response.set('Cache-Control', 'no-store');
    next();
  };
  return [nonce, headers, noStore];
}
