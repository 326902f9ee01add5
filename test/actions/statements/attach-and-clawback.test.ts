import { describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { attachDeclarationToStatement } from '../../../src/actions/statements/attach-declaration-to-statement.js';
import { clawbackDeclaration } from '../../../src/actions/statements/clawback-declaration.js';
import { createDeclaration, createParticipant, createParticipantWorld, createStatement, createUser } from '../../support/factories.js';
import { daysFromToday } from '../../reports/statements/statement-world.js';

async function worldWithStatements() {
  const world = await createParticipantWorld(2024);
  const statement = (name: string, deadline: number, overrides = {}) =>
    createStatement(world.leadProvider, world.cohort, { name, deadlineDate: daysFromToday(deadline), paymentDate: daysFromToday(deadline + 25), ...overrides });
  const past = await statement('Past', -3, { state: 'payable' });
  const serviceFeeOnly = await statement('Service fee only', 2, { outputFee: false });
  const next = await statement('Next', 5);
  const later = await statement('Later', 35);
  return { world, past, serviceFeeOnly, next, later };
}

describe('attachDeclarationToStatement', () => {
  it("puts an eligible declaration on the provider's next open output-fee statement, once", async () => {
    const { world, next } = await worldWithStatements();
    const declaration = await createDeclaration(await createParticipant(world), world.leadProvider, { state: 'eligible' });

    const attached = await db().$transaction((tx) => attachDeclarationToStatement(tx, declaration));
    const again = await db().$transaction((tx) => attachDeclarationToStatement(tx, declaration));

    expect(attached).toMatchObject({ statementId: next.id, state: 'eligible', created: true });
    expect(again).toMatchObject({ lineItemId: attached.lineItemId, created: false });
    expect(await db().statementLineItem.count({ where: { declarationId: declaration.id } })).toBe(1);
  });

  it('puts a duplicate as an ineligible line item', async () => {
    const { world, next } = await worldWithStatements();
    const declaration = await createDeclaration(await createParticipant(world), world.leadProvider, { state: 'ineligible' });
    const attached = await db().$transaction((tx) => attachDeclarationToStatement(tx, declaration));
    expect(attached).toMatchObject({ statementId: next.id, state: 'ineligible' });
  });

  it("refuses, with the API's message, when the cohort has no open output-fee statement left, and writes nothing", async () => {
    const world = await createParticipantWorld(2021);
    await createStatement(world.leadProvider, world.cohort, { deadlineDate: daysFromToday(-5), state: 'payable' });
    const declaration = await createDeclaration(await createParticipant(world), world.leadProvider, { state: 'eligible' });

    await expect(db().$transaction((tx) => attachDeclarationToStatement(tx, declaration))).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: 'You cannot submit or void declarations for the 2021 cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us',
    });
    expect(await db().statementLineItem.count({ where: { declarationId: declaration.id } })).toBe(0);
  });
});

describe('clawbackDeclaration', () => {
  it('makes a paid declaration awaiting clawback with a refundable line item on the next output-fee statement', async () => {
    const { world, past, next } = await worldWithStatements();
    const user = await createUser('finance');
    const declaration = await createDeclaration(await createParticipant(world), world.leadProvider, { state: 'paid', statement: past });

    const { declaration: clawedBack, lineItem } = await db().$transaction((tx) => clawbackDeclaration(tx, { declarationId: declaration.id, voidedByUserId: user.id }));

    expect(clawedBack).toMatchObject({ state: 'awaiting_clawback', voidedByUserId: user.id });
    expect(clawedBack.voidedAt).toBeInstanceOf(Date);
    expect(lineItem).toMatchObject({ statementId: next.id, state: 'awaiting_clawback', created: true });
    const history = await db().declarationStateChange.findMany({ where: { declarationId: declaration.id }, orderBy: { createdAt: 'asc' } });
    expect(history.map((h) => h.state)).toEqual(['submitted', 'paid', 'awaiting_clawback']);
    expect(await db().statementLineItem.count({ where: { statementId: past.id, state: 'paid' } })).toBe(1);
  });

  it('refuses a declaration that is not paid, or already clawed back, and changes nothing', async () => {
    const { world, past } = await worldWithStatements();
    const payable = await createDeclaration(await createParticipant(world), world.leadProvider, { state: 'payable', statement: past });
    await expect(db().$transaction((tx) => clawbackDeclaration(tx, { declarationId: payable.id }))).rejects.toMatchObject({
      message: 'Participant declaration must be paid before it can be clawed back',
    });

    const paid = await createDeclaration(await createParticipant(world), world.leadProvider, { state: 'paid', statement: past });
    await db().$transaction((tx) => clawbackDeclaration(tx, { declarationId: paid.id }));
    await expect(db().$transaction((tx) => clawbackDeclaration(tx, { declarationId: paid.id }))).rejects.toMatchObject({
      message: 'Participant declaration will or has been be refunded',
    });
    expect((await db().declaration.findUniqueOrThrow({ where: { id: payable.id } })).state).toBe('payable');
    expect(await db().statementLineItem.count({ where: { declarationId: paid.id } })).toBe(2);
  });
});
