// The app's last error handler, for a failure no part of the app answered itself (the back office, the
// API and the portal each have their own): logged with the request's id, a plain page that shows the id.
import type { ErrorRequestHandler } from 'express';
import { logRequestError, requestIdOf } from '../logging/logger.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const lastErrorHandler: ErrorRequestHandler = (error, request, response, next) => {
  if (response.headersSent) return next(error);
  logRequestError(request, error, 'Request failed');
  const id = requestIdOf(request);
  response.status(500).type('html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sorry, there is a problem with the service</title></head>
<body><h1>Sorry, there is a problem with the service</h1><p>Try again later.${id ? ` If it keeps happening, quote this reference: <strong>${escape(id)}</strong>` : ''}</p></body></html>
`);
};
