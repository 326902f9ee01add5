import { describe, expect, it } from '@jest/globals';
import type { Statement } from '@prisma/client';
import { systemContext } from '../../../src/actions/actor.js';
import { NEEDS_SECOND_APPROVER } from '../../../src/actions/approvals/approval-rules.js';
import { db } from '../../../src/db/client.js';
import { addFinanceAdjustment } from '../../../src/actions/statements/add-finance-adjustment.js';
import { changeFinanceAdjustment } from '../../../src/actions/statements/change-finance-adjustment.js';
import { removeFinanceAdjustment } from '../../../src/actions/statements/remove-finance-adjustment.js';
import { createParticipantWorld, createStatement, userContext } from '../../support/factories.js';

// Adjusting at once is for the system: people go through an adjustment request (test/actions/approvals).
const finance = systemContext('adjustments test');
const NAME = 'Enter a name for the adjustment you want to add';
const AMOUNT = 'Enter the amount of money that needs to be paid';

async function statement(overrides: Partial<Statement> = {}) {
  const world = await createParticipantWorld(2024);
  return createStatement(world.leadProvider, world.cohort, overrides);
}

describe('finance adjustments', () => {
  it('adds a named amount as an exact decimal, negatives included, and audits it on the statement', async () => {
    const s = await statement({ state: 'payable' });
    const added = await addFinanceAdjustment(finance, { statementId: s.id, paymentType: '  Big   amount ', amount: '£1,234.50' });
    const negative = await addFinanceAdjustment(finance, { statementId: s.id, paymentType: 'Negative amount', amount: '-500' });

    expect([added.paymentType, added.amount.toString(), negative.amount.toString()]).toEqual(['Big amount', '1234.5', '-500']);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectId: s.id, action: 'statement.adjustment_added' }, orderBy: { createdAt: 'asc' } });
    expect(audit.after).toEqual({ adjustmentId: added.id, paymentType: 'Big amount', amount: '1234.5' });
  });

  it.each([
    [{ paymentType: '   ', amount: '10' }, [{ field: 'paymentType', message: NAME }]],
    [{ amount: '10' }, [{ field: 'paymentType', message: NAME }]],
    [{ paymentType: 'Fee', amount: '0' }, [{ field: 'amount', message: AMOUNT }]],
    [{ paymentType: 'Fee', amount: '0.00' }, [{ field: 'amount', message: AMOUNT }]],
    [{ paymentType: 'Fee', amount: 'ten pounds' }, [{ field: 'amount', message: AMOUNT }]],
    [{ paymentType: 'Fee' }, [{ field: 'amount', message: AMOUNT }]],
    [{ paymentType: 'Fee', amount: '1.234' }, [{ field: 'amount', message: AMOUNT }]],
  ])("refuses %o with the DfE's messages and writes nothing", async (fields, fieldErrors) => {
    const s = await statement();
    await expect(addFinanceAdjustment(finance, { statementId: s.id, ...fields })).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors });
    expect(await db().financeAdjustment.count({ where: { statementId: s.id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { subjectId: s.id } })).toBe(0);
  });

  it.each([
    ['a paid statement', { state: 'paid' as const }, 'Adjustments cannot be made to a paid statement.'],
    ['a statement without output fees', { outputFee: false }, 'Adjustments can only be made to output fee statements.'],
  ])('refuses to adjust %s', async (_, overrides, message) => {
    const s = await statement(overrides);
    await expect(addFinanceAdjustment(finance, { statementId: s.id, paymentType: 'Fee', amount: '10' })).rejects.toMatchObject({ code: 'INVALID_STATE', message });
    expect(await db().financeAdjustment.count({ where: { statementId: s.id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { subjectId: s.id } })).toBe(0);
  });

  it('changes and removes an adjustment, each audited, but not once the statement is paid', async () => {
    const s = await statement();
    const adjustment = await addFinanceAdjustment(finance, { statementId: s.id, paymentType: 'Fee', amount: '10' });
    const changed = await changeFinanceAdjustment(finance, { adjustmentId: adjustment.id, paymentType: 'Fee', amount: '-10.01' });
    expect(changed.amount.toString()).toBe('-10.01');
    await removeFinanceAdjustment(finance, { adjustmentId: adjustment.id });
    expect(await db().financeAdjustment.count({ where: { statementId: s.id } })).toBe(0);
    const actions = (await db().auditEvent.findMany({ where: { subjectId: s.id }, orderBy: { createdAt: 'asc' } })).map((a) => [a.action, a.before, a.after]);
    expect(actions).toEqual([
      ['statement.adjustment_added', null, { adjustmentId: adjustment.id, paymentType: 'Fee', amount: '10' }],
      ['statement.adjustment_changed', { adjustmentId: adjustment.id, amount: '10.00' }, { adjustmentId: adjustment.id, amount: '-10.01' }],
      ['statement.adjustment_removed', { adjustmentId: adjustment.id, paymentType: 'Fee', amount: '-10.01' }, null],
    ]);

    const kept = await addFinanceAdjustment(finance, { statementId: s.id, paymentType: 'Kept', amount: '5' });
    await db().statement.update({ where: { id: s.id }, data: { state: 'paid' } });
    await expect(removeFinanceAdjustment(finance, { adjustmentId: kept.id })).rejects.toMatchObject({ message: 'Adjustments cannot be made to a paid statement.' });
    expect(await db().financeAdjustment.count({ where: { statementId: s.id } })).toBe(1);
  });

  it('refuses a user without the permission', async () => {
    const s = await statement();
    await expect(addFinanceAdjustment(userContext('policy'), { statementId: s.id, paymentType: 'Fee', amount: '10' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(addFinanceAdjustment(userContext('finance'), { statementId: s.id, paymentType: 'Fee', amount: '10' })).rejects.toMatchObject({ message: NEEDS_SECOND_APPROVER });
    expect(await db().financeAdjustment.count({ where: { statementId: s.id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { subjectId: s.id } })).toBe(0);
  });
});
