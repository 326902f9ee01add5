// Each enrolment is kept rendered beside the provider's view of the participant (lead_provider_participants):
// whatever changes what an enrolment shows, by any writer, must show in the next answer.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { db } from '../../src/db/client.js';
import { createDeliveryPartner, createParticipant, createParticipantWorld, createProviderRelationship, type ParticipantWorld } from '../support/factories.js';
import { createToken, startApi, type ApiClient } from './support/api-client.js';

let world: ParticipantWorld;
let api: ApiClient;

beforeAll(async () => {
  world = await createParticipantWorld(2024);
  api = await startApi(await createToken(world.leadProvider));
});
afterAll(() => api.close());

type Participant = Awaited<ReturnType<typeof createParticipant>>;

async function enrolment(participant: Participant) {
  const { body } = await api.get(`/participants/ecf/${participant.teacher.id}`);
  return body.data.attributes.ecf_enrolments[0];
}

describe('an enrolment after a change to what it shows', () => {
  it.each<[string, (p: Participant) => Promise<unknown>, Record<string, unknown>]>([
    ['the teacher\'s email', (p) => db().$executeRaw`UPDATE teachers SET email = ${`changed-${p.teacher.id}@example.com`} WHERE id = ${p.teacher.id}::uuid`,
      { email: expect.stringMatching(/^changed-/) }],
    ['the profile\'s eligibility and uplifts', (p) => db().participantProfile.update({ where: { id: p.profile.id }, data: { eligibilityStatus: 'ineligible', pupilPremiumUplift: true, sparsityUplift: true } }),
      { eligible_for_funding: false, pupil_premium_uplift: true, sparsity_uplift: true }],
    ['the TRN validation', (p) => db().participantProfile.update({ where: { id: p.profile.id }, data: { trnValidationState: 'invalid' } }),
      { teacher_reference_number_validated: false }],
    ['the schedule\'s identifier', async () => {
      await db().schedule.update({ where: { id: world.schedule.id }, data: { scheduleIdentifier: 'ecf-extended-september' } });
    }, { schedule_identifier: 'ecf-extended-september' }],
    ['the school\'s URN', async () => {
      await db().school.update({ where: { id: world.school.id }, data: { urn: '765432' } });
    }, { school_urn: '765432' }],
    ['the partnership\'s delivery partner', async () => {
      const replacement = await createDeliveryPartner();
      await createProviderRelationship(world.leadProvider, replacement, world.cohort);
      await db().partnership.update({ where: { id: world.partnership.id }, data: { deliveryPartnerId: replacement.id } });
      return replacement;
    }, { delivery_partner_id: expect.any(String) }],
    ['a mentor on the induction record', async (p) => {
      const mentor = await createParticipant(world, { type: 'mentor' });
      await db().inductionRecord.update({ where: { id: p.inductionRecord.id }, data: { mentorProfileId: mentor.profile.id } });
    }, { mentor_id: expect.any(String) }],
    ['a withdrawal with the provider\'s reason', async (p) => {
      await db().inductionRecord.update({ where: { id: p.inductionRecord.id }, data: { trainingStatus: 'withdrawn' } });
      await db().participantProfileState.create({ data: { participantProfileId: p.profile.id, state: 'withdrawn', reason: 'school-left-fip', cpdLeadProviderId: world.leadProvider.cpdLeadProviderId } });
    }, { training_status: 'withdrawn', withdrawal: { reason: 'switched-to-school-led', date: expect.any(String) } }],
    ['the school telling us they leave', async (p) => {
      await db().inductionRecord.update({ where: { id: p.inductionRecord.id }, data: { inductionStatus: 'leaving', endDate: new Date(Date.now() + 86_400_000) } });
    }, { participant_status: 'leaving' }],
  ])('shows %s', async (_what, change, expected) => {
    const participant = await createParticipant(world);
    const before = await enrolment(participant);
    await change(participant);
    const after = await enrolment(participant);
    expect(after).toMatchObject(expected);
    expect(after).not.toEqual(before);
  });

  it('works participant_status out at the time of reading', async () => {
    const participant = await createParticipant(world);
    // Seconds of margin either side, so a busy machine cannot read it on the wrong side of the date.
    const endDate = new Date(Date.now() + 4000);
    await db().inductionRecord.update({ where: { id: participant.inductionRecord.id }, data: { inductionStatus: 'leaving', endDate } });
    expect(await enrolment(participant)).toMatchObject({ participant_status: 'leaving' });
    await new Promise((resolve) => setTimeout(resolve, endDate.getTime() - Date.now() + 500));
    expect(await enrolment(participant)).toMatchObject({ participant_status: 'left' });
  });
});
