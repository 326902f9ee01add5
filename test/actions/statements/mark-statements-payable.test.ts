import { describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { systemContext } from '../../../src/actions/actor.js';
import { markStatementsPayable } from '../../../src/actions/statements/mark-statements-payable.js';
import { createDeclaration, createParticipant, createParticipantWorld, createStatement, userContext } from '../../support/factories.js';
import { daysFromToday } from '../../reports/statements/statement-world.js';

describe('markStatementsPayable', () => {
  it('makes open statements past their cut off date payable with their eligible declarations, once', async () => {
    const world = await createParticipantWorld(2024);
    const due = await createStatement(world.leadProvider, world.cohort, { name: 'Due', deadlineDate: daysFromToday(-1), paymentDate: daysFromToday(20) });
    const notYet = await createStatement(world.leadProvider, world.cohort, { name: 'Not yet', deadlineDate: daysFromToday(0), paymentDate: daysFromToday(25) });
    const eligible = await createDeclaration(await createParticipant(world), world.leadProvider, { statement: due, state: 'eligible' });
    const ineligible = await createDeclaration(await createParticipant(world), world.leadProvider, { statement: due, state: 'ineligible' });
    const waiting = await createDeclaration(await createParticipant(world), world.leadProvider, { statement: notYet, state: 'eligible' });

    const first = await markStatementsPayable(systemContext('statements job'));
    const second = await markStatementsPayable(systemContext('statements job'));

    expect(first.statements).toEqual([{ id: due.id, name: 'Due', declarationsMadePayable: 1 }]);
    expect(second.statements).toEqual([]);
    expect((await db().statement.findUniqueOrThrow({ where: { id: due.id } })).state).toBe('payable');
    expect((await db().statement.findUniqueOrThrow({ where: { id: notYet.id } })).state).toBe('open');
    const state = async (id: string) => (await db().declaration.findUniqueOrThrow({ where: { id } })).state;
    expect([await state(eligible.id), await state(ineligible.id), await state(waiting.id)]).toEqual(['payable', 'ineligible', 'eligible']);
    const lineItems = await db().statementLineItem.findMany({ where: { statementId: due.id }, orderBy: { state: 'asc' } });
    expect(lineItems.map((li) => li.state).sort()).toEqual(['ineligible', 'payable']);
    const history = await db().declarationStateChange.findMany({ where: { declarationId: eligible.id }, orderBy: { createdAt: 'asc' } });
    expect(history.map((h) => h.state)).toEqual(['submitted', 'eligible', 'payable']);
    const audits = await db().auditEvent.findMany({ where: { subjectId: due.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'statement.marked_payable', actorLabel: 'System: statements job', after: { state: 'payable', declarationsMadePayable: 1 } });
  });

  it('refuses a user without the permission to run jobs', async () => {
    await expect(markStatementsPayable(userContext('support'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
