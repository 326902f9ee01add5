// Signing in by email link, choosing an organisation, signing out.
import express, { type RequestHandler, type Router } from 'express';
import { asActionError } from '../actions/errors.js';
import { requestMagicLink } from '../actions/portal/request-magic-link.js';
import { signInWithMagicLink } from '../actions/portal/sign-in-with-magic-link.js';
import { Email } from '../actions/zod.js';
import { chooseOrganisationPage } from './pages/choose-organisation-page.js';
import { checkEmailPage, confirmSignInPage, linkNotValidPage, signInPage } from './pages/sign-in-pages.js';
import { signInLimiters, type SignInLimits } from './rate-limit.js';
import { csrfToken, destroySession, portalSession, PORTAL_COOKIE, regenerate, saveSession } from './session.js';
import { handle, headerFor, requireSignedIn, signedInOf } from './signed-in.js';
import { logRequestError } from '../logging/logger.js';

export interface SignInSettings {
  /** The service's origin for links in emails; the request's own when not set. */
  publicUrl?: string;
  magicLinkMinutes: number;
  limits: SignInLimits;
}

const ENTER_EMAIL = 'Enter your email address';

export function signInRoutes(settings: SignInSettings): Router {
  const router = express.Router();
  const limiters = signInLimiters(settings.limits);

  router.get('/', (request, response) => {
    const signedIn = signedInOf(response);
    if (signedIn) return response.redirect(303, `${request.baseUrl}/participants`);
    response.send(signInPage({ base: request.baseUrl, csrfToken: csrfToken(request), signedOut: request.query.signed_out === '1' }));
  });

  const readEmail: RequestHandler = (request, response, next) => {
    const typed = String((request.body as Record<string, unknown>).email ?? '');
    const parsed = Email.safeParse(typed);
    if (parsed.success) {
      response.locals.email = parsed.data;
      return next();
    }
    const error = typed.trim() ? parsed.error.issues[0].message : ENTER_EMAIL;
    response.status(400).send(signInPage({ base: request.baseUrl, csrfToken: csrfToken(request), email: typed, error }));
  };

  router.post('/sign-in', limiters.perIp, readEmail, limiters.perEmail, handle(async (request, response) => {
    const email = String(response.locals.email);
    const origin = settings.publicUrl ?? `${request.protocol}://${request.get('host')}`;
    portalSession(request).requestedEmail = email;
    response.redirect(303, `${request.baseUrl}/check-email`);
    // After the answer: looking the person up and writing their link would make a known email answer
    // measurably slower than an unknown one. Every email gets the same answer at the same speed.
    requestMagicLink(
      { actor: { kind: 'system', name: 'Check data sign-in' }, ip: request.ip },
      { email, linkBase: `${origin}${request.baseUrl}/sign-in`, validForMinutes: settings.magicLinkMinutes },
    ).catch((error: unknown) => logRequestError(request, error, 'Check data sign-in link not made'));
  }));

  router.get('/check-email', (request, response) => {
    const email = portalSession(request).requestedEmail;
    if (!email) return response.redirect(303, `${request.baseUrl}/`);
    response.send(checkEmailPage({ base: request.baseUrl, email, minutes: settings.magicLinkMinutes }));
  });

  router.get('/sign-in/:token', (request, response) => {
    response.send(confirmSignInPage({ base: request.baseUrl, csrfToken: csrfToken(request), token: request.params.token }));
  });

  router.post('/sign-in/confirm', handle(async (request, response) => {
    const signIn = await signInWithMagicLink({ actor: { kind: 'system', name: 'Check data sign-in' }, ip: request.ip }, { token: (request.body as Record<string, unknown>).token })
      .catch((error: unknown) => {
        if (asActionError(error)) return null;
        throw error;
      });
    if (!signIn) return response.status(400).send(linkNotValidPage({ base: request.baseUrl, minutes: settings.magicLinkMinutes }));
    // A new session id at sign-in, so an id planted before sign-in is worth nothing.
    await regenerate(request);
    const s = portalSession(request);
    s.portalUserId = signIn.user.id;
    if (signIn.roles.length === 1) s.portalRoleId = signIn.roles[0].id;
    await saveSession(request);
    response.redirect(303, `${request.baseUrl}/${signIn.roles.length > 1 ? 'choose-organisation' : 'participants'}`);
  }));

  router.get('/choose-organisation', requireSignedIn, (request, response) => {
    const signedIn = signedInOf(response)!;
    if (signedIn.roles.length === 0) return response.redirect(303, `${request.baseUrl}/participants`);
    response.send(chooseOrganisationPage({ base: request.baseUrl, roles: signedIn.roles, chosenId: signedIn.role?.id, signedIn: headerFor(request, signedIn) }));
  });

  router.post('/choose-organisation', requireSignedIn, (request, response) => {
    const signedIn = signedInOf(response)!;
    const chosen = signedIn.roles.find((role) => role.id === (request.body as Record<string, unknown>).role);
    if (!chosen) {
      return response.status(400).send(chooseOrganisationPage({ base: request.baseUrl, roles: signedIn.roles, error: true, signedIn: headerFor(request, signedIn) }));
    }
    portalSession(request).portalRoleId = chosen.id;
    response.redirect(303, `${request.baseUrl}/participants`);
  });

  router.post('/sign-out', handle(async (request, response) => {
    await destroySession(request);
    response.clearCookie(PORTAL_COOKIE, { path: '/' });
    response.redirect(303, `${request.baseUrl}/?signed_out=1`);
  }));

  return router;
}
