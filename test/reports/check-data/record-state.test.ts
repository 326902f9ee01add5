// Each status a delivery partner sees, derived as the DfE's TrainingRecordState#record_state does,
// including the order in which the rules win over each other.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { STATUS_LABELS, statusOf, type RecordState, type StatusId } from '../../../src/reports/check-data/statuses.js';
import { createParticipantWorld, type ParticipantWorld } from '../../support/factories.js';
import { addParticipant, AFTER, allRows, BEFORE, type ParticipantSetup } from './check-data-world.js';

let world: ParticipantWorld;
beforeAll(async () => {
  world = await createParticipantWorld(2024);
});

async function stateOf(setup: ParticipantSetup): Promise<RecordState> {
  const { profile } = await addParticipant(world, setup);
  const row = (await allRows(world.deliveryPartner.id)).find((r) => r.participantProfileId === profile.id);
  return row!.recordState;
}

const started = { inductionStartDate: new Date('2024-09-01T00:00:00Z') };

const cases: [string, RecordState, StatusId, ParticipantSetup][] = [
  ['TRN not yet validated', 'validation_not_started', 'contacted_for_information', { profile: { trnValidationState: 'not_started' } }],
  ['a different TRN to check', 'different_trn', 'dfe_checking_eligibility', { profile: { eligibilityStatus: 'manual_check', eligibilityReason: 'different_trn' } }],
  ['no DQT record matched', 'tra_record_not_found', 'dfe_checking_eligibility', { profile: { trnValidationState: 'invalid' } }],
  ['an ECT without a TRN', 'tra_record_not_found', 'dfe_checking_eligibility', { trn: null }],
  ['a TRN awaiting a manual check, no reason yet', 'checks_not_complete', 'dfe_checking_eligibility', { profile: { trnValidationState: 'manual_check_requested', eligibilityStatus: 'manual_check' } }],
  ['active flags to check', 'active_flags', 'dfe_checking_eligibility', { profile: { eligibilityStatus: 'manual_check', eligibilityReason: 'active_flags' } }],
  ['no induction start recorded (FIP)', 'no_induction_start', 'dfe_checking_eligibility', { profile: { eligibilityStatus: 'manual_check', eligibilityReason: 'no_induction' } }],
  ['active flags, ineligible', 'not_allowed', 'not_eligible_for_funded_training', { profile: { eligibilityStatus: 'ineligible', eligibilityReason: 'active_flags' } }],
  ['a duplicate profile', 'duplicate_profile', 'not_eligible_for_funded_training', { profile: { eligibilityStatus: 'ineligible', eligibilityReason: 'duplicate_profile' } }],
  ['exempt from induction', 'exempt_from_induction', 'not_eligible_for_funded_training', { profile: { eligibilityStatus: 'ineligible', eligibilityReason: 'exempt_from_induction' } }],
  ['a previous induction', 'previous_induction', 'not_eligible_for_funded_training', { profile: { eligibilityStatus: 'ineligible', eligibilityReason: 'previous_induction' } }],
  ['no QTS yet', 'not_qualified', 'checking_qts', { profile: { eligibilityStatus: 'manual_check', eligibilityReason: 'no_qts' } }],
  ['eligible, induction not started', 'registered_for_fip_training', 'training_or_eligible_for_training', {}],
  ['eligible, induction started', 'active_fip_training', 'training_or_eligible_for_training', { profile: started }],
  ['leaving the school later', 'leaving', 'training_or_eligible_for_training', { record: { inductionStatus: 'leaving', endDate: AFTER } }],
  ['joining from another school later', 'joining', 'training_or_eligible_for_training', { record: { schoolTransfer: true, startDate: AFTER } }],
  ['deferred by the provider', 'deferred_training', 'participant_deferred', { profile: started, record: { trainingStatus: 'deferred' } }],
  ['withdrawn by the provider', 'withdrawn_training', 'no_longer_being_trained', { record: { trainingStatus: 'withdrawn' } }],
  ['withdrawn from the programme', 'withdrawn_programme', 'no_longer_being_trained', { record: { inductionStatus: 'withdrawn' } }],
  ['left the school', 'left', 'no_longer_being_trained', { record: { inductionStatus: 'leaving', endDate: BEFORE } }],
  ['moved on (record changed)', 'no_longer_involved', 'no_longer_being_trained', { record: { inductionStatus: 'changed', endDate: BEFORE } }],
  ['induction completed', 'completed_training', 'induction_completed', { profile: { ...started, inductionCompletionDate: BEFORE }, record: { inductionStatus: 'completed' } }],
];

