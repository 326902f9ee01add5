// Staff sign-in routes beside AdminJS's own login page: single sign-on through the OpenID Connect
// provider (leave for the provider, come back to the callback), and refusing password sign-in when it
// is switched off. They run on the back office's session, before AdminJS's routes.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { signInWithIdentityProvider } from '../../actions/users/sign-in-with-identity-provider.js';
import { createOidcClient, OidcSignInError, type PendingSignIn } from '../../auth/oidc-client.js';
import { OIDC_CALLBACK_PATH, type StaffSignInSettings } from '../../server/staff-sign-in-config.js';
import { refusalPage, type RefusalReason } from './sign-in-pages.js';
import { currentAdminOf, startStaffSession } from './staff-session.js';
import { logRequestError } from '../../logging/logger.js';

export const OIDC_START_PATH = '/sign-in/oidc';

interface PendingSession {
  oidcSignIn?: PendingSignIn;
}

const handle = (work: (request: Request, response: Response) => Promise<void>) =>
  (request: Request, response: Response, next: NextFunction) => void work(request, response).catch(next);

export function staffSignInRoutes(settings: StaffSignInSettings, options: { allowHttpProvider: boolean }): Router {
  const router = express.Router();
  const providerName = settings.oidc?.providerName ?? 'single sign-on';
  const refuse = (request: Request, response: Response, reason: RefusalReason, email?: string) => {
    const refusal = refusalPage(reason, { base: request.baseUrl, provider: providerName, email });
    response.status(refusal.status).type('html').send(refusal.html);
  };

  if (!settings.passwordSignIn) {
    router.post('/login', (request, response) => refuse(request, response, 'password_sign_in_off'));
  }

  const oidc = settings.oidc;
  if (!oidc) return router;
  const client = createOidcClient(oidc, { allowHttp: options.allowHttpProvider });
  const pendingOf = (request: Request) => request.session as unknown as PendingSession;

  router.get(OIDC_START_PATH, handle(async (request, response) => {
    const redirectUrl = oidc.redirectUrl?.href ?? `${request.protocol}://${request.get('host')}${request.baseUrl}${OIDC_CALLBACK_PATH}`;
    try {
      const { authorizationUrl, pending } = await client.start(redirectUrl);
      pendingOf(request).oidcSignIn = pending;
      await new Promise<void>((resolve, reject) => request.session.save((error) => (error ? reject(error) : resolve())));
      response.redirect(303, authorizationUrl);
    } catch (error) {
      if (!(error instanceof OidcSignInError)) throw error;
      logRequestError(request, error, `Single sign-on: ${oidc.issuerUrl.href} unreachable`);
      refuse(request, response, 'unavailable');
    }
  }));

  router.get(OIDC_CALLBACK_PATH, handle(async (request, response) => {
    const pending = pendingOf(request).oidcSignIn;
    delete pendingOf(request).oidcSignIn;
    if (!pending) return refuse(request, response, 'failed');
    let identity;
    try {
      identity = await client.finish(pending, new URL(request.originalUrl, 'http://callback').search);
    } catch (error) {
      if (!(error instanceof OidcSignInError)) throw error;
      logRequestError(request, error, `Single sign-on: the answer from ${oidc.issuerUrl.href} was refused`);
      return refuse(request, response, error.kind);
    }
    const signIn = await signInWithIdentityProvider(
      { actor: { kind: 'system', name: 'Back-office sign-in' }, ip: request.ip },
      { issuer: oidc.issuerUrl.href, subject: identity.subject, email: identity.email, emailVerified: identity.emailVerified },
    );
    if (signIn.outcome === 'refused') return refuse(request, response, signIn.reason, signIn.email);
    const redirectTo = await startStaffSession(request, currentAdminOf(signIn.user));
    response.redirect(303, redirectTo ?? request.baseUrl);
  }));

  return router;
}
