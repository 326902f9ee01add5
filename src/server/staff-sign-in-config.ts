// How staff sign in to the back office: through an OpenID Connect provider (DfE Sign-in in the
// department), with a password kept here, or both. Read from the environment once at start-up.
import type { OidcSettings } from '../auth/oidc-client.js';
import { ConfigError } from './config-error.js';

export interface StaffSignInSettings {
  passwordSignIn: boolean;
  oidc?: OidcSettings;
}

export const OIDC_CALLBACK_PATH = '/sign-in/oidc/callback';

function url(name: string, value: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new ConfigError(`${name} must be a full URL (e.g. https://oidc.signin.education.gov.uk), not "${value}".`);
  }
}

export function loadStaffSignIn(env: NodeJS.ProcessEnv, production: boolean): StaffSignInSettings {
  const passwordSignIn = env.PASSWORD_SIGN_IN !== 'false';
  const named = ['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
  const present = named.filter((name) => env[name]);
  if (present.length && present.length < named.length) {
    throw new ConfigError(`Single sign-on needs ${named.join(', ')}; ${named.filter((name) => !env[name]).join(', ')} missing.`);
  }
  if (!present.length) {
    if (!passwordSignIn) throw new ConfigError('PASSWORD_SIGN_IN=false needs single sign-on (OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET), or no one could sign in.');
    return { passwordSignIn };
  }
  const issuerUrl = url('OIDC_ISSUER_URL', env.OIDC_ISSUER_URL!);
  if (production && issuerUrl.protocol !== 'https:') throw new ConfigError('OIDC_ISSUER_URL must use https when NODE_ENV=production.');
  const publicRedirect = env.PUBLIC_URL ? new URL(`/admin${OIDC_CALLBACK_PATH}`, env.PUBLIC_URL).href : undefined;
  const redirect = env.OIDC_REDIRECT_URL ?? publicRedirect;
  return {
    passwordSignIn,
    oidc: {
      issuerUrl,
      clientId: env.OIDC_CLIENT_ID!,
      clientSecret: env.OIDC_CLIENT_SECRET!,
      redirectUrl: redirect ? url('OIDC_REDIRECT_URL', redirect) : undefined,
      scopes: env.OIDC_SCOPES ?? 'openid email profile',
      providerName: env.OIDC_PROVIDER_NAME ?? 'DfE Sign-in',
    },
  };
}
