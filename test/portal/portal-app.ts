// The portal in a small Express app of its own, as the integrator mounts it, and a cookie-keeping client.
import type { AddressInfo } from 'node:net';
import express from 'express';
import { CHECK_DATA_PATH, createPortalRouter, SCHOOL_CHALLENGE_PATH, type PortalRouterOptions } from '../../src/portal/router.js';

export interface PortalApp {
  url: string;
  close(): Promise<void>;
}

export async function startPortalApp(options: PortalRouterOptions = {}): Promise<PortalApp> {
  const app = express();
  // Tests give each client its own address through X-Forwarded-For, so rate limits do not collide.
  app.set('trust proxy', 'loopback');
  const router = createPortalRouter({ sessionSecret: 'test-secret-that-is-long-enough-for-sessions', databaseUrl: process.env.DATABASE_URL, ...options });
  app.use(CHECK_DATA_PATH, router);
  app.use(SCHOOL_CHALLENGE_PATH, router.schoolChallenge);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await router.close();
    },
  };
}

let ipCounter = 0;

/** A browser without a browser: one cookie jar, the last page's form token, its own IP address. */
export class PortalClient {
  cookie = '';
  csrf = '';
  readonly ip = `198.51.100.${++ipCounter}`;

  /** `prefix` is where the pages are mounted: the portal's by default, or the schools' challenge link's. */
  constructor(private readonly app: PortalApp, private readonly prefix = CHECK_DATA_PATH) {}

  async request(method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<{ status: number; body: string; headers: Headers; location: string | null }> {
    const response = await fetch(`${this.app.url}${this.prefix}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        'X-Forwarded-For': this.ip,
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
    const body = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(body);
    if (token) this.csrf = token[1];
    return { status: response.status, body, headers: response.headers, location: response.headers.get('location') };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  /** Posts a form with the session's token, as the page would. */
  post(path: string, form: Record<string, string> = {}) {
    return this.request('POST', path, { _csrf: this.csrf, ...form });
  }

  /** Opens the start page, asks for a link, opens the emailed link and continues. */
  async signIn(email: string, tokenFor: (email: string) => Promise<string>) {
    await this.get('/');
    await this.post('/sign-in', { email });
    const token = await tokenFor(email);
    await this.get(`/sign-in/${token}`);
    return this.post('/sign-in/confirm', { token });
  }
}
