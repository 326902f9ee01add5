// A back-office client over HTTP as a browser would be: a cookie jar, our own Origin on every request,
// and the CSRF token from the XSRF-TOKEN cookie sent back as X-XSRF-TOKEN (as AdminJS's axios does).
export class StaffClient {
  cookies = new Map<string, string>();
  origin: string;

  constructor(readonly base: string, options: { origin?: string } = {}) {
    this.origin = options.origin ?? base;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string>; token?: boolean } = {}): Promise<Response> {
    const headers: Record<string, string> = { origin: this.origin, cookie: this.cookieHeader, ...init.headers };
    const token = this.cookies.get('XSRF-TOKEN');
    if (init.token !== false && token) headers['x-xsrf-token'] = decodeURIComponent(token);
    const response = await fetch(`${this.base}${path}`, { method, body: init.body, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair.split('=');
      if (/Expires=Thu, 01 Jan 1970/.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value.join('='));
    }
    return response;
  }

  get(path: string) {
    return this.request('GET', path);
  }

  async signIn(email: string, password: string): Promise<Response> {
    const response = await this.request('POST', '/admin/login', {
      body: new URLSearchParams({ email, password }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    if (response.status === 302) await this.get('/admin');
    return response;
  }

  form(path: string, fields: Record<string, string | Blob>, init: { token?: boolean } = {}): Promise<Response> {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      if (value instanceof Blob) body.append(name, value, 'upload.csv');
      else body.append(name, value);
    }
    return this.request('POST', path, { body, token: init.token });
  }

  get sessionId(): string | undefined {
    return this.cookies.get('ecf_admin');
  }
}
