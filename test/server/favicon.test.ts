// Browsers ask every site for /favicon.ico; ours answers with the service's own icon rather than a 404.
import type { AddressInfo } from 'node:net';
import { expect, it } from '@jest/globals';
import express from 'express';
import { serveFavicon } from '../../src/server/favicon.js';

it('serves a well-formed 16×16 icon at /favicon.ico', async () => {
  const app = express();
  app.get('/favicon.ico', serveFavicon);
  const server = app.listen(0);
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/x-icon');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([bytes.readUInt16LE(2), bytes.readUInt16LE(4), bytes[6], bytes[7]]).toEqual([1, 1, 16, 16]);
    expect(bytes.readUInt32LE(18) + bytes.readUInt32LE(14)).toBe(bytes.length);
  } finally {
    server.close();
  }
});
