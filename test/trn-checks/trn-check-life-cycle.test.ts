// Manual TRN checks from request to answer: the back office's queue (the default adapter) and a
// Zendesk-style ticket API (a fake server here), through the daily job; answers update the teacher's
// TRN and the profile's validation state, audited.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { db } from '../../src/db/client.js';
import { requestTrnCheck } from '../../src/actions/trn-checks/request-trn-check.js';
import { recordTrnCheckAnswer } from '../../src/actions/trn-checks/record-trn-check-answer.js';
import { runJob } from '../../src/actions/jobs/run-job.js';
import { trnChecksJob, type TrnChecksJobOutput } from '../../src/jobs/trn-checks-job.js';
import { trnChecksPoll } from '../../src/cli/commands/trn-checks-poll.js';
import { createParticipant, createParticipantWorld, userContext, type ParticipantWorld } from '../support/factories.js';
import { startFakeZendesk, type FakeZendesk } from './fake-zendesk.js';
import { requestTrnCheckPage } from '../../src/admin/trn-checks/request-trn-check-page.js';
import { recordTrnCheckAnswerPage } from '../../src/admin/trn-checks/record-trn-check-answer-page.js';

const support = userContext('support');
let world: ParticipantWorld;

beforeAll(async () => {
  world = await createParticipantWorld(2024);
});

const ZENDESK_ENV = ['TRN_CHECK_ADAPTER', 'ZENDESK_URL', 'ZENDESK_EMAIL', 'ZENDESK_TOKEN'];
afterEach(() => {
  for (const key of ZENDESK_ENV) delete process.env[key];
});

async function unvalidatedParticipant(trn = '12345') {
  const participant = await createParticipant(world, { trn, profile: { trnValidationState: 'not_started' } });
  await db().teacher.update({ where: { id: participant.teacher.id }, data: { dateOfBirth: new Date('1990-03-12T00:00:00Z'), nationalInsuranceNumber: 'QQ123456C' } });
  return participant;
}

async function runTrnChecks(): Promise<TrnChecksJobOutput> {
  const { run } = await runJob(trnChecksJob, {});
  expect(run.state).toBe('succeeded');
  return run.output as unknown as TrnChecksJobOutput;
}

/** Closes the checks other tests left waiting or open, so a test counts only its own (tests run in any order). */
async function closeChecksLeftWaiting(): Promise<void> {
  await db().trnCheckRequest.updateMany({ where: { state: { in: ['requested', 'open'] } }, data: { state: 'not_found' } });
}

const auditActions = async (subjectId: string) =>
  (await db().auditEvent.findMany({ where: { subjectId }, orderBy: { createdAt: 'asc' } })).map((e) => e.action);

