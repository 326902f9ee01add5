import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { db } from '../../src/db/client.js';
import { createDeclaration, createParticipant, createParticipantWorld, createStatement, type ParticipantWorld } from '../support/factories.js';
import { createToken, startApi, type ApiClient } from './support/api-client.js';
import { openStatement } from './support/lead-provider.js';

let world: ParticipantWorld;
let api: ApiClient;

beforeAll(async () => {
  world = await createParticipantWorld(2024);
  api = await startApi(await createToken(world.leadProvider));
});
afterAll(() => api.close());

/**
 * A new open statement that is the one to pay the next declaration: other tests' open statements (with
 * earlier cut-offs, in any order the tests run) are made payable first.
 */
async function theOpenStatement(deadlineInDays?: number) {
  await db().statement.updateMany({ where: { cpdLeadProviderId: world.leadProvider.cpdLeadProviderId, cohortId: world.cohort.id, state: 'open' }, data: { state: 'payable' } });
  return openStatement(world.leadProvider, world.cohort, deadlineInDays);
}

const declare = (attributes: Record<string, unknown>) =>
  api.post('/participant-declarations', { data: { type: 'participant-declaration', attributes } });

describe('POST /participant-declarations', () => {
  it('records the declaration and answers with it, attached to the statement that will pay it', async () => {
    const statement = await theOpenStatement();
    const participant = await createParticipant(world, { profile: { sparsityUplift: true } });

    const { status, body } = await declare({
      participant_id: participant.teacher.id, declaration_type: 'started', declaration_date: '2024-10-01T10:00:00Z', course_identifier: 'ecf-induction',
    });

    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      type: 'participant-declaration',
      attributes: {
        participant_id: participant.teacher.id,
        declaration_type: 'started',
        declaration_date: '2024-10-01T10:00:00Z',
        course_identifier: 'ecf-induction',
        state: 'eligible',
        delivery_partner_id: world.deliveryPartner.id,
        statement_id: statement.id,
        clawback_statement_id: null,
        ineligible_for_funding_reason: null,
        mentor_id: null,
        uplift_paid: false,
        evidence_held: null,
        has_passed: null,
        lead_provider_name: world.leadProvider.name,
      },
    });
    expect((await api.get(`/participant-declarations/${body.data.id}`)).body).toEqual(body);
  });

  it('answers refusals with one 422 error per attribute, titled with the attribute', async () => {
    await openStatement(world.leadProvider, world.cohort);
    const participant = await createParticipant(world);
    const { status, body } = await declare({ participant_id: participant.teacher.id, course_identifier: 'ecf-induction', declaration_date: '2024-10-01' });
    expect(status).toBe(422);
    expect(body.errors).toEqual([
      // No type finds no milestone either (app/services/record_declaration.rb, validate_milestone_exists).
      { title: 'declaration_type', detail: "Enter a '#/declaration_type'., The property '#/declaration_type' does not exist for this schedule." },
      { title: 'declaration_date', detail: "Enter a valid RCF3339 '#/declaration_date'." },
    ]);
  });

  it('joins several messages about one attribute with a comma, as the DfE does', async () => {
    await openStatement(world.leadProvider, world.cohort);
    const participant = await createParticipant(world);
    const { body } = await declare({
      participant_id: participant.teacher.id, course_identifier: 'ecf-induction', declaration_type: 'started', declaration_date: '2999-01-01',
    });
    expect(body.errors).toEqual([
      {
        title: 'declaration_date',
        detail: "The '#/declaration_date' value cannot be a future date. Check the date and try again., Enter a valid RCF3339 '#/declaration_date'.",
      },
    ]);
  });
  // app/services/record_declaration.rb casts declaration_date to a time, then validates presence (of the
  // time) and, with app/validators/declaration_date_validator.rb, the text itself; Ruby's Time rolls a day
  // past the month's end over but refuses month 19 or 29 o'clock (spec/services/record_declaration_spec.rb).
  it('tells a missing declaration_date from one present but not a real RFC 3339 date-time', async () => {
    await openStatement(world.leadProvider, world.cohort);
    const participant = await createParticipant(world);
    const attempt = (declarationDate: unknown) => declare({
      participant_id: participant.teacher.id, course_identifier: 'ecf-induction', declaration_type: 'started', declaration_date: declarationDate,
    });
    const missing = { title: 'declaration_date', detail: "Enter a '#/declaration_date'." };
    const missingAndInvalid = { title: 'declaration_date', detail: "Enter a '#/declaration_date'., Enter a valid RCF3339 '#/declaration_date'." };
    expect((await attempt(undefined)).body.errors).toEqual([missing]);
    expect((await attempt('')).body.errors).toEqual([missing]);
    for (const unreal of ['2024-19-01T11:21:55Z', '2024-10-01T29:21:55Z', '2024-10-32T10:00:00Z', 'next tuesday']) {
      expect([unreal, (await attempt(unreal)).body.errors]).toEqual([unreal, [missingAndInvalid]]);
    }
    const rolledOver = await attempt('2024-09-31T10:00:00Z');
    expect(rolledOver.status).toBe(200);
    expect(rolledOver.body.data.attributes.declaration_date).toBe('2024-10-01T10:00:00Z');
  });
});

