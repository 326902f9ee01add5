import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { voidDeclaration } from '../../../src/actions/declarations/void-declaration.js';
import { recordDeclaration } from '../../../src/actions/declarations/record-declaration.js';
import { db } from '../../../src/db/client.js';
import { createDeclaration, createParticipant, createParticipantWorld, createStatement, createUser, userContext, type ParticipantWorld } from '../../support/factories.js';
import { apiContext, auditCount, openStatement } from '../../api/support/lead-provider.js';

let world: ParticipantWorld;

beforeAll(async () => {
  world = await createParticipantWorld(2024);
});

const voidAs = (declarationId: string, ctx = apiContext(world.leadProvider)) =>
  voidDeclaration(ctx, { declarationId, ...(ctx.actor.kind === 'user' ? { reason: 'Voided by finance' } : {}) });

describe('voidDeclaration', () => {
  it('voids an eligible declaration and its line item, keeping the history', async () => {
    const statement = await openStatement(world.leadProvider, world.cohort);
    const declaration = await createDeclaration(await createParticipant(world), world.leadProvider, { state: 'eligible', statement });

    const voided = await voidAs(declaration.id);

    expect(voided).toMatchObject({ state: 'voided', voidedAt: null, voidedByUserId: null });
    expect(await db().statementLineItem.findFirst({ where: { declarationId: declaration.id } })).toMatchObject({ state: 'voided' });
    const states = await db().declarationStateChange.findMany({ where: { declarationId: declaration.id }, orderBy: { createdAt: 'asc' } });
    expect(states.map((s) => s.state)).toEqual(['submitted', 'eligible', 'voided']);
    expect(await db().auditEvent.findFirst({ where: { subjectId: declaration.id } })).toMatchObject({ action: 'declaration.voided', actorType: 'api' });
  });

  it('claws back a paid declaration on the next output-fee statement', async () => {
    const paidStatement = await createStatement(world.leadProvider, world.cohort, { state: 'paid' });
    const next = await openStatement(world.leadProvider, world.cohort, 5);
    const declaration = await createDeclaration(await createParticipant(world), world.leadProvider, { state: 'paid', statement: paidStatement });

    const clawedBack = await voidAs(declaration.id);

    expect(clawedBack.state).toBe('awaiting_clawback');
    const lineItems = await db().statementLineItem.findMany({ where: { declarationId: declaration.id }, orderBy: { createdAt: 'asc' } });
    expect(lineItems.map((l) => [l.statementId, l.state])).toEqual([[paidStatement.id, 'paid'], [next.id, 'awaiting_clawback']]);
    expect(await db().auditEvent.count({ where: { subjectId: declaration.id, action: 'declaration.clawback_requested' } })).toBe(1);
  });

  it('refuses to void twice, or to touch a declaration being clawed back, and writes nothing', async () => {
    const participant = await createParticipant(world);
    const voided = await createDeclaration(participant, world.leadProvider, { state: 'voided' });
    const clawing = await createDeclaration(participant, world.leadProvider, { state: 'awaiting_clawback', declarationType: 'retained_1' });
    const audits = await auditCount();

    await expect(voidAs(voided.id)).rejects.toMatchObject({ code: 'INVALID_STATE', message: 'This declaration has already been voided.', fieldErrors: [] });
    await expect(voidAs(clawing.id)).rejects.toMatchObject({ code: 'INVALID_STATE', message: 'This declaration has been clawed-back, so you can only view it.' });
    expect(await auditCount()).toBe(audits);
    expect((await db().declaration.findUniqueOrThrow({ where: { id: clawing.id } })).state).toBe('awaiting_clawback');
  });

  it('refuses to claw back when the cohort has no open output-fee statement, in the DfE words', async () => {
    const cohort = await db().cohort.create({
      data: { startYear: 2019, registrationStartDate: new Date('2019-05-10'), academicYearStartDate: new Date('2019-09-01'), automaticAssignmentPeriodEndDate: new Date('2020-03-31') },
    });
    const w = await createParticipantWorld(2019, { cohort });
    const declaration = await createDeclaration(await createParticipant(w), w.leadProvider, { state: 'paid' });
    await expect(voidDeclaration(apiContext(w.leadProvider), { declarationId: declaration.id })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      fieldErrors: [],
      message:
        'Participant declaration You cannot submit or void declarations for the 2019 cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us',
    });
    expect((await db().declaration.findUniqueOrThrow({ where: { id: declaration.id } })).state).toBe('paid');
  });

  it("does not let a provider void another provider's declaration", async () => {
    const other = await createParticipantWorld(2024, { cohort: world.cohort, schedule: world.schedule });
    const declaration = await createDeclaration(await createParticipant(other), other.leadProvider, { state: 'submitted' });
    await expect(voidAs(declaration.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(voidAs(randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets finance void in the back office, recording who did it; other roles may not', async () => {
    const declaration = await createDeclaration(await createParticipant(world), world.leadProvider, { state: 'submitted' });
    await expect(voidAs(declaration.id, userContext('support'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const finance = await createUser('finance');
    const voided = await voidAs(declaration.id, { actor: { kind: 'user', id: finance.id, email: finance.email, role: 'finance' } });
    expect(voided).toMatchObject({ state: 'voided', voidedByUserId: finance.id });
    expect(voided.voidedAt).toBeInstanceOf(Date);
  });

  it("undoes a mentor's completion when their completed declaration is voided", async () => {
    await openStatement(world.leadProvider, world.cohort);
    const mentor = await createParticipant(world, { type: 'mentor' });
    const declaration = await recordDeclaration(apiContext(world.leadProvider), {
      participantId: mentor.teacher.id, courseIdentifier: 'ecf-mentor', declarationType: 'completed',
      declarationDate: '2025-06-01T10:00:00Z', evidenceHeld: 'other',
    });
    expect((await db().participantProfile.findUniqueOrThrow({ where: { id: mentor.profile.id } })).mentorCompletionReason).toBe('completed_declaration_received');
    await voidAs(declaration.id);
    expect(await db().participantProfile.findUniqueOrThrow({ where: { id: mentor.profile.id } })).toMatchObject({ mentorCompletionDate: null, mentorCompletionReason: null });
  });
});
