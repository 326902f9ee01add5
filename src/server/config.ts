// Configuration from the environment, checked once at start-up.
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportStorageOf, type ExportStorage } from '../reports/exports/export-storage.js';
import { ConfigError } from './config-error.js';
import { loadStaffSignIn, type StaffSignInSettings } from './staff-sign-in-config.js';

export { ConfigError };

export interface AppConfig {
  port: number;
  production: boolean;
  sessionSecret: string;
  secureCookie: boolean;
  loginAttemptsPerWindow: number;
  seedSize: 'full' | 'small';
  /** Seed the demo data (with its well-known demo logins) into an empty database: never by default in production. */
  seedDemoData: boolean;
  /** The service's origin for links in emails (the portal's sign-in links); required in production. */
  publicUrl?: string;
  /** Password sign-in, single sign-on through an OpenID Connect provider, or both. */
  staffSignIn: StaffSignInSettings;
  /** Express's "trust proxy": which proxies' X-Forwarded-For to believe (default: none). */
  trustProxy: boolean | number | string;
  uploadMaxMegabytes: number;
  /** Who staff contact about the back office, named on its sign-in page (SUPPORT_EMAIL). */
  supportEmail: string;
  /** Where finished exports are kept: PostgreSQL large objects, or an S3-compatible bucket. */
  exportStorage: ExportStorage;
  /** How long a stop waits for requests in flight and jobs' current step (SHUTDOWN_GRACE_SECONDS). */
  shutdownGraceSeconds: number;
}

/** Outside production a secret is made once and kept in .data/, so sessions survive a restart. */
function developmentSecret(): string {
  const file = path.resolve('.data/session-secret');
  if (!existsSync(file)) {
    // Two processes starting at once on a fresh clone: the file appears whole (written aside, then linked
    // into place), and the first link wins, so neither can read it half written.
    mkdirSync(path.dirname(file), { recursive: true });
    const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(aside, randomBytes(32).toString('hex'), { mode: 0o600 });
    try {
      linkSync(aside, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(aside);
    }
  }
  return readFileSync(file, 'utf8').trim();
}

/** The DfE's teacher CPD support mailbox, which looks after the ECF services. */
export const DEFAULT_SUPPORT_EMAIL = 'continuing-professional-development@digital.education.gov.uk';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  if (production && !env.SESSION_SECRET) {
    throw new ConfigError('SESSION_SECRET must be set when NODE_ENV=production (use a long random string, e.g. `openssl rand -hex 32`).');
  }
  if (production && !env.PUBLIC_URL) {
    throw new ConfigError('PUBLIC_URL must be set when NODE_ENV=production (the service origin, e.g. https://ecf.example.gov.uk), so emailed sign-in links never come from a request header.');
  }
  if (env.SESSION_SECRET && env.SESSION_SECRET.length < 32) {
    throw new ConfigError('SESSION_SECRET must be at least 32 characters long.');
  }
  return {
    port: Number(env.PORT ?? 3000),
    production,
    sessionSecret: env.SESSION_SECRET ?? developmentSecret(),
    secureCookie: production && env.INSECURE_COOKIES !== 'true',
    loginAttemptsPerWindow: Number(env.LOGIN_ATTEMPTS_PER_15_MIN ?? 10),
    seedSize: env.SEED_SIZE === 'small' ? 'small' : 'full',
    seedDemoData: env.SEED_DEMO_DATA ? env.SEED_DEMO_DATA !== 'false' : !production,
    publicUrl: env.PUBLIC_URL,
    staffSignIn: loadStaffSignIn(env, production),
    trustProxy: trustProxyOf(env.TRUST_PROXY),
    uploadMaxMegabytes: positiveNumber(env.UPLOAD_MAX_MB, 'UPLOAD_MAX_MB', 100),
    supportEmail: env.SUPPORT_EMAIL?.trim() || DEFAULT_SUPPORT_EMAIL,
    exportStorage: exportStorageOf(env),
    shutdownGraceSeconds: shutdownGraceSeconds(env),
  };
}

/** SHUTDOWN_GRACE_SECONDS: below a platform's own kill timeout (30 s on most), so our stop finishes first. */
export const shutdownGraceSeconds = (env: NodeJS.ProcessEnv = process.env): number =>
  positiveNumber(env.SHUTDOWN_GRACE_SECONDS, 'SHUTDOWN_GRACE_SECONDS', 25);

function positiveNumber(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new ConfigError(`${name} must be a positive number.`);
  return number;
}

/**
 * TRUST_PROXY: unset or "false" trusts no proxy (the client's own address counts); a number trusts that
 * many hops; anything else is Express's list of trusted addresses or subnets (e.g. "loopback, 10.0.0.0/8").
 */
export function trustProxyOf(value: string | undefined): boolean | number | string {
  const setting = (value ?? '').trim();
  if (setting === '' || setting === 'false') return false;
  if (setting === 'true') throw new ConfigError('TRUST_PROXY=true would believe any X-Forwarded-For; give the number of proxies in front of the app, or their addresses.');
  if (/^\d+$/.test(setting)) return Number(setting);
  return setting;
}
