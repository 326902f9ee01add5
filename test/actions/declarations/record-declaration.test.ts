import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { recordDeclaration } from '../../../src/actions/declarations/record-declaration.js';
import { ActionError } from '../../../src/actions/errors.js';
import { db } from '../../../src/db/client.js';
import {
  createCohort, createDeclaration, createLeadProvider, createParticipant, createParticipantWorld, createSchedule, userContext,
  type ParticipantWorld,
} from '../../support/factories.js';
import { apiContext, auditCount, openStatement } from '../../api/support/lead-provider.js';

let world: ParticipantWorld;

beforeAll(async () => {
  world = await createParticipantWorld(2024);
});

const submit = (participantId: string, overrides: Record<string, unknown> = {}, w = world) =>
  recordDeclaration(apiContext(w.leadProvider), {
    participantId,
    declarationType: 'started',
    declarationDate: '2024-10-01T10:00:00Z',
    courseIdentifier: 'ecf-induction',
    ...overrides,
  });

/** The refusal's field errors, or a failure if it was not refused. */
async function refusal(promise: Promise<unknown>): Promise<{ field: string; message: string }[]> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ActionError);
  return (error as ActionError).fieldErrors;
}

describe('recordDeclaration', () => {
  it('makes a fundable declaration eligible on the earliest open output-fee statement, with its history and audit', async () => {
    const later = await openStatement(world.leadProvider, world.cohort, 60);
    const next = await openStatement(world.leadProvider, world.cohort, 20);
    const participant = await createParticipant(world, { profile: { pupilPremiumUplift: true } });

    const declaration = await submit(participant.teacher.id, { evidenceHeld: 'other' });

    expect(declaration).toMatchObject({
      state: 'eligible', declarationType: 'started', deliveryPartnerId: world.deliveryPartner.id, cohortId: world.cohort.id,
      pupilPremiumUplift: true, sparsityUplift: false, evidenceHeld: null, courseIdentifier: 'ecf_induction',
    });
    expect(declaration.declarationDate.toISOString()).toBe('2024-10-01T10:00:00.000Z');
    const states = await db().declarationStateChange.findMany({ where: { declarationId: declaration.id }, orderBy: { createdAt: 'asc' } });
    expect(states.map((s) => s.state)).toEqual(['submitted', 'eligible']);
    const lineItems = await db().statementLineItem.findMany({ where: { declarationId: declaration.id } });
    expect(lineItems).toEqual([expect.objectContaining({ statementId: next.id, state: 'eligible' })]);
    expect(later.id).not.toBe(next.id);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectId: declaration.id } });
    expect(audit).toMatchObject({ action: 'declaration.submitted', actorType: 'api', actorId: world.leadProvider.cpdLeadProviderId });
  });

  it('leaves a declaration for a participant not yet found eligible as submitted and off every statement', async () => {
    const participant = await createParticipant(world, { profile: { eligibilityStatus: 'manual_check' } });
    const declaration = await submit(participant.teacher.id);
    expect(declaration.state).toBe('submitted');
    expect(await db().statementLineItem.count({ where: { declarationId: declaration.id } })).toBe(0);
  });

  it('refuses a second claim on the same event from any provider, writing nothing', async () => {
    const participant = await createParticipant(world);
    const otherProvider = await createLeadProvider();
    await createDeclaration(participant, otherProvider, { declarationType: 'started', state: 'payable' });
    const before = { declarations: await db().declaration.count(), audits: await auditCount() };

    expect(await refusal(submit(participant.teacher.id))).toEqual([
      { field: 'base', message: 'A declaration has already been submitted that will be, or has been, paid for this event' },
    ]);
    expect({ declarations: await db().declaration.count(), audits: await auditCount() }).toEqual(before);
  });

  it('makes a declaration for the same person under another identity (same TRN) ineligible as a duplicate', async () => {
    const statement = await openStatement(world.leadProvider, world.cohort, 10);
    const original = await createParticipant(world, { trn: '7654321' });
    const first = await createDeclaration(original, world.leadProvider, { declarationType: 'retained_1', state: 'eligible' });
    const duplicate = await createParticipant(world, { trn: '7654321' });

    const declaration = await submit(duplicate.teacher.id, { declarationType: 'retained-1', evidenceHeld: 'training-event-attended' });

    expect(declaration).toMatchObject({ state: 'ineligible', supersededById: first.id });
    const ineligible = await db().declarationStateChange.findFirstOrThrow({ where: { declarationId: declaration.id, state: 'ineligible' } });
    expect(ineligible.stateReason).toBe('duplicate');
    expect(await db().statementLineItem.findFirst({ where: { declarationId: declaration.id } })).toMatchObject({ statementId: statement.id, state: 'ineligible' });
  });

  it('reports every missing or unreadable attribute together', async () => {
    expect(await refusal(submit(randomUUID(), { declarationType: undefined, declarationDate: 'not a date' }))).toEqual([
      { field: 'participant_id', message: "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again." },
      { field: 'declaration_date', message: "Enter a '#/declaration_date'." },
      { field: 'declaration_type', message: "Enter a '#/declaration_type'." },
      // Text that reads as no time is also judged as text (app/validators/declaration_date_validator.rb).
      { field: 'declaration_date', message: "Enter a valid RCF3339 '#/declaration_date'." },
    ]);
  });

  it('refuses dates in the future or not in RFC 3339', async () => {
    const participant = await createParticipant(world);
    expect(await refusal(submit(participant.teacher.id, { declarationDate: '2024-10-01' }))).toEqual([
      { field: 'declaration_date', message: "Enter a valid RCF3339 '#/declaration_date'." },
    ]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect(await refusal(submit(participant.teacher.id, { declarationDate: tomorrow }))).toEqual([
      { field: 'declaration_date', message: "The '#/declaration_date' value cannot be a future date. Check the date and try again." },
    ]);
  });

  it('keeps declarations inside the milestone window: from its start day to the end of its milestone date', async () => {
    const cohort = await createCohort(2023);
    const schedule = await createSchedule(cohort);
    await db().milestone.updateMany({ where: { scheduleId: schedule.id, declarationType: 'started' }, data: { startDate: new Date('2023-09-01'), milestoneDate: new Date('2023-12-31') } });
    const w = await createParticipantWorld(2023, { cohort, schedule });
    await openStatement(w.leadProvider, cohort);
    const participant = await createParticipant(w);

    expect(await refusal(submit(participant.teacher.id, { declarationDate: '2023-08-31T23:59:59Z' }, w))).toEqual([
      { field: 'declaration_date', message: "Enter a '#/declaration_date' that's on or after the milestone start." },
    ]);
    expect(await refusal(submit(participant.teacher.id, { declarationDate: '2024-01-01T00:00:00Z' }, w))).toEqual([
      { field: 'declaration_date', message: "Enter a '#/declaration_date' that's before the milestone end date." },
    ]);
    await expect(submit(participant.teacher.id, { declarationDate: '2023-12-31T23:59:59+00:00' }, w)).resolves.toMatchObject({ state: 'eligible' });
  });

  it('refuses a declaration type the schedule has no milestone for', async () => {
    const cohort = await createCohort(2022);
    const schedule = await createSchedule(cohort, 'ecf-reduced-september');
    await db().milestone.deleteMany({ where: { scheduleId: schedule.id, declarationType: 'extended_3' } });
    const w = await createParticipantWorld(2022, { cohort, schedule });
    await openStatement(w.leadProvider, cohort);
    const participant = await createParticipant(w);
    expect(await refusal(submit(participant.teacher.id, { declarationType: 'extended-3', evidenceHeld: 'other' }, w))).toEqual([
      { field: 'declaration_type', message: "The property '#/declaration_type' does not exist for this schedule." },
    ]);
  });

  it('answers NPQ courses, unheld courses and unknown participants with the DfE messages', async () => {
    const participant = await createParticipant(world);
    expect(await refusal(submit(participant.teacher.id, { courseIdentifier: 'npq-senior-leadership' }))).toEqual([
      { field: 'course_identifier', message: 'NPQ Courses are no longer supported' },
    ]);
    // The NPQ refusal halts validation (app/services/record_declaration.rb: a before_validation callback that
    // throws :abort), so nothing else is judged, however wrong.
    expect(await refusal(submit('not-an-id', { courseIdentifier: 'npq-senior-leadership', declarationType: undefined, declarationDate: '2024-19-01T10:00:00Z' }))).toEqual([
      { field: 'course_identifier', message: 'NPQ Courses are no longer supported' },
    ]);
    expect(await refusal(submit(participant.teacher.id, { courseIdentifier: 'ecf-mentor' }))).toEqual([
      { field: 'course_identifier', message: "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again." },
    ]);
    expect(await refusal(submit('not-an-id'))).toEqual([
      { field: 'participant_id', message: "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again." },
    ]);
  });

  it("refuses a provider that does not train the participant (another provider's participant)", async () => {
    const participant = await createParticipant(world);
    const stranger = await createParticipantWorld(2024, { cohort: world.cohort, schedule: world.schedule });
    await openStatement(stranger.leadProvider, world.cohort);
    expect(await refusal(submit(participant.teacher.id, {}, stranger))).toEqual([
      { field: 'participant_id', message: "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again." },
    ]);
  });

  it('needs evidence for events after the start, from the list for the cohort', async () => {
    const participant = await createParticipant(world);
    const retained = { declarationType: 'retained-1', declarationDate: '2025-01-10T09:00:00Z' };
    expect(await refusal(submit(participant.teacher.id, retained))).toEqual([
      { field: 'evidence_held', message: "Enter a '#/evidence_held' value for this participant." },
    ]);
    expect(await refusal(submit(participant.teacher.id, { ...retained, evidenceHeld: '75-percent-engagement-met' }))).toEqual([
      { field: 'evidence_held', message: "Enter an available '#/evidence_held' type for this participant's event and course." },
    ]);
    await expect(submit(participant.teacher.id, { ...retained, evidenceHeld: 'self-study-material-completed' })).resolves.toMatchObject({
      evidenceHeld: 'self-study-material-completed',
    });
  });

  it('uses the detailed evidence types from 2025, and lets 2025 mentors claim only started and completed', async () => {
    const cohort = await createCohort(2025);
    const w = await createParticipantWorld(2025, { cohort, schedule: await createSchedule(cohort) });
    await openStatement(w.leadProvider, cohort);
    const ect = await createParticipant(w);
    const retained2 = { declarationType: 'retained-2', declarationDate: '2025-11-01T09:00:00Z' };
    expect(await refusal(submit(ect.teacher.id, { ...retained2, evidenceHeld: 'training-event-attended' }, w))).toEqual([
      { field: 'evidence_held', message: "Enter an available '#/evidence_held' type for this participant's event and course." },
    ]);
    await expect(submit(ect.teacher.id, { ...retained2, evidenceHeld: '75-percent-engagement-met' }, w)).resolves.toMatchObject({ state: 'eligible' });

    const mentor = await createParticipant(w, { type: 'mentor' });
    expect(await refusal(submit(mentor.teacher.id, { ...retained2, courseIdentifier: 'ecf-mentor', evidenceHeld: 'other' }, w))).toEqual([
      {
        field: 'declaration_type',
        message: 'You cannot send retained or extended declarations for participants who began their mentor training after June 2025. Resubmit this declaration with either a started or completed declaration.',
      },
    ]);
    const completed = await submit(mentor.teacher.id, {
      declarationType: 'completed', declarationDate: '2025-11-02T09:00:00Z', courseIdentifier: 'ecf-mentor', evidenceHeld: '75-percent-engagement-met',
    }, w);
    const profile = await db().participantProfile.findUniqueOrThrow({ where: { id: mentor.profile.id } });
    expect(profile).toMatchObject({ mentorCompletionReason: 'completed_declaration_received' });
    expect(profile.mentorCompletionDate?.toISOString().slice(0, 10)).toBe('2025-11-02');
    expect(completed.state).toBe('eligible');
  });

  it('refuses a declaration dated after the provider withdrew the participant, quoting the withdrawal time', async () => {
    const participant = await createParticipant(world);
    const withdrawnAt = new Date('2024-11-15T12:30:00Z');
    await db().participantProfileState.create({
      data: { participantProfileId: participant.profile.id, state: 'withdrawn', reason: 'moved-school', cpdLeadProviderId: world.leadProvider.cpdLeadProviderId, createdAt: withdrawnAt },
    });
    await db().inductionRecord.update({ where: { id: participant.inductionRecord.id }, data: { trainingStatus: 'withdrawn' } });

    expect(await refusal(submit(participant.teacher.id, { declarationDate: '2024-11-20T09:00:00Z' }))).toEqual([
      {
        field: 'participant_id',
        message: "This participant withdrew from this course on 2024-11-15T12:30:00Z. Enter a '#/declaration_date' that's on or before the withdrawal date.",
      },
    ]);
    await expect(submit(participant.teacher.id, { declarationDate: '2024-11-10T09:00:00Z' })).resolves.toMatchObject({ state: 'eligible' });
  });

  it("refuses a fundable declaration when the cohort's funding contract has ended (no open output-fee statement)", async () => {
    const cohort = await createCohort(2021);
    const w = await createParticipantWorld(2021, { cohort, schedule: await createSchedule(cohort) });
    const participant = await createParticipant(w);
    expect(await refusal(submit(participant.teacher.id, { declarationDate: '2021-10-01T10:00:00Z' }, w))).toEqual([
      {
        field: 'cohort',
        message: 'You cannot submit or void declarations for the 2021 cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us',
      },
    ]);
  });

  it('judges a resubmission by the declaration it repeats: one still only submitted needs no statement, even once the participant is fundable', async () => {
    const cohort = await createCohort(2021);
    const w = await createParticipantWorld(2021, { cohort, schedule: await createSchedule(cohort) });
    const participant = await createParticipant(w, { profile: { eligibilityStatus: 'manual_check' } });
    const first = await submit(participant.teacher.id, { declarationDate: '2021-10-01T10:00:00Z' }, w);
    expect(first.state).toBe('submitted');
    await db().participantProfile.update({ where: { id: participant.profile.id }, data: { eligibilityStatus: 'eligible' } });
    // The cohort has no output-fee statement left: a new fundable declaration would also be refused for that.
    expect(await refusal(submit(participant.teacher.id, { declarationDate: '2021-10-01T10:00:00Z' }, w))).toEqual([
      { field: 'base', message: 'A declaration has already been submitted that will be, or has been, paid for this event' },
    ]);
  });

  it('is for lead providers only', async () => {
    const participant = await createParticipant(world);
    await expect(recordDeclaration(userContext('admin'), { participantId: participant.teacher.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
