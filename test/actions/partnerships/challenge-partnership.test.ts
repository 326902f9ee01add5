import { describe, expect, it } from '@jest/globals';
import type { ChallengeReason } from '@prisma/client';
import { db } from '../../../src/db/client.js';
import {
  ALREADY_CHALLENGED, challengePartnership, CONFIRMATION_REQUIRED,
} from '../../../src/actions/partnerships/challenge-partnership.js';
import { CHALLENGE_REASON_LABELS, CHALLENGE_REASON_REQUIRED, CHALLENGE_REASONS } from '../../../src/actions/partnerships/challenge-reasons.js';
import { LEAD_PROVIDER_CONTACTS_SETTING, placeholderLeadProviderEmail } from '../../../src/actions/partnerships/lead-provider-contacts.js';
import { ActionError } from '../../../src/actions/errors.js';
import type { ActorContext } from '../../../src/actions/actor.js';
import { createParticipant, createParticipantWorld, userContext } from '../../support/factories.js';
import { apiContext, writtenRows } from './world.js';

const superUser = userContext('super_user');

async function refusal(ctx: ActorContext, body: unknown): Promise<ActionError> {
  const before = await writtenRows();
  const error = await challengePartnership(ctx, body).then(
    () => { throw new Error('expected a refusal'); },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect(await writtenRows()).toEqual(before);
  return error as ActionError;
}

describe('challenge reasons', () => {
  it("are the DfE's five, with their labels, in the form's order", () => {
    expect(CHALLENGE_REASONS).toEqual(['another_provider', 'not_confirmed', 'do_not_recognise', 'no_ects', 'mistake']);
    expect(CHALLENGE_REASON_LABELS).toEqual({
      another_provider: 'I have already confirmed an agreement with another provider',
      not_confirmed: 'We have not confirmed an agreement',
      do_not_recognise: 'I do not recognise this training provider',
      no_ects: 'We do not have any early career teachers this year',
      mistake: 'This looks like a mistake',
    });
  });
});

describe('challengePartnership (late, by a super user)', () => {
  it.each(CHALLENGE_REASONS.filter((r) => r !== 'no_ects'))('records "%s" after the deadline, leaving the school cohort and induction records alone', async (reason) => {
    const world = await createParticipantWorld(2024);
    await db().partnership.update({ where: { id: world.partnership.id }, data: { challengeDeadline: new Date('2024-09-15T00:00:00Z') } });
    const participant = await createParticipant(world);
    const challenged = await challengePartnership(superUser, { partnershipId: world.partnership.id, reason, confirmed: true });

    expect(challenged.challengeReason).toBe(reason);
    expect(challenged.challengedAt).toBeInstanceOf(Date);
    expect(await db().schoolCohort.findUniqueOrThrow({ where: { id: world.schoolCohort.id } })).toMatchObject({
      inductionProgrammeChoice: 'full_induction_programme',
      defaultInductionProgrammeId: world.programme.id,
      optOutOfUpdates: false,
    });
    expect(await db().inductionRecord.findMany({ where: { participantProfileId: participant.profile.id } })).toEqual([participant.inductionRecord]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectId: world.partnership.id } });
    expect(audit).toMatchObject({ action: 'partnership.challenged', actorType: 'user', reason: CHALLENGE_REASON_LABELS[reason as ChallengeReason] });
    expect(audit.after).toMatchObject({ challengeReason: reason });
  });

  it('marks the school cohort as having no ECTs, without a default programme and opted out of updates, for "no_ects"', async () => {
    const world = await createParticipantWorld(2024);
    await challengePartnership(superUser, { partnershipId: world.partnership.id, reason: 'no_ects', confirmed: 'true' });
    expect(await db().schoolCohort.findUniqueOrThrow({ where: { id: world.schoolCohort.id } })).toMatchObject({
      inductionProgrammeChoice: 'no_early_career_teachers',
      defaultInductionProgrammeId: null,
      optOutOfUpdates: true,
    });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectType: 'SchoolCohort', subjectId: world.schoolCohort.id } });
    expect(audit.before).toMatchObject({ inductionProgrammeChoice: 'full_induction_programme', defaultInductionProgrammeId: world.programme.id });
  });

  it("emails the lead provider's contacts the reason's label through the outbox", async () => {
    const world = await createParticipantWorld(2024);
    await db().setting.upsert({
      where: { key: LEAD_PROVIDER_CONTACTS_SETTING },
      create: { key: LEAD_PROVIDER_CONTACTS_SETTING, value: { [world.leadProvider.id]: ['a@provider.example', 'b@provider.example'] } },
      update: { value: { [world.leadProvider.id]: ['a@provider.example', 'b@provider.example'] } },
    });
    await challengePartnership(superUser, { partnershipId: world.partnership.id, reason: 'do_not_recognise', confirmed: true });
    const emails = await db().emailOutbox.findMany({ where: { template: 'partnership_challenged', body: { contains: world.school.urn } }, orderBy: { to: 'asc' } });
    expect(emails.map((e) => e.to)).toEqual(['a@provider.example', 'b@provider.example']);
    expect(emails[0].body).toContain('They gave this reason: "I do not recognise this training provider".');
    expect(emails[0].body).toContain(world.school.name);
    expect(emails[0].body).toContain('2024/25');
  });

  it('addresses a placeholder when the lead provider has no contact set, so the gap shows as a delivery error', async () => {
    const world = await createParticipantWorld(2024);
    await challengePartnership(superUser, { partnershipId: world.partnership.id, reason: 'mistake', confirmed: true });
    const email = await db().emailOutbox.findFirstOrThrow({ where: { template: 'partnership_challenged', body: { contains: world.school.urn } } });
    expect(email.to).toBe(placeholderLeadProviderEmail(world.leadProvider));
  });

  it.each([
    ['no reason', undefined],
    ['a blank reason', ''],
    ['an unknown reason', 'changed_our_minds'],
  ])('refuses %s with the form message', async (_case, reason) => {
    const world = await createParticipantWorld(2024);
    const error = await refusal(superUser, { partnershipId: world.partnership.id, reason, confirmed: true });
    expect(error.fieldErrors).toEqual([{ field: 'reason', message: CHALLENGE_REASON_REQUIRED }]);
  });

  it.each([undefined, false, 'false'])('refuses without confirming the Policy Engagement Team authorised it (%s)', async (confirmed) => {
    const world = await createParticipantWorld(2024);
    const error = await refusal(superUser, { partnershipId: world.partnership.id, reason: 'mistake', confirmed });
    expect(error.fieldErrors).toEqual([{ field: 'confirmed', message: CONFIRMATION_REQUIRED }]);
  });

  it.each(['admin', 'support', 'finance', 'policy'] as const)('refuses a %s user', async (role) => {
    const world = await createParticipantWorld(2024);
    const error = await refusal(userContext(role), { partnershipId: world.partnership.id, reason: 'mistake', confirmed: true });
    expect(error.code).toBe('FORBIDDEN');
  });

  it('refuses the lead provider itself', async () => {
    const world = await createParticipantWorld(2024);
    const error = await refusal(apiContext(world.leadProvider), { partnershipId: world.partnership.id, reason: 'mistake', confirmed: true });
    expect(error.code).toBe('FORBIDDEN');
  });

  it('refuses a partnership already challenged', async () => {
    const world = await createParticipantWorld(2024);
    await db().partnership.update({ where: { id: world.partnership.id }, data: { challengedAt: new Date(), challengeReason: 'not_confirmed' } });
    const error = await refusal(superUser, { partnershipId: world.partnership.id, reason: 'mistake', confirmed: true });
    expect(error).toMatchObject({ code: 'INVALID_STATE', message: ALREADY_CHALLENGED });
  });

  it('lets only one of two super users challenging at once win', async () => {
    const world = await createParticipantWorld(2024);
    const results = await Promise.allSettled([
      challengePartnership(userContext('super_user'), { partnershipId: world.partnership.id, reason: 'mistake', confirmed: true }),
      challengePartnership(userContext('super_user'), { partnershipId: world.partnership.id, reason: 'no_ects', confirmed: true }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(lost.reason).toMatchObject({ code: 'INVALID_STATE' });
    expect(await db().auditEvent.count({ where: { action: 'partnership.challenged', subjectId: world.partnership.id } })).toBe(1);
    expect(await db().emailOutbox.count({ where: { template: 'partnership_challenged', body: { contains: world.school.urn } } })).toBe(1);
  });
});