describe('requesting a manual TRN check', () => {
  it('records the details as they are, marks the TRN as awaiting the check, and returns the waiting one when asked again', async () => {
    const { profile } = await unvalidatedParticipant();
    const first = await requestTrnCheck(support, { participantProfileId: profile.id, reason: 'No DQT record matched 3 of 4 details' });
    expect(first.created).toBe(true);
    expect(await db().trnCheckRequest.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      state: 'requested', trnGiven: '12345', nationalInsuranceNumber: 'QQ123456C', reason: 'No DQT record matched 3 of 4 details', requestedBy: 'support@example.com',
    });
    expect((await db().participantProfile.findUniqueOrThrow({ where: { id: profile.id } })).trnValidationState).toBe('manual_check_requested');
    expect(await auditActions(first.id)).toEqual(['trn_check.requested']);
    expect(await auditActions(profile.id)).toEqual(['participant.trn_check_requested']);

    expect(await requestTrnCheck(support, { participantProfileId: profile.id })).toEqual({ id: first.id, created: false });
    expect(await db().trnCheckRequest.count({ where: { participantProfileId: profile.id } })).toBe(1);
  });

  it('refuses finance, writing nothing', async () => {
    const { profile } = await unvalidatedParticipant();
    const events = await db().auditEvent.count();
    await expect(requestTrnCheck(userContext('finance'), { participantProfileId: profile.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db().trnCheckRequest.count({ where: { participantProfileId: profile.id } })).toBe(0);
    expect(await db().auditEvent.count()).toBe(events);
  });
});

describe('the participant page and the queue page', () => {
  it('request a check once, then show it is waiting; the answer form needs an outcome', async () => {
    const { profile } = await unvalidatedParticipant();
    expect((await requestTrnCheckPage.load(support, profile.id)).blockers).toEqual([]);
    expect(await requestTrnCheckPage.submit(support, profile.id, { reason: 'Support asked' })).toBe('TRN check requested. It is in the TRN checks queue.');
    expect((await requestTrnCheckPage.load(support, profile.id)).blockers).toEqual(['A TRN check is already waiting for this participant (requested by support@example.com).']);

    const request = await db().trnCheckRequest.findFirstOrThrow({ where: { participantProfileId: profile.id } });
    await expect(recordTrnCheckAnswerPage.submit(support, request.id, {})).rejects.toThrow('Enter the TRN found, or a note of why no record was found');
    expect(await recordTrnCheckAnswerPage.submit(support, request.id, { outcome: 'not_found', failureNote: 'Nobody by that name' })).toBe('Recorded: no teacher record was found, so the TRN is marked invalid.');
    expect((await recordTrnCheckAnswerPage.load(support, request.id)).blockers).toEqual(['This TRN check has already been answered.']);
  });
});

describe('the back office queue (default adapter)', () => {
  it('puts the request in the queue, where support record the TRN found, which validates the participant', async () => {
    delete process.env.TRN_CHECK_ADAPTER;
    await closeChecksLeftWaiting();
    const { teacher, profile } = await unvalidatedParticipant('12345');
    const { id } = await requestTrnCheck(support, { participantProfileId: profile.id });

    const output = await runTrnChecks();
    expect(output).toMatchObject({ adapter: 'back_office', sent: 1, answered: 0, problems: [] });
    expect(await db().trnCheckRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'open', adapter: 'back_office', ticketId: id });

    await expect(recordTrnCheckAnswer(support, { trnCheckRequestId: id, trn: '123' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ['trn'], message: 'Teacher reference number must include at least 5 digits' })],
    });
    await expect(recordTrnCheckAnswer(support, { trnCheckRequestId: id })).rejects.toThrow('Enter the TRN found, or a note of why no record was found');
    const answered = await recordTrnCheckAnswer(support, { trnCheckRequestId: id, trn: '765 432' });
    expect(answered).toMatchObject({ state: 'trn_found', trnFound: '0765432', answeredBy: 'support@example.com' });
    expect((await db().teacher.findUniqueOrThrow({ where: { id: teacher.id } })).trn).toBe('0765432');
    expect((await db().participantProfile.findUniqueOrThrow({ where: { id: profile.id } })).trnValidationState).toBe('valid');
    expect(await auditActions(teacher.id)).toEqual(['teacher.trn_confirmed_by_tra']);
    expect(await auditActions(id)).toEqual(['trn_check.requested', 'trn_check.sent', 'trn_check.trn_found']);

    await expect(recordTrnCheckAnswer(support, { trnCheckRequestId: id, failureNote: 'Second thoughts' })).rejects.toThrow('This TRN check has already been answered.');
    expect((await runTrnChecks()).sent).toBe(0);
  });

  it('records a failure note, which marks the TRN invalid and leaves it unchanged', async () => {
    const { teacher, profile } = await unvalidatedParticipant('55555');
    const { id } = await requestTrnCheck(support, { participantProfileId: profile.id });
    // Support may answer before the job has run.
    await recordTrnCheckAnswer(support, { trnCheckRequestId: id, failureNote: 'No record with this name and date of birth' });
    expect(await db().trnCheckRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'not_found', failureNote: 'No record with this name and date of birth' });
    expect((await db().participantProfile.findUniqueOrThrow({ where: { id: profile.id } })).trnValidationState).toBe('invalid');
    expect((await db().teacher.findUniqueOrThrow({ where: { id: teacher.id } })).trn).toBe('55555');
  });
});

