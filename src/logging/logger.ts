// The service's one logger: JSON lines on stdout (pino), for a platform that collects them. LOG_LEVEL sets
// how much (`fatal`, `error`, `warn`, `info` (default), `debug`, `trace` or `silent`). Secrets and personal
// data are kept out by construction (requests are logged as method, route and path, never headers, bodies
// or query strings); the redaction below is the safety net for an object logged carelessly.
import pino, { type Logger } from 'pino';
import type { Request } from 'express';

const REDACTED_KEYS = ['password', 'token', 'secret', 'authorization', 'cookie', 'email', 'trn', 'dateOfBirth', 'nationalInsuranceNumber', 'sessionSecret'];

export const logger: Logger = pino({
  level: process.env.LOG_LEVEL?.trim() || 'info',
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: { paths: REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]), censor: '[redacted]' },
  serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
});

/** The id of the request (set by src/server/request-logging.ts), for an error page or body a person can quote. */
export const requestIdOf = (request: Request): string | undefined => {
  const id = (request as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
};

/** Logs a failure of this request with its id: the handler's own logger (pino-http's) when present. */
export function logRequestError(request: Request, error: unknown, message: string): void {
  const log = (request as { log?: Logger }).log ?? logger;
  log.error({ err: error, requestId: requestIdOf(request) }, message);
}
