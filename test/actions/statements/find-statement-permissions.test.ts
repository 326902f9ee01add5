import { describe, expect, it } from '@jest/globals';
import { findStatementPermissions } from '../../../src/actions/statements/find-statement-permissions.js';
import { findCurrentStatement, listStatements } from '../../../src/reports/statements/find-statements.js';
import { createDeclaration, createParticipant, createParticipantWorld, createStatement, userContext } from '../../support/factories.js';
import { daysFromToday } from '../../reports/statements/statement-world.js';

describe('choosing a statement and what finance may do with it', () => {
  it("lands on the provider's payable statement, else the next one to be paid, else its latest", async () => {
    const world = await createParticipantWorld(2024);
    const older = await createStatement(world.leadProvider, world.cohort, { name: 'Older', deadlineDate: daysFromToday(-40), paymentDate: daysFromToday(-15), state: 'paid' });
    expect((await findCurrentStatement(world.leadProvider.cpdLeadProviderId))?.id).toBe(older.id);
    const next = await createStatement(world.leadProvider, world.cohort, { name: 'Next', deadlineDate: daysFromToday(3), paymentDate: daysFromToday(28) });
    await createStatement(world.leadProvider, world.cohort, { name: 'Later', deadlineDate: daysFromToday(33), paymentDate: daysFromToday(58) });
    expect((await findCurrentStatement(world.leadProvider.cpdLeadProviderId))?.id).toBe(next.id);
    const payable = await createStatement(world.leadProvider, world.cohort, { name: 'Payable', deadlineDate: daysFromToday(-10), paymentDate: daysFromToday(15), state: 'payable' });
    expect((await findCurrentStatement(world.leadProvider.cpdLeadProviderId))?.id).toBe(payable.id);
    expect((await listStatements(world.leadProvider.cpdLeadProviderId, 2024)).map((s) => s.name)).toEqual(['Older', 'Payable', 'Next', 'Later']);
    expect(await listStatements(world.leadProvider.cpdLeadProviderId, 2023)).toEqual([]);
  });

  it('allows authorising a payable statement past its cut off date to finance, and says why not to others', async () => {
    const world = await createParticipantWorld(2024);
    const statement = await createStatement(world.leadProvider, world.cohort, { deadlineDate: daysFromToday(-1), state: 'payable' });
    await createDeclaration(await createParticipant(world), world.leadProvider, { statement, state: 'payable' });

    expect(await findStatementPermissions(userContext('finance'), statement.id)).toEqual({
      authorisePayment: { allowed: true, reason: null },
      adjust: { allowed: true, reason: null },
      authorisedTag: null,
    });
    expect((await findStatementPermissions(userContext('support'), statement.id)).authorisePayment).toEqual({
      allowed: false, reason: 'You do not have permission to do this.',
    });

    const paid = await createStatement(world.leadProvider, world.cohort, { state: 'paid', markedAsPaidAt: new Date('2026-03-05T15:15:00Z') });
    expect(await findStatementPermissions(userContext('finance'), paid.id)).toEqual({
      authorisePayment: { allowed: false, reason: 'This statement has already been authorised for payment.' },
      adjust: { allowed: false, reason: 'Adjustments cannot be made to a paid statement.' },
      authorisedTag: 'Authorised for payment at 3:15pm on 5 Mar 2026',
    });
  });
});
