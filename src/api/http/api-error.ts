// The API's error answers, in the DfE's shapes: {"errors":[{"title","detail"}]} for problems with a
// request, {"error":"Resource not Found"} for a missing record. Actions' errors are translated here once.
import type { ErrorRequestHandler } from 'express';
import { ActionError } from '../../actions/errors.js';
import { isDatabaseUnavailable } from '../../db/unavailable.js';
import { logRequestError, requestIdOf } from '../../logging/logger.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`API ${status}`);
  }
}

export const errorsBody = (title: string, details: string[]) => ({ errors: details.map((detail) => ({ title, detail })) });

export const badRequest = (title: string, ...details: string[]) => new ApiError(400, errorsBody(title, details));
export const resourceNotFound = () => new ApiError(404, { error: 'Resource not Found' });

export const BAD_REQUEST = 'Bad request';
export const INVALID_DATA_STRUCTURE = 'correct json data structure required. See API docs for reference';

/** Field errors become one 422 error per attribute, its messages joined as the DfE joins them. */
export function fromActionError(error: ActionError): ApiError {
  if (error.code === 'NOT_FOUND') return resourceNotFound();
  if (error.code === 'FORBIDDEN') return new ApiError(403, errorsBody('Forbidden', [error.message]));
  if (error.fieldErrors.length === 0) return new ApiError(422, errorsBody('Invalid action', [error.message]));
  const byField = new Map<string, string[]>();
  for (const { field, message } of error.fieldErrors) {
    const messages = byField.get(field) ?? [];
    if (!messages.includes(message)) messages.push(message);
    byField.set(field, messages);
  }
  return new ApiError(422, { errors: [...byField].map(([title, messages]) => ({ title, detail: messages.join(', ') })) });
}

export const handleApiErrors: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  if (error instanceof ActionError) error = fromActionError(error);
  if (error instanceof ApiError) return res.status(error.status).json(error.body);
  // Unreadable JSON from body-parser.
  if ((error as { type?: string }).type === 'entity.parse.failed') return res.status(400).json(errorsBody(BAD_REQUEST, [INVALID_DATA_STRUCTURE]));
  // A path Express cannot percent-decode (its router throws a URIError with status 400): the client's to fix.
  if (error instanceof URIError && (error as { status?: unknown }).status === 400) return res.status(400).json(errorsBody(BAD_REQUEST, ['The request could not be read']));
  const unreadable = unreadableBody(error);
  if (unreadable) return res.status(unreadable.status).json(errorsBody(BAD_REQUEST, [unreadable.detail]));
  if (isDatabaseUnavailable(error)) return res.status(503).set('Retry-After', '30').json(errorsBody('Service unavailable', ['The service is temporarily unavailable. Try again later.']));
  logRequestError(req, error, 'API request failed');
  const id = requestIdOf(req);
  return res.status(500).json(errorsBody('Internal server error', [`Something went wrong. Try again later.${id ? ` If it keeps happening, quote request id ${id}.` : ''}`]));
};

/** body-parser's refusals of a body it cannot read (size, charset, encoding, compression): the client's to fix. */
function unreadableBody(error: unknown): { status: number; detail: string } | null {
  const { type, status, code } = error as { type?: unknown; status?: unknown; code?: unknown };
  // A body that says it is compressed but is not: zlib's own error, with no status.
  if (typeof code === 'string' && code.startsWith('Z_')) return { status: 400, detail: 'The request body could not be decompressed' };
  if (typeof type !== 'string' || typeof status !== 'number' || status < 400 || status >= 500) return null;
  switch (type) {
    case 'entity.too.large':
      return { status, detail: 'The request body is too large' };
    case 'charset.unsupported':
      return { status, detail: 'The request body must be JSON in UTF-8' };
    case 'encoding.unsupported':
      return { status, detail: 'Send the request body uncompressed, or compressed with gzip or deflate' };
    default:
      return { status, detail: 'The request body could not be read' };
  }
}
