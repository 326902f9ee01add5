import { beforeAll, describe, expect, it } from '@jest/globals';
import type { DeclarationState } from '@prisma/client';
import { NEEDS_SECOND_APPROVER } from '../../../src/actions/approvals/approval-rules.js';
import { voidDeclaration, voidDeclarationIn } from '../../../src/actions/declarations/void-declaration.js';
import type { ActorContext } from '../../../src/actions/actor.js';
import { db } from '../../../src/db/client.js';
import { createDeclaration, createParticipant, createParticipantWorld, createStatement, createUser, userContext, type ParticipantWorld } from '../../support/factories.js';
import { auditCount, openStatement } from '../../api/support/lead-provider.js';

let world: ParticipantWorld;
let finance: ActorContext;

beforeAll(async () => {
  world = await createParticipantWorld(2024);
  const user = await createUser('finance');
  finance = { actor: { kind: 'user', id: user.id, email: user.email, role: 'finance' } };
});

const declarationIn = async (state: DeclarationState) => {
  const statement = await openStatement(world.leadProvider, world.cohort);
  return createDeclaration(await createParticipant(world), world.leadProvider, { state, statement });
};

describe('voiding a declaration as the DfE', () => {
  it.each(['submitted', 'eligible', 'payable', 'ineligible'] as const)('voids a %s declaration, with the reason in the audit log', async (state) => {
    const declaration = await declarationIn(state);

    const voided = await voidDeclaration(finance, { declarationId: declaration.id, reason: 'Duplicate of another declaration' });

    expect(voided).toMatchObject({ state: 'voided', voidedByUserId: (finance.actor as { id: string }).id });
    expect(voided.voidedAt).toBeInstanceOf(Date);
    const lineItems = await db().statementLineItem.findMany({ where: { declarationId: declaration.id } });
    expect(lineItems.every((l) => l.state === 'voided')).toBe(true);
    expect(await db().auditEvent.findFirst({ where: { subjectId: declaration.id } })).toMatchObject({
      action: 'declaration.voided', actorType: 'user', reason: 'Duplicate of another declaration', before: { state }, after: { state: 'voided' },
    });
  });

  it('claws back a paid declaration on the next output-fee statement once a second person approves', async () => {
    const paid = await createStatement(world.leadProvider, world.cohort, { state: 'paid' });
    const next = await openStatement(world.leadProvider, world.cohort, 5);
    const declaration = await createDeclaration(await createParticipant(world), world.leadProvider, { state: 'paid', statement: paid });

    await expect(voidDeclaration(finance, { declarationId: declaration.id, reason: 'Participant never started' })).rejects.toMatchObject({ message: NEEDS_SECOND_APPROVER });
    const clawedBack = await db().$transaction((tx) => voidDeclarationIn(tx, finance, { declarationId: declaration.id, reason: 'Participant never started' }, { clawbackApproved: true }));

    expect(clawedBack.state).toBe('awaiting_clawback');
    const lineItems = await db().statementLineItem.findMany({ where: { declarationId: declaration.id }, orderBy: { createdAt: 'asc' } });
    expect(lineItems.map((l) => [l.statementId, l.state])).toEqual([[paid.id, 'paid'], [next.id, 'awaiting_clawback']]);
    expect(await db().auditEvent.findFirst({ where: { subjectId: declaration.id } })).toMatchObject({
      action: 'declaration.clawback_requested', reason: 'Participant never started',
    });
  });

  const refusals: [DeclarationState, string][] = [
    ['voided', 'This declaration has already been voided.'],
    ['awaiting_clawback', 'This declaration has been clawed-back, so you can only view it.'],
    ['clawed_back', 'This declaration has been clawed-back, so you can only view it.'],
  ];
  it.each(refusals)('refuses a %s declaration and writes nothing', async (state, message) => {
    const declaration = await declarationIn(state);
    const audits = await auditCount();

    await expect(voidDeclaration(finance, { declarationId: declaration.id, reason: 'Try again' })).rejects.toMatchObject({ code: 'INVALID_STATE', message });

    expect(await auditCount()).toBe(audits);
    expect((await db().declaration.findUniqueOrThrow({ where: { id: declaration.id } })).state).toBe(state);
  });

  it('needs a reason and the permission, and writes nothing without them', async () => {
    const declaration = await declarationIn('eligible');
    const audits = await auditCount();

    await expect(voidDeclaration(finance, { declarationId: declaration.id })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(voidDeclaration(userContext('support'), { declarationId: declaration.id, reason: 'Not mine to void' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    expect(await auditCount()).toBe(audits);
    expect((await db().declaration.findUniqueOrThrow({ where: { id: declaration.id } })).state).toBe('eligible');
  });
});
