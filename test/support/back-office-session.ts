// One back office per browser test file: the real app (`npm start`, test/support/app-process.ts) on a copy of
// the small demo seed, one chromium, and a signed-in page per role on demand. Register it at the top of a file:
//   const session = useBackOfficeSession();
//   it('...', async () => { const page = await session.signIn('admin'); await page.goto(`${session.url}/admin`); });
import { afterAll, beforeAll } from '@jest/globals';
import type { Role } from '@prisma/client';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { DEMO_LOGINS } from '../../seeds/demo-logins.js';
import { startApp, type RunningApp } from './app-process.js';
import { launchBrowser } from './browser.js';
import { useSeededDatabase } from './seeded-database.js';

export interface BackOfficeSessionOptions {
  /** Environment for the app (e.g. single sign-on settings); a function when it is known only after beforeStart. */
  env?: Record<string, string> | (() => Record<string, string>);
  /** false: the app starts on the file's empty database (it seeds it unless SEED_DEMO_DATA=false). Default true. */
  seeded?: boolean;
  /** Runs after the database is ready and before the app starts (e.g. records the app must find at start-up). */
  beforeStart?: () => Promise<void>;
}

export interface SignInOptions extends BrowserContextOptions {
  /** Called with the new page before it opens the login form (e.g. to listen for the page's errors from the start). */
  beforeSignIn?: (page: Page) => void;
}

export interface BackOfficeSession {
  /** The running app; valid in tests and in hooks registered after useBackOfficeSession(). */
  readonly app: RunningApp;
  readonly browser: Browser;
  /** The app's address, e.g. http://localhost:41234. */
  readonly url: string;
  /** A new page (its own browser context) signed in through the login form as the role's demo login (seeds/demo-logins.ts). */
  signIn(role: Role, options?: SignInOptions): Promise<Page>;
  /** A new page, not signed in. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

const VIEWPORT = { width: 1400, height: 1000 };

export function demoLogin(role: Role): { email: string; password: string } {
  return DEMO_LOGINS.find((login) => login.role === role)!;
}

export function useBackOfficeSession(options: BackOfficeSessionOptions = {}): BackOfficeSession {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`The ${what} is not running: use the session inside tests or later hooks.`);
    return value;
  };

  beforeAll(async () => {
    if (options.seeded ?? true) await useSeededDatabase();
    await options.beforeStart?.();
    // The browser starts while the app does.
    const launching = launchBrowser();
    const env = typeof options.env === 'function' ? options.env() : options.env;
    app = await startApp(process.env.DATABASE_URL!, env).catch(async (error: unknown) => {
      await (await launching).close();
      throw error;
    });
    browser = await launching;
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const session: BackOfficeSession = {
    get app() { return started(app, 'app'); },
    get browser() { return started(browser, 'browser'); },
    get url() { return started(app, 'app').url; },
    newPage: (contextOptions = {}) => session.browser.newPage({ viewport: VIEWPORT, ...contextOptions }),
    async signIn(role, { beforeSignIn, ...contextOptions } = {}) {
      const login = demoLogin(role);
      const page = await session.newPage(contextOptions);
      beforeSignIn?.(page);
      await page.goto(`${session.url}/admin/login`);
      await page.fill('input[name=email]', login.email);
      await page.fill('input[name=password]', login.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText(`Signed in as ${login.email}`).waitFor();
      return page;
    },
  };
  return session;
}