describe('the status of an ECT', () => {
  it.each(cases)('%s: %s, shown as %s', async (_name, recordState, status, setup) => {
    const state = await stateOf(setup);
    expect(state).toBe(recordState);
    expect(statusOf(state)).toBe(status);
  });

  it('covers all eight statuses', () => {
    expect(new Set(cases.map((c) => c[2]))).toEqual(new Set(Object.keys(STATUS_LABELS)));
  });
});

describe('which rule wins', () => {
  it('a withdrawal from the programme shows even when the TRN is not validated', async () => {
    expect(await stateOf({ profile: { trnValidationState: 'not_started' }, record: { inductionStatus: 'withdrawn' } })).toBe('withdrawn_programme');
  });

  it("an ECT's completed induction shows even when eligibility is being checked", async () => {
    expect(await stateOf({ profile: { eligibilityStatus: 'manual_check', eligibilityReason: 'no_qts' }, record: { inductionStatus: 'completed' } })).toBe('completed_training');
  });

  it('an ECT with a changed record but no QTS shows the eligibility check first', async () => {
    expect(await stateOf({ profile: { eligibilityStatus: 'manual_check', eligibilityReason: 'no_qts' }, record: { inductionStatus: 'changed', endDate: BEFORE } })).toBe('not_qualified');
  });

  it('a missing induction start only matters on a full induction programme', async () => {
    const cip = await db().inductionProgramme.create({
      data: { schoolCohortId: world.schoolCohort.id, trainingProgramme: 'core_induction_programme', partnershipId: world.partnership.id },
    });
    expect(await stateOf({ profile: { eligibilityStatus: 'manual_check', eligibilityReason: 'no_induction' }, record: { inductionProgrammeId: cip.id } })).toBe('registered_for_cip_training');
    expect(await stateOf({ profile: started, record: { inductionProgrammeId: cip.id } })).toBe('active_cip_training');
  });

  it('a school-funded programme is not registered training', async () => {
    const funded = await db().inductionProgramme.create({
      data: { schoolCohortId: world.schoolCohort.id, trainingProgramme: 'school_funded_fip', partnershipId: world.partnership.id },
    });
    expect(await stateOf({ profile: started, record: { inductionProgrammeId: funded.id } })).toBe('not_registered_for_training');
  });
});

describe('the status of a mentor', () => {
  async function mentorWithMentee(setup: ParticipantSetup, menteeRecord: Partial<ParticipantSetup['record']> = {}) {
    const mentor = await addParticipant(world, { ...setup, type: 'mentor' });
    await addParticipant(world, { record: { mentorProfileId: mentor.profile.id, ...menteeRecord } });
    return mentor;
  }
  const stateOfProfile = async (id: string) => (await allRows(world.deliveryPartner.id)).find((r) => r.participantProfileId === id)!.recordState;

  it('is "not yet mentoring" (training or eligible) before any mentee', async () => {
    expect(await stateOf({ type: 'mentor' })).toBe('not_yet_mentoring');
  });

  it('is "active mentoring" with a current mentee', async () => {
    const mentor = await mentorWithMentee({});
    expect(await stateOfProfile(mentor.profile.id)).toBe('active_mentoring');
  });

  it('is not eligible for funded training after the early roll-out, while mentoring', async () => {
    const mentor = await mentorWithMentee({ profile: { eligibilityStatus: 'ineligible', eligibilityReason: 'previous_participation' } });
    expect(await stateOfProfile(mentor.profile.id)).toBe('active_mentoring_ero');
    expect(statusOf('active_mentoring_ero')).toBe('not_eligible_for_funded_training');
  });

  it('is not eligible after the early roll-out once mentees have moved on', async () => {
    const mentor = await mentorWithMentee(
      { profile: { eligibilityStatus: 'ineligible', eligibilityReason: 'previous_participation' } },
      { inductionStatus: 'changed', endDate: BEFORE },
    );
    expect(await stateOfProfile(mentor.profile.id)).toBe('not_yet_mentoring_ero');
  });

  it('who left the school shows as left', async () => {
    const mentor = await mentorWithMentee({ record: { inductionStatus: 'leaving', endDate: BEFORE } });
    expect(await stateOfProfile(mentor.profile.id)).toBe('left');
  });

  it("still shows as mentoring when deferred, as the DfE's does (deferral only overrides for ECTs)", async () => {
    const mentor = await mentorWithMentee({ record: { trainingStatus: 'deferred' } });
    expect(await stateOfProfile(mentor.profile.id)).toBe('active_mentoring');
  });

  it('shows active flags before anything about mentoring', async () => {
    const mentor = await mentorWithMentee({ profile: { eligibilityStatus: 'manual_check', eligibilityReason: 'active_flags' } });
    expect(await stateOfProfile(mentor.profile.id)).toBe('active_flags');
  });
});
