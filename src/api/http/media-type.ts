// Every answer of the API, success or error, is JSON:API's media type exactly as the DfE's API sends it:
// `application/vnd.api+json` with no charset (app/controllers/api/api_controller.rb removes it;
// config/initializers/mime_types.rb registers the type for JSON). Some clients compare the header whole.
import type { RequestHandler, Response } from 'express';

export const JSON_API_MEDIA_TYPE = 'application/vnd.api+json';

/** Sends JSON text already written (a page rendered by the database) with the API's media type. */
export function sendJsonText(res: Response, text: string): void {
  // Not res.send: it appends "; charset=utf-8" to the type of a string, and hashes a page for an ETag
  // no client uses.
  const body = Buffer.from(text, 'utf8');
  res.setHeader('Content-Type', JSON_API_MEDIA_TYPE);
  res.setHeader('Content-Length', body.length);
  res.end(body);
}

/** Makes res.json send the API's media type, so no route or error handler can answer in another one. */
export const jsonApiResponses: RequestHandler = (_req, res, next) => {
  res.json = (body?: unknown) => {
    sendJsonText(res, JSON.stringify(body ?? null));
    return res;
  };
  next();
};
