// The API's 500 answer, in the DfE's error shape, carries the request's id (logged with the error), so a
// lead provider can quote it; the error's own text stays in the log.
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import express from 'express';
import { handleApiErrors } from '../../src/api/http/api-error.js';
import { requestLogging } from '../../src/server/request-logging.js';

describe("the API's 500 answer", () => {
  it('names the request id and none of the failure', async () => {
    const app = express();
    app.use(requestLogging({ trustProxy: false }));
    app.get('/fails', () => { throw new Error('connection string postgres://secret@db'); });
    app.use(handleApiErrors);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/fails`);
      expect(answer.status).toBe(500);
      const id = answer.headers.get('x-request-id')!;
      const body = await answer.json() as { errors: { title: string; detail: string }[] };
      expect(body).toEqual({ errors: [{ title: 'Internal server error', detail: `Something went wrong. Try again later. If it keeps happening, quote request id ${id}.` }] });
    } finally {
      server.close();
    }
  });
});
