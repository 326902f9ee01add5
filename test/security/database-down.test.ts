// With the database unreachable, every part of the service says so plainly: the API 503 in its error
// shape, the back office and the portal a plain 503 page, and never a driver's or Prisma's text.
// The app reaches PostgreSQL through a TCP relay that the test cuts.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checksumOf } from '../../src/db/checksum.js';
import { openConnection } from '../../src/db/connection.js';
import { APPLIED_READ_MODELS_CHECKSUM } from '../../src/db/read-models.js';
import { startApp, type RunningApp } from '../support/app-process.js';

let app: RunningApp;
let relay: net.Server;
const sockets = new Set<net.Socket>();

beforeAll(async () => {
  const target = new URL(process.env.DATABASE_URL!);
  relay = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const viaRelay = new URL(target.href);
  viaRelay.host = `127.0.0.1:${(relay.address() as net.AddressInfo).port}`;
  app = await startApp(viaRelay.href, { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PUBLIC_URL: 'http://localhost', INSECURE_COOKIES: 'true', SEED_DEMO_DATA: 'false' });
}, 360_000);

afterAll(async () => {
  await app?.stop();
  relay?.close();
});

const INTERNAL = /prisma|ECONNREFUSED|postgres|DriverAdapter|at .*\.ts:|stack/i;

describe('the read models behind', () => {
  // Runs before the database goes down below. A machine whose database runs other read-model triggers than
  // its build's prisma/read-models.sql would serve stale API data: it is not ready until they match.
  it('is not ready while the applied read models differ from this build\'s file, and ready again once they match', async () => {
    // A kept-alive socket the app closes just as a request goes out fails that request: ask again.
    const get = async (path: string): Promise<Response> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await fetch(`${app.url}${path}`);
        } catch (error) {
          if (attempt === 3) throw new Error(`${path} did not answer: ${(error as Error).message}\n${app.output()}`);
        }
      }
    };
    const client = await openConnection(process.env.DATABASE_URL!);
    client.on('error', () => undefined);
    try {
      const ready = await get('/readyz');
      expect(await ready.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'ok', readModels: 'ok' });
      expect(ready.status).toBe(200);

      const { rows: [applied] } = await client.query<{ checksum: string }>(APPLIED_READ_MODELS_CHECKSUM);
      await client.query('UPDATE "_read_models" SET checksum = $1', [checksumOf('-- an older read-models.sql\n')]);
      try {
        for (const path of ['/readyz', '/healthz']) {
          const stale = await get(path);
          expect(stale.status).toBe(503);
          expect(await stale.json()).toEqual({ status: 'unavailable', database: 'ok', migrations: 'ok', readModels: 'stale' });
        }
      } finally {
        await client.query('UPDATE "_read_models" SET checksum = $1', [applied.checksum]);
      }
      expect((await get('/readyz')).status).toBe(200);
    } finally {
      await client.end().catch(() => undefined);
    }
  });
});

describe('the database down', () => {
  it('answers 503 everywhere, in the API error shape and plain pages, never with internal text', async () => {
    relay.close();
    for (const socket of sockets) socket.destroy();

    const poll = async (call: () => Promise<Response>) => {
      const deadline = Date.now() + 60_000;
      let answer = await call();
      while (answer.status !== 503 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        answer = await call();
      }
      return answer;
    };

    const api = await poll(() => fetch(`${app.url}/api/v3/participants/ecf`, { headers: { authorization: 'Bearer some-token' } }));
    expect(api.status).toBe(503);
    expect(api.headers.get('content-type')).toBe('application/vnd.api+json');
    expect(await api.json()).toEqual({ errors: [{ title: 'Service unavailable', detail: expect.any(String) }] });

    const signIn = await poll(() => fetch(`${app.url}/admin/login`, {
      method: 'POST', redirect: 'manual',
      headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=admin%40example.com&password=whatever-it-is',
    }));
    expect(signIn.status).toBe(503);
    const signInPage = await signIn.text();
    expect(signInPage).toContain('Sorry, the service is unavailable');
    expect(signInPage).not.toMatch(INTERNAL);

    for (const path of ['/readyz', '/healthz']) {
      const ready = await poll(() => fetch(`${app.url}${path}`));
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable', database: 'unreachable', migrations: 'unknown', readModels: 'unknown' });
    }
    // Alive all the same: the platform should wait for the database, not restart the machine.
    expect((await fetch(`${app.url}/livez`)).status).toBe(200);

    const portal = await poll(() => fetch(`${app.url}/check-data/`));
    expect(portal.status).toBe(503);
    const portalPage = await portal.text();
    expect(portalPage).toContain('Sorry, the service is unavailable');
    expect(portalPage).not.toMatch(INTERNAL);
  }, 240_000);
});
