// Staff single sign-on through an OpenID Connect provider with openid-client: the authorisation code
// flow with PKCE, state and nonce. The provider's discovery document is read at the first sign-in (not
// at start-up, so an unreachable provider does not stop the app) and read again after a failure.
import * as client from 'openid-client';

export interface OidcSettings {
  /** The provider's issuer URL; its discovery document is read from `/.well-known/openid-configuration`. */
  issuerUrl: URL;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends people back to: `<origin>/admin/sign-in/oidc/callback`, registered with the provider. */
  redirectUrl?: URL;
  scopes: string;
  /** The provider's name as staff know it, shown on the sign-in button. */
  providerName: string;
}

/** What a sign-in in progress keeps in the browser's session between leaving for the provider and coming back. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUrl: string;
}

/** Who the provider says came back: the email counts only when the provider says it verified it. */
export interface ProviderIdentity {
  subject: string;
  email?: string;
  emailVerified: boolean;
}

/** The provider could not be reached (`unavailable`) or the answer was not a valid sign-in (`failed`). */
export class OidcSignInError extends Error {
  constructor(readonly kind: 'unavailable' | 'failed', cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'OidcSignInError';
  }
}

export interface OidcClient {
  start(redirectUrl: string): Promise<{ authorizationUrl: string; pending: PendingSignIn }>;
  /** callbackQuery is the query string the provider sent back (`?code=…&state=…`). */
  finish(pending: PendingSignIn, callbackQuery: string): Promise<ProviderIdentity>;
}

/** allowHttp is for a provider on plain http (a test's, or a local one); production insists on https. */
export function createOidcClient(settings: OidcSettings, options: { allowHttp: boolean }): OidcClient {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = (): Promise<client.Configuration> => {
    discovered ??= client.discovery(settings.issuerUrl, settings.clientId, settings.clientSecret, undefined,
      options.allowHttp && settings.issuerUrl.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        discovered = undefined;
        throw new OidcSignInError('unavailable', error);
      });
    return discovered;
  };

  return {
    async start(redirectUrl) {
      const config = await configuration();
      const pending: PendingSignIn = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier(), redirectUrl };
      const authorizationUrl = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUrl,
        scope: settings.scopes,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { authorizationUrl: authorizationUrl.href, pending };
    },

    async finish(pending, callbackQuery) {
      const config = await configuration();
      const callback = new URL(pending.redirectUrl);
      callback.search = callbackQuery;
      try {
        const tokens = await client.authorizationCodeGrant(config, callback, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims()!;
        let email = claims.email;
        let verified = claims.email_verified;
        // Many providers put the email only in the userinfo answer, not in the ID token.
        if (email === undefined || verified === undefined) {
          const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
          email ??= info.email;
          verified ??= info.email_verified;
        }
        return { subject: claims.sub, email: typeof email === 'string' ? email : undefined, emailVerified: verified === true };
      } catch (error) {
        throw new OidcSignInError('failed', error);
      }
    },
  };
}
