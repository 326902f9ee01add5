// The real application (src/server/app.ts) served in-process on a free port, with a client that signs in
// to the back office as a person would (the login form) and then reads AdminJS's JSON API with the cookie.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';

export interface BackOffice {
  url: string;
  close(): Promise<void>;
}

export async function startBackOffice(): Promise<BackOffice> {
  // The JSON API needs no browser bundle.
  process.env.ADMIN_JS_SKIP_BUNDLE = 'true';
  const app = await createApp({ ...loadConfig({ ...process.env, NODE_ENV: 'test' }), loginAttemptsPerWindow: 1000 }, process.env.DATABASE_URL!);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  // Building AdminJS between requests can outlast Node's 5 s default, and a reused socket the server closed resets.
  server.keepAliveTimeout = 10 * 60_000;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export class BackOfficeClient {
  private cookies = new Map<string, string>();

  constructor(private readonly app: BackOffice) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(`${this.app.url}${path}`, {
      redirect: 'manual',
      ...init,
      headers: { cookie: this.cookieHeader(), origin: this.app.url, referer: `${this.app.url}/admin/login`, ...(init.headers as Record<string, string>) },
    }).catch((error: Error) => {
      throw new Error(`${init.method ?? 'GET'} ${path} failed: ${String((error.cause as Error | undefined)?.message ?? error.message)}`);
    });
    this.keepCookies(response);
    return response;
  }

  /** Signs in through the login form (with any hidden fields the form carries); throws unless it worked. */
  async signIn(email: string, password: string): Promise<void> {
    const page = await (await this.request('/admin/login')).text();
    const form = new URLSearchParams();
    for (const [, name, value] of page.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) form.set(name, value);
    form.set('email', email);
    form.set('password', password);
    const response = await this.request('/admin/login', { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    if (response.status !== 302 || !/\/admin\/?$/.test(response.headers.get('location') ?? '')) {
      throw new Error(`Sign-in as ${email} failed: ${response.status} ${response.headers.get('location')}`);
    }
  }

  /** GET of the back office's JSON API (path under /admin/api), parsed. */
  async json<T = unknown>(path: string): Promise<{ status: number; text: string; body: T }> {
    const response = await this.request(`/admin/api${path}`);
    const text = await response.text();
    return { status: response.status, text, body: (text && !text.startsWith('<') ? JSON.parse(text) : undefined) as T };
  }
}
