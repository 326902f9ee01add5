// Portal sessions: their own cookie (ecf_portal, apart from the back office's ecf_admin) in the shared
// "session" table, and a per-session token that every form posts back (CSRF).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type { Request, RequestHandler } from 'express';
import { logDatabaseComplaint, openSessionStorePool } from '../db/connection.js';

export const PORTAL_COOKIE = 'ecf_portal';
/** Signed-in sessions end after an hour without a request. */
const IDLE_TIMEOUT_MS = 60 * 60 * 1000;

export interface PortalSessionData {
  csrfToken?: string;
  portalUserId?: string;
  /** The PortalRole the person acts for: kept here, never taken from a URL. */
  portalRoleId?: string;
  /** What was typed on the sign-in page, for "Check your email". */
  requestedEmail?: string;
}

export type PortalSession = session.Session & Partial<session.SessionData> & PortalSessionData;

export const portalSession = (request: Request) => request.session as PortalSession;

export interface SessionOptions {
  sessionSecret: string;
  databaseUrl: string;
  secureCookie: boolean;
}

export function portalSessions(options: SessionOptions): { middleware: RequestHandler; close: () => Promise<void> } {
  const PgStore = connectPgSimple(session);
  const pool = openSessionStorePool(options.databaseUrl);
  const store = new PgStore({ pool, tableName: 'session', createTableIfMissing: false, errorLog: logDatabaseComplaint });
  const middleware = session({
    name: PORTAL_COOKIE,
    store,
    secret: options.sessionSecret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: options.secureCookie, maxAge: IDLE_TIMEOUT_MS },
  });
  return {
    middleware,
    close: async () => {
      // close() is async at run time (it stops the store's pruning timer) though typed void.
      await store.close();
      await pool.end();
    },
  };
}

/** The session's form token, made on first use. */
export function csrfToken(request: Request): string {
  const s = portalSession(request);
  s.csrfToken ??= randomBytes(32).toString('base64url');
  return s.csrfToken;
}

export function validCsrf(request: Request): boolean {
  const expected = portalSession(request).csrfToken;
  const given = (request.body as Record<string, unknown> | undefined)?._csrf;
  if (!expected || typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const regenerate = (request: Request) =>
  new Promise<void>((resolve, reject) => request.session.regenerate((error) => (error ? reject(error) : resolve())));

export const saveSession = (request: Request) =>
  new Promise<void>((resolve, reject) => request.session.save((error) => (error ? reject(error) : resolve())));

export const destroySession = (request: Request) =>
  new Promise<void>((resolve, reject) => request.session.destroy((error) => (error ? reject(error) : resolve())));