describe('PUT /participant-declarations/{id}/void', () => {
  it('voids, then refuses to void again as an invalid action', async () => {
    await openStatement(world.leadProvider, world.cohort);
    const participant = await createParticipant(world);
    const declaration = await createDeclaration(participant, world.leadProvider, { state: 'submitted' });

    const voided = await api.put(`/participant-declarations/${declaration.id}/void`, undefined);
    expect(voided.status).toBe(200);
    expect(voided.body.data.attributes.state).toBe('voided');
    expect(await api.put(`/participant-declarations/${declaration.id}/void`, undefined)).toEqual({
      status: 422,
      body: { errors: [{ title: 'Invalid action', detail: 'This declaration has already been voided.' }] },
    });
  });

  it('shows a clawed-back paid declaration with both statements', async () => {
    const paid = await createStatement(world.leadProvider, world.cohort, { state: 'paid' });
    const next = await theOpenStatement(3);
    const participant = await createParticipant(world, { profile: { pupilPremiumUplift: true } });
    const declaration = await createDeclaration(participant, world.leadProvider, { state: 'paid', statement: paid });
    await db().declaration.update({ where: { id: declaration.id }, data: { pupilPremiumUplift: true } });

    const { body } = await api.put(`/participant-declarations/${declaration.id}/void`, undefined);

    expect(body.data.attributes).toMatchObject({ state: 'awaiting-clawback', statement_id: paid.id, clawback_statement_id: next.id, uplift_paid: true });
  });

  it("cannot void another provider's declaration", async () => {
    const other = await createParticipantWorld(2024, { cohort: world.cohort, schedule: world.schedule });
    const theirs = await createDeclaration(await createParticipant(other), other.leadProvider, { state: 'submitted' });
    expect(await api.put(`/participant-declarations/${theirs.id}/void`, undefined)).toEqual({ status: 404, body: { error: 'Resource not Found' } });
  });
});

describe('GET /participant-declarations', () => {
  it("lists the caller's declarations, and other providers' claims for participants now with the caller", async () => {
    const other = await createParticipantWorld(2024, { cohort: world.cohort, schedule: world.schedule });
    const arrived = await createParticipant(other);
    const earlierClaim = await createDeclaration(arrived, other.leadProvider, { state: 'paid', declarationType: 'started' });
    const voidedClaim = await createDeclaration(arrived, other.leadProvider, { state: 'voided', declarationType: 'retained_1' });
    await db().inductionRecord.create({
      data: { inductionProgrammeId: world.programme.id, participantProfileId: arrived.profile.id, scheduleId: world.schedule.id, startDate: new Date('2025-01-01') },
    });
    const stranger = await createDeclaration(await createParticipant(other), other.leadProvider, { state: 'eligible' });
    const own = await createDeclaration(await createParticipant(world), world.leadProvider, { state: 'submitted' });

    const listed = (await api.get('/participant-declarations?page[per_page]=3000')).body.data.map((d: { id: string }) => d.id);

    expect(listed).toEqual(expect.arrayContaining([earlierClaim.id, own.id]));
    expect(listed).not.toContain(voidedClaim.id);
    expect(listed).not.toContain(stranger.id);
    const shown = (await api.get(`/participant-declarations/${earlierClaim.id}`)).body.data.attributes;
    expect(shown.lead_provider_name).toBe(other.leadProvider.name);
    expect((await api.get(`/participant-declarations/${stranger.id}`)).status).toBe(404);
  });

  it('filters by participant, delivery partner, cohort and updated_since', async () => {
    const participant = await createParticipant(world);
    const declaration = await createDeclaration(participant, world.leadProvider, { state: 'submitted', deliveryPartnerId: world.deliveryPartner.id });
    const only = async (query: string) => (await api.get(`/participant-declarations?page[per_page]=3000&${query}`)).body.data.map((d: { id: string }) => d.id);

    expect(await only(`filter[participant_id]=${participant.teacher.id}`)).toEqual([declaration.id]);
    expect(await only(`filter[delivery_partner_id]=${world.deliveryPartner.id}`)).toContain(declaration.id);
    expect(await only('filter[cohort]=2023')).toEqual([]);
    expect(await only('filter[cohort]=2024')).toContain(declaration.id);
    const later = new Date(declaration.updatedAt.getTime() + 1).toISOString();
    expect(await only(`filter[updated_since]=${later}`)).not.toContain(declaration.id);
    expect(await only(`filter[updated_since]=${declaration.updatedAt.toISOString()}`)).toContain(declaration.id);
  });
});
