// /api/docs: the OpenAPI document in a viewer served from npm, and the document itself.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { createApiDocsRouter } from '../../src/api/docs/router.js';

let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use('/api/docs', createApiDocsRouter());
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('/api/docs', () => {
  it('serves Swagger UI from the package, with no third-party host', async () => {
    const page = await fetch(`${base}/api/docs`);
    expect(page.url).toBe(`${base}/api/docs/`);
    const html = await page.text();
    expect(html).toContain('<div id="swagger-ui"></div>');
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ['assets/swagger-ui.css', 'assets/swagger-ui-bundle.js', 'viewer.js']) {
      const response = await fetch(`${base}/api/docs/${asset}`);
      expect([asset, response.status]).toEqual([asset, 200]);
    }
    expect(await (await fetch(`${base}/api/docs/viewer.js`)).text()).toContain("url: 'openapi.json'");
  });

  it('serves the OpenAPI document, pointed at this service', async () => {
    const response = await fetch(`${base}/api/docs/openapi.json`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const document = await response.json();
    expect(document.openapi).toBe('3.0.1');
    expect(document.servers).toEqual([{ url: '/', description: 'This service' }]);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v3/participants/ecf', '/api/v3/participant-declarations']));
  });
});
