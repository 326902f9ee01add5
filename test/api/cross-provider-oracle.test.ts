// Another lead provider's participant must be indistinguishable from one that does not exist, on every
// endpoint that takes a participant: the same status and the same body, whatever the request gets wrong
// and whatever the owning provider has declared. (A deliberate difference: the DfE's service goes on to judge
// another provider's participant, which tells who exists; see the README, "Where we differ".)
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDeclaration, createParticipant, createParticipantWorld, createSchedule } from '../support/factories.js';
import { createToken, startApi, type ApiClient } from './support/api-client.js';
import { openStatement } from './support/lead-provider.js';

const NOT_RECOGNISED = "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again.";

let other: ApiClient;
let ownedId: string;
let mentorId: string;
const missingId = randomUUID();

beforeAll(async () => {
  const own = await createParticipantWorld(2024);
  const otherWorld = await createParticipantWorld(2024, { cohort: own.cohort, schedule: own.schedule });
  await createSchedule(own.cohort, 'ecf-extended-september');
  const statement = await openStatement(own.leadProvider, own.cohort);
  await openStatement(otherWorld.leadProvider, own.cohort);
  const participant = await createParticipant(own);
  ownedId = participant.teacher.id;
  // The owner has claimed `started`; `retained-1` is unclaimed.
  await createDeclaration(participant, own.leadProvider, { statement, declarationType: 'started', declarationDate: new Date('2024-10-01T10:00:00Z') });
  mentorId = (await createParticipant(own, { type: 'mentor' })).teacher.id;
  other = await startApi(await createToken(otherWorld.leadProvider));
});
afterAll(() => other?.close());

const declaration = (participantId: string, attributes: Record<string, unknown>) => ({
  data: {
    type: 'participant-declaration',
    attributes: { participant_id: participantId, declaration_type: 'retained-1', declaration_date: '2025-01-10T10:00:00Z', course_identifier: 'ecf-induction', evidence_held: 'training-event-attended', ...attributes },
  },
});

const DECLARATION_VARIANTS: Record<string, Record<string, unknown>> = {
  'a valid declaration': {},
  'an event the owner already claimed': { declaration_type: 'started', declaration_date: '2024-11-01T10:00:00Z' },
  'a course the participant does not hold': { course_identifier: 'ecf-mentor' },
  'before the milestone starts': { declaration_date: '2024-01-10T10:00:00Z' },
  'a type with no milestone': { declaration_type: 'extended-1' },
  'no evidence': { evidence_held: undefined },
  'a future date': { declaration_date: '2099-01-10T10:00:00Z' },
  'no date': { declaration_date: undefined },
};

const action = (type: string, attributes: Record<string, unknown>) => ({ data: { type, attributes: { course_identifier: 'ecf-induction', ...attributes } } });

const ACTION_VARIANTS: Record<string, { path: string; body: unknown }> = {
  'defer': { path: 'defer', body: action('participant-defer', { reason: 'career-break' }) },
  'defer, a course not held': { path: 'defer', body: action('participant-defer', { reason: 'career-break', course_identifier: 'ecf-mentor' }) },
  'defer, no reason': { path: 'defer', body: action('participant-defer', {}) },
  'resume': { path: 'resume', body: action('participant-resume', {}) },
  'withdraw': { path: 'withdraw', body: action('participant-withdraw', { reason: 'moved-school' }) },
  'withdraw, a bad reason': { path: 'withdraw', body: action('participant-withdraw', { reason: 'bored' }) },
  'change schedule': { path: 'change-schedule', body: action('participant-change-schedule', { schedule_identifier: 'ecf-extended-september', cohort: 2024 }) },
  'change schedule, an unknown schedule': { path: 'change-schedule', body: action('participant-change-schedule', { schedule_identifier: 'ecf-nonsense' }) },
};

/** The answer with the participant's id written as a placeholder, so two ids can be compared. */
const answer = (response: { status: number; body: unknown }, id: string) =>
  ({ status: response.status, body: JSON.parse(JSON.stringify(response.body ?? null).split(id).join('<id>')) as unknown });

describe("another provider's participant", () => {
  it('gets the same answer as a participant that does not exist, for every declaration', async () => {
    for (const [name, attributes] of Object.entries(DECLARATION_VARIANTS)) {
      for (const id of [ownedId, mentorId]) {
        const theirs = answer(await other.post('/participant-declarations', declaration(id, attributes)), id);
        const nobody = answer(await other.post('/participant-declarations', declaration(missingId, attributes)), missingId);
        expect({ name, ...theirs }).toEqual({ name, ...nobody });
      }
    }
    const valid = await other.post('/participant-declarations', declaration(ownedId, {}));
    expect(valid.status).toBe(422);
    expect(valid.body).toEqual({ errors: [{ title: 'participant_id', detail: NOT_RECOGNISED }] });
  });

  it('gets the same answer as a participant that does not exist, for every participant action', async () => {
    for (const [name, { path, body }] of Object.entries(ACTION_VARIANTS)) {
      for (const id of [ownedId, mentorId]) {
        const theirs = answer(await other.put(`/participants/ecf/${id}/${path}`, body), id);
        const nobody = answer(await other.put(`/participants/ecf/${missingId}/${path}`, body), missingId);
        expect({ name, ...theirs }).toEqual({ name, ...nobody });
      }
    }
  });

  it('gets the same answer as a participant that does not exist when reading', async () => {
    for (const path of ['/participants/ecf/<id>', '/participants/ecf/<id>/transfers', '/unfunded-mentors/ecf/<id>']) {
      const theirs = answer(await other.get(path.replace('<id>', ownedId)), ownedId);
      const nobody = answer(await other.get(path.replace('<id>', missingId)), missingId);
      expect({ path, ...theirs }).toEqual({ path, ...nobody });
    }
  });
});
