// Configuration from the environment, checked once at start-up.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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
  /** The service's origin for links in emails (the portal's sign-in links); required in production. */
  publicUrl?: string;
  /** Password sign-in, single sign-on through an OpenID Connect provider, or both. */
  staffSignIn: StaffSignInSettings;
}

/** Outside production a secret is made once and kept in .data/, so sessions survive a restart. */
function developmentSecret(): string {
  const file = path.resolve('.data/session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

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
    publicUrl: env.PUBLIC_URL,
    staffSignIn: loadStaffSignIn(env, production),
  };
}
