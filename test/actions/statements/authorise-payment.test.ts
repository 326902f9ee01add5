import { describe, expect, it } from '@jest/globals';
import type { Statement } from '@prisma/client';
import { systemContext } from '../../../src/actions/actor.js';
import { NEEDS_SECOND_APPROVER } from '../../../src/actions/approvals/approval-rules.js';
import { db } from '../../../src/db/client.js';
import { authorisePayment } from '../../../src/actions/statements/authorise-payment.js';
import { createDeclaration, createParticipant, createParticipantWorld, createStatement, userContext } from '../../support/factories.js';
import { clawBack, createContract, daysFromToday } from '../../reports/statements/statement-world.js';

// Authorising at once is for the system: people go through an approval request (test/actions/approvals).
const finance = systemContext('payment run');

async function payableStatement(overrides: Partial<Statement> = {}) {
  const world = await createParticipantWorld(2024);
  await createContract(world.leadProvider, world.cohort, { monthlyServiceFee: '0' });
  const paid = await createStatement(world.leadProvider, world.cohort, { name: 'Earlier', deadlineDate: daysFromToday(-60), paymentDate: daysFromToday(-35), state: 'paid' });
  const statement = await createStatement(world.leadProvider, world.cohort, {
    name: 'January 2025', deadlineDate: daysFromToday(-2), paymentDate: daysFromToday(20), state: 'payable', ...overrides,
  });
  const payable = await createDeclaration(await createParticipant(world), world.leadProvider, { statement, state: 'payable' });
  await createDeclaration(await createParticipant(world), world.leadProvider, { statement, state: 'payable' });
  const clawedBack = await createDeclaration(await createParticipant(world), world.leadProvider, { statement: paid, state: 'paid' });
  await clawBack(clawedBack.id, statement);
  return { world, statement, payable, clawedBack };
}

/** Everything authorising would change, to prove a refusal changed none of it. */
async function footprint(statementId: string) {
  const statement = await db().statement.findUniqueOrThrow({ where: { id: statementId } });
  const lineItems = await db().statementLineItem.findMany({ where: { statementId }, orderBy: { id: 'asc' }, include: { declaration: true } });
  return {
    state: statement.state,
    markedAsPaidAt: statement.markedAsPaidAt,
    lineItems: lineItems.map((li) => [li.state, li.declaration.state]),
    history: await db().declarationStateChange.count({ where: { declarationId: { in: lineItems.map((li) => li.declarationId) } } }),
    snapshots: await db().statementSnapshot.count({ where: { statementId } }),
    audits: await db().auditEvent.count({ where: { subjectId: statementId } }),
  };
}

describe('authorisePayment', () => {
  // On the minimal bands: 2 starts after 1 earlier fill band A (£48) and B (£36); the clawback takes
  // back B: £48 + £36 − £36 = £48, £57.60 with VAT.
  it('pays the payable declarations, claws back the clawbacks and pays the statement, in one go', async () => {
    const { statement, payable, clawedBack } = await payableStatement();

    const result = await authorisePayment(finance, { statementId: statement.id, checksDone: 'true' });

    expect(result).toMatchObject({ statementId: statement.id, declarationsPaid: 2, declarationsClawedBack: 1, total: '57.60' });
    const after = await db().statement.findUniqueOrThrow({ where: { id: statement.id } });
    expect(after.state).toBe('paid');
    expect(after.markedAsPaidAt).toEqual(result.markedAsPaidAt);
    const lineItems = await db().statementLineItem.findMany({ where: { statementId: statement.id } });
    expect(lineItems.map((li) => li.state).sort()).toEqual(['clawed_back', 'paid', 'paid']);
    const states = async (id: string) => (await db().declarationStateChange.findMany({ where: { declarationId: id }, orderBy: { createdAt: 'asc' } })).map((h) => h.state);
    expect(await states(payable.id)).toEqual(['submitted', 'payable', 'paid']);
    expect(await states(clawedBack.id)).toEqual(['submitted', 'paid', 'awaiting_clawback', 'clawed_back']);
    const snapshot = await db().statementSnapshot.findFirstOrThrow({ where: { statementId: statement.id } });
    expect(snapshot.total.toString()).toBe('57.6');
    const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectId: statement.id } });
    expect(audit).toMatchObject({ action: 'statement.authorised_for_payment', actorLabel: 'System: payment run' });
    expect(audit.after).toMatchObject({ state: 'paid', declarationsPaid: 2, declarationsClawedBack: 1, total: '57.60' });
  });

  it("refuses without the confirmation, with the DfE's message, and changes nothing", async () => {
    const { statement } = await payableStatement();
    const before = await footprint(statement.id);
    for (const checksDone of [undefined, false, 'false']) {
      await expect(authorisePayment(finance, { statementId: statement.id, checksDone })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        fieldErrors: [{ field: 'checksDone', message: 'Confirm all necessary assurance checks have been done before authorising this statement for payment' }],
      });
    }
    expect(await footprint(statement.id)).toEqual(before);
  });

  it.each([
    ['is still open', { state: 'open' as const }, 'This statement cannot be authorised for payment until it is payable.'],
    ['has not reached its cut off date', { deadlineDate: daysFromToday(0) }, 'This statement cannot be authorised for payment until its milestone cut off date has passed.'],
    ['is not an output fee statement', { outputFee: false }, 'Only output fee statements can be authorised for payment.'],
    ['was already authorised', { markedAsPaidAt: new Date() }, 'This statement has already been authorised for payment.'],
  ])('refuses a statement that %s and changes nothing', async (_, overrides, message) => {
    const { statement } = await payableStatement(overrides);
    const before = await footprint(statement.id);
    await expect(authorisePayment(finance, { statementId: statement.id, checksDone: true })).rejects.toMatchObject({ code: 'INVALID_STATE', message });
    expect(await footprint(statement.id)).toEqual(before);
  });

  it('refuses a statement without declarations', async () => {
    const world = await createParticipantWorld(2024);
    const statement = await createStatement(world.leadProvider, world.cohort, { deadlineDate: daysFromToday(-2), state: 'payable' });
    await expect(authorisePayment(finance, { statementId: statement.id, checksDone: true })).rejects.toMatchObject({
      message: 'This statement has no declarations to authorise for payment.',
    });
    expect(await db().auditEvent.count({ where: { subjectId: statement.id } })).toBe(0);
    expect((await db().statement.findUniqueOrThrow({ where: { id: statement.id } })).state).toBe('payable');
  });

  it('refuses a user without the permission and changes nothing', async () => {
    const { statement } = await payableStatement();
    const before = await footprint(statement.id);
    await expect(authorisePayment(userContext('support'), { statementId: statement.id, checksDone: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A finance user alone cannot authorise: a second person must approve their request.
    await expect(authorisePayment(userContext('finance'), { statementId: statement.id, checksDone: true })).rejects.toMatchObject({ code: 'FORBIDDEN', message: NEEDS_SECOND_APPROVER });
    expect(await footprint(statement.id)).toEqual(before);
  });
});
