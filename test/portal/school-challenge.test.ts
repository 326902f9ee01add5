// The school's side of a challenge. When a lead provider reports a partnership (POST /api/v3/partnerships/ecf),
// the school's induction tutor gets the DfE's notification with a challenge link (app/services/partnership_notification_service.rb,
// app/mailers/school_mailer.rb); the link's page challenges within the window with the DfE's reasons and says
// when it cannot (app/controllers/challenge_partnerships_controller.rb, app/views/challenge_partnerships/*.html.erb,
// app/forms/challenge_partnership_form.rb). The challenge shows at once in the API (status "challenged") and in the
// back office's partnership record.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { db } from '../../src/db/client.js';
import { SCHOOL_CHALLENGE_PATH } from '../../src/portal/router.js';
import { BackOfficeClient, startBackOffice, type BackOffice } from '../support/back-office.js';
import { createSchool, createUser } from '../support/factories.js';
import { createReportWorld, type ReportWorld } from '../actions/partnerships/world.js';
import { createToken, startApi, type ApiClient } from '../api/support/api-client.js';
import { PortalClient, startPortalApp, type PortalApp } from './portal-app.js';

let app: PortalApp;
let backOffice: BackOffice;
const apis: ApiClient[] = [];
beforeAll(async () => {
  app = await startPortalApp();
  backOffice = await startBackOffice();
}, 120_000);
afterAll(async () => {
  await Promise.all(apis.map((api) => api.close()));
  await app?.close();
  await backOffice?.close();
});

/** The lead provider reports the partnership through the API; returns the partnership's id and the school's email. */
async function report(w: ReportWorld) {
  const api = await startApi(await createToken(w.leadProvider));
  apis.push(api);
  const response = await api.post('/partnerships/ecf', {
    data: { type: 'ecf-partnership', attributes: { cohort: w.body.cohort, school_id: w.school.id, delivery_partner_id: w.deliveryPartner.id } },
  });
  expect(response.status).toBe(200);
  const id = response.body.data.id as string;
  const email = await db().emailOutbox.findFirstOrThrow({ where: { template: 'partnership_reported', body: { contains: w.school.urn } } });
  const link = new RegExp(`https?://[^\\s]+${SCHOOL_CHALLENGE_PATH}\\?token=([A-Za-z0-9_-]+)`).exec(email.body);
  expect(link).not.toBeNull();
  return { id, api, email, token: link![1] };
}

const tutorSchool = () => createSchool({ primaryContactEmail: 'office@school.example', inductionTutorName: 'Ngozi Okafor', inductionTutorEmail: 'ngozi@school.example' });

