// The school's challenge link: GET shows the form (or why it cannot be used), POST challenges. The token comes
// from the emailed link; the form posts it back with the session's CSRF token.
import express, { type Router } from 'express';
import { asActionError } from '../../actions/errors.js';
import { challengePartnershipAsSchool, findSchoolChallenge } from '../../actions/partnerships/challenge-partnership-as-school.js';
import { csrfToken } from '../session.js';
import { handle } from '../signed-in.js';
import { alreadyChallengedPage, linkExpiredPage, linkNotFoundPage, reportPage, reportSubmittedPage } from './school-challenge-pages.js';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function schoolChallengeRoutes(): Router {
  const router = express.Router();

  router.get('/', handle(async (request, response) => {
    const token = text(request.query.token);
    const challenge = await findSchoolChallenge(token);
    if (!challenge) return response.status(404).send(linkNotFoundPage(request.baseUrl));
    if (challenge.state === 'already_challenged') {
      return response.redirect(303, `${request.baseUrl}/already-challenged?school_name=${encodeURIComponent(challenge.schoolName)}`);
    }
    if (challenge.state === 'link_expired') return response.redirect(303, `${request.baseUrl}/link-expired`);
    response.send(reportPage({ base: request.baseUrl, token, csrfToken: csrfToken(request), challenge }));
  }));

  router.post('/', handle(async (request, response) => {
    const body = request.body as Record<string, unknown>;
    const token = text(body.token);
    const reason = text(body.reason);
    try {
      await challengePartnershipAsSchool({ token, reason });
      return response.redirect(303, `${request.baseUrl}/success`);
    } catch (error) {
      const refusal = asActionError(error);
      if (!refusal) throw error;
      if (refusal.code === 'NOT_FOUND' || refusal.fieldErrors.some((f) => f.field === 'token')) {
        return response.status(404).send(linkNotFoundPage(request.baseUrl));
      }
      const challenge = await findSchoolChallenge(token);
      if (!challenge) return response.status(404).send(linkNotFoundPage(request.baseUrl));
      if (challenge.state === 'already_challenged') {
        return response.redirect(303, `${request.baseUrl}/already-challenged?school_name=${encodeURIComponent(challenge.schoolName)}`);
      }
      if (challenge.state === 'link_expired') return response.redirect(303, `${request.baseUrl}/link-expired`);
      response.status(400).send(reportPage({ base: request.baseUrl, token, csrfToken: csrfToken(request), challenge, reason, error: refusal.messages[0] }));
    }
  }));

  router.get('/link-expired', (request, response) => {
    response.send(linkExpiredPage(request.baseUrl));
  });

  router.get('/already-challenged', (request, response) => {
    response.send(alreadyChallengedPage(request.baseUrl, text(request.query.school_name).slice(0, 200) || 'your school'));
  });

  router.get('/success', (request, response) => {
    response.send(reportSubmittedPage(request.baseUrl));
  });

  return router;
}
