// /api/docs: the lead provider API's OpenAPI document (/api/docs/openapi.json) in Swagger UI, served from
// the swagger-ui-dist package (no CDN). The document is the DfE's as corrected in src/api/openapi/document.ts,
// with its servers narrowed to this service.
import { leadProviderApiDocument } from '../openapi/document.js';
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type Router } from 'express';

const SWAGGER_UI_DIR = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Lead provider API v3</title>
  <link rel="stylesheet" href="assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="assets/swagger-ui-bundle.js"></script>
  <script src="viewer.js"></script>
</body>
</html>
`;

const VIEWER = `window.ui = SwaggerUIBundle({ url: 'openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n`;

export function createApiDocsRouter(): Router {
  const document = leadProviderApiDocument();
  const served = JSON.stringify({ ...document, servers: [{ url: '/', description: 'This service' }] });
  const router = express.Router();
  // Relative asset URLs need the trailing slash.
  router.get('/', (req, res, next) => (req.originalUrl.split('?')[0].endsWith('/') ? next() : res.redirect(301, `${req.baseUrl}/`)));
  router.get('/', (_req, res) => res.type('html').send(PAGE));
  router.get('/viewer.js', (_req, res) => res.type('js').send(VIEWER));
  router.get('/openapi.json', (_req, res) => res.type('json').send(served));
  router.use('/assets', express.static(SWAGGER_UI_DIR, { index: false, maxAge: '1d' }));
  return router;
}