describe('the challenge link a reported partnership sends the school', () => {
  it("goes to the induction tutor, and challenges the partnership with the school's reason; the API shows it at once", async () => {
    const w = await createReportWorld(2024, await tutorSchool());
    const { id, api, email, token } = await report(w);
    expect(email).toMatchObject({ to: 'ngozi@school.example', subject: 'Training provider confirmed: add your ECTs and mentors' });
    expect(email.body).toContain('Dear Ngozi Okafor');
    expect(email.body).toContain(w.leadProvider.name);
    // Only the token's hash is kept.
    const stored = await db().partnershipNotificationEmail.findFirstOrThrow({ where: { partnershipId: id } });
    expect(stored).toMatchObject({ sentTo: 'ngozi@school.example', emailType: 'induction_tutor' });
    expect(stored.tokenHash).not.toContain(token);

    const school = new PortalClient(app, SCHOOL_CHALLENGE_PATH);
    const form = await school.get(`/?token=${token}`);
    expect(form.status).toBe(200);
    expect(form.body).toContain('Report that your school has been signed up incorrectly');
    expect(form.body).toContain(`${w.school.name} has received a confirmation from ${w.deliveryPartner.name}, with ${w.leadProvider.name}`);
    for (const label of ['I have already confirmed an agreement with another provider', 'We have not confirmed an agreement',
      'I do not recognise this training provider', 'We do not have any early career teachers this year', 'This looks like a mistake']) {
      expect(form.body).toContain(label);
    }

    // No reason: the DfE's message, nothing changed (errors.challenge_reason.blank in config/locales/en.yml).
    const blank = await school.post('/', { token });
    expect(blank.status).toBe(400);
    expect(blank.body).toContain('Select a reason why you think this confirmation is incorrect');
    const unknown = await school.post('/', { token, reason: 'bored' });
    expect(unknown.status).toBe(400);
    // A form without the session's CSRF token is refused.
    expect((await new PortalClient(app, SCHOOL_CHALLENGE_PATH).request('POST', '/', { token, reason: 'mistake' })).status).toBe(403);
    expect((await db().partnership.findUniqueOrThrow({ where: { id } })).challengedAt).toBeNull();

    const done = await school.post('/', { token, reason: 'not_confirmed' });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`${SCHOOL_CHALLENGE_PATH}/success`);
    expect((await school.get('/success')).body).toContain('Your report has been submitted');

    const partnership = await db().partnership.findUniqueOrThrow({ where: { id } });
    expect(partnership).toMatchObject({ challengeReason: 'not_confirmed', challengedAt: expect.any(Date) });
    const seen = await api.get(`/partnerships/ecf/${id}`);
    expect(seen.body.data.attributes).toMatchObject({ status: 'challenged', challenged_reason: 'not_confirmed' });
    // Support staff see the same at once: the partnership's record in the back office.
    const support = new BackOfficeClient(backOffice);
    const user = await createUser('support', { password: 'a-long-enough-password-for-support' });
    await support.signIn(user.email, 'a-long-enough-password-for-support');
    const shown = await support.json<{ record: { params: Record<string, unknown> } }>(`/resources/Partnership/records/${id}/show`);
    expect(shown.status).toBe(200);
    expect(shown.body.record.params).toMatchObject({ challengeReason: 'not_confirmed', challengedAt: expect.any(String) });
    expect(await db().auditEvent.findFirstOrThrow({ where: { subjectId: id, action: 'partnership.challenged' } })).toMatchObject({
      actorLabel: 'System: School, through the challenge link sent to ngozi@school.example',
      reason: 'We have not confirmed an agreement',
    });

    // The link again, or a second submission: already reported.
    const again = await school.get(`/?token=${token}`);
    expect(again.status).toBe(303);
    const already = await school.get(again.location!.slice(SCHOOL_CHALLENGE_PATH.length));
    expect(already.body).toContain(`Someone at ${w.school.name} has already reported this issue`);
    expect((await school.post('/', { token, reason: 'mistake' })).location).toMatch(/\/already-challenged\?/);
    expect((await db().partnership.findUniqueOrThrow({ where: { id } })).challengeReason).toBe('not_confirmed');
  });

  it("goes to the school's contact address as the school email when it has no induction tutor", async () => {
    const w = await createReportWorld(2024, await createSchool({ primaryContactEmail: 'office@school.example' }));
    const { email, id } = await report(w);
    expect(email).toMatchObject({ to: 'office@school.example', subject: 'FAO: NQT coordinator. Training provider confirmed.' });
    expect(await db().partnershipNotificationEmail.findFirstOrThrow({ where: { partnershipId: id } })).toMatchObject({ emailType: 'school' });
  });

  it('has expired once the challenge deadline has passed, and challenges nothing', async () => {
    const w = await createReportWorld(2024, await tutorSchool());
    const { id, token } = await report(w);
    const school = new PortalClient(app, SCHOOL_CHALLENGE_PATH);
    await school.get(`/?token=${token}`);
    await db().partnership.update({ where: { id }, data: { challengeDeadline: new Date(Date.now() - 1000) } });
    const expired = await school.get(`/?token=${token}`);
    expect(expired).toMatchObject({ status: 303, location: `${SCHOOL_CHALLENGE_PATH}/link-expired` });
    expect((await school.get('/link-expired')).body).toContain('This link has expired');
    expect((await school.post('/', { token, reason: 'mistake' })).location).toBe(`${SCHOOL_CHALLENGE_PATH}/link-expired`);
    expect((await db().partnership.findUniqueOrThrow({ where: { id } })).challengedAt).toBeNull();
  });

  it('is not found without a token we sent', async () => {
    const school = new PortalClient(app, SCHOOL_CHALLENGE_PATH);
    expect((await school.get('/')).status).toBe(404);
    expect((await school.get('/?token=made-up')).status).toBe(404);
  });
});