describe('the Zendesk adapter', () => {
  let zendesk: FakeZendesk;
  beforeAll(async () => { zendesk = await startFakeZendesk(); });
  afterAll(async () => { await zendesk.close(); });

  const useZendesk = () => Object.assign(process.env, { TRN_CHECK_ADAPTER: 'zendesk', ZENDESK_URL: `${zendesk.url}/`, ZENDESK_EMAIL: 'ecf@example.com', ZENDESK_TOKEN: 'secret-token' });

  it('raises a ticket with the details, waits while it is open, and takes the TRN from the reply once solved', async () => {
    useZendesk();
    await closeChecksLeftWaiting();
    const { teacher, profile } = await unvalidatedParticipant('99999');
    const { id } = await requestTrnCheck(support, { participantProfileId: profile.id, reason: 'Name did not match' });

    expect(await runTrnChecks()).toMatchObject({ adapter: 'zendesk', sent: 1, polled: 0, answered: 0, problems: [] });
    const ticket = zendesk.tickets.at(-1)!;
    expect(ticket.authorization).toBe(`Basic ${Buffer.from('ecf@example.com/token:secret-token').toString('base64')}`);
    expect(ticket).toMatchObject({ externalId: id, subject: `Manual TRN check: ${teacher.fullName}` });
    expect(ticket.comments[0].body).toContain('Date of birth: 1990-03-12');
    expect(ticket.comments[0].body).toContain('National Insurance number: QQ123456C');
    expect(ticket.comments[0].body).toContain('TRN given: 99999');
    expect(ticket.comments[0].body).toContain('Why it could not be validated: Name did not match');
    expect(await db().trnCheckRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'open', adapter: 'zendesk', ticketId: String(ticket.id) });

    await expect(recordTrnCheckAnswer(support, { trnCheckRequestId: id, trn: '1234567' })).rejects.toThrow(`This check is with the TRA as Zendesk ticket ${ticket.id}: its answer is taken from that ticket.`);

    expect(await runTrnChecks()).toMatchObject({ sent: 0, polled: 1, answered: 0 });
    expect((await db().trnCheckRequest.findUniqueOrThrow({ where: { id } })).lastPolledAt).not.toBeNull();

    zendesk.solve(ticket.id, 'Found in DQT under her married name.\nTRN: 2345678');
    expect(await runTrnChecks()).toMatchObject({ polled: 1, answered: 1, problems: [] });
    expect(await db().trnCheckRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'trn_found', trnFound: '2345678', answeredBy: 'System: trn-checks job' });
    expect((await db().teacher.findUniqueOrThrow({ where: { id: teacher.id } })).trn).toBe('2345678');
    expect((await db().participantProfile.findUniqueOrThrow({ where: { id: profile.id } })).trnValidationState).toBe('valid');
  });

  it('takes a reply without a TRN as the failure note', async () => {
    useZendesk();
    const { profile } = await unvalidatedParticipant('88888');
    const { id } = await requestTrnCheck(support, { participantProfileId: profile.id });
    await runTrnChecks();
    zendesk.solve(zendesk.tickets.at(-1)!.id, 'No record in DQT matches these details.');
    expect(await trnChecksPoll.run({ options: {}, positional: [] }, { say: () => {} })).toMatchObject({ state: 'succeeded', output: { answered: 1 } });
    expect(await db().trnCheckRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'not_found', failureNote: 'No record in DQT matches these details.' });
    expect((await db().participantProfile.findUniqueOrThrow({ where: { id: profile.id } })).trnValidationState).toBe('invalid');
  });

  it('lists a ticket it could not raise and tries again next time', async () => {
    useZendesk();
    await closeChecksLeftWaiting();
    const { profile } = await unvalidatedParticipant();
    const { id } = await requestTrnCheck(support, { participantProfileId: profile.id });
    zendesk.failWith = 503;
    try {
      const output = await runTrnChecks();
      expect(output.sent).toBe(0);
      expect(output.problems).toEqual([{ trnCheckRequestId: id, message: expect.stringContaining('Not sent: Zendesk POST /api/v2/tickets.json answered 503') }]);
      expect((await db().trnCheckRequest.findUniqueOrThrow({ where: { id } })).state).toBe('requested');
    } finally {
      zendesk.failWith = null;
    }
    expect((await runTrnChecks()).sent).toBe(1);
  });

  it('refuses to start without its settings', async () => {
    process.env.TRN_CHECK_ADAPTER = 'zendesk';
    const { run } = await runJob(trnChecksJob, {});
    expect(run.state).toBe('failed');
    expect(run.error).toBe('TRN_CHECK_ADAPTER=zendesk needs ZENDESK_URL, ZENDESK_EMAIL, ZENDESK_TOKEN.');
  });
});
