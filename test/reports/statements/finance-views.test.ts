// What the Statements page shows beside a statement: the payments chart's figures, and finance's participant search.
import { describe, expect, it } from '@jest/globals';
import { findFinanceParticipants } from '../../../src/reports/statements/finance-participants.js';
import { statementPaymentSeries } from '../../../src/reports/statements/payment-series.js';
import { createDeclaration, createParticipant, createParticipantWorld, createStatement } from '../../support/factories.js';
import { clawBack, createContract, createStatementCalendar } from './statement-world.js';

describe('the payments chart', () => {
  it("gives each of the provider's statements in the cohort its output payment and total, in payment order", async () => {
    const world = await createParticipantWorld(2023);
    await createContract(world.leadProvider, world.cohort, { monthlyServiceFee: '1000' });
    const { twoMonthsAgo, oneMonthAgo, current } = await createStatementCalendar(world.leadProvider, world.cohort);
    const first = await createDeclaration(await createParticipant(world), world.leadProvider, { statement: twoMonthsAgo, state: 'paid' });
    await createDeclaration(await createParticipant(world), world.leadProvider, { statement: oneMonthAgo, state: 'paid' });
    await clawBack(first.id, current);

    // £1,000 service fee + band A (£48) then band A (£48); the clawback takes back band A's £48. VAT 20%.
    expect(await statementPaymentSeries(world.leadProvider.cpdLeadProviderId, 2023)).toEqual([
      { id: twoMonthsAgo.id, name: 'Two months ago', outputFee: '48.00', total: '1257.60' },
      { id: oneMonthAgo.id, name: 'One month ago', outputFee: '48.00', total: '1257.60' },
      { id: current.id, name: 'Current', outputFee: '0.00', total: '1142.40' },
    ]);
    expect(await statementPaymentSeries(world.leadProvider.cpdLeadProviderId, 2024)).toEqual([]);
  });

  it('leaves out a statement whose contract version does not exist', async () => {
    const world = await createParticipantWorld(2022);
    await createContract(world.leadProvider, world.cohort, { monthlyServiceFee: '10' });
    const kept = await createStatement(world.leadProvider, world.cohort, { name: 'Kept' });
    await createStatement(world.leadProvider, world.cohort, { name: 'No contract', contractVersion: '9.9.9' });
    expect((await statementPaymentSeries(world.leadProvider.cpdLeadProviderId, 2022)).map((s) => s.id)).toEqual([kept.id]);
  });
});

describe("finance's participant search", () => {
  it('finds a participant by TRN, name or participant id, with where they train and each declaration on its statements', async () => {
    const world = await createParticipantWorld(2024);
    const statement = await createStatement(world.leadProvider, world.cohort, { name: 'March 2025' });
    const participant = await createParticipant(world, { fullName: 'Grace Hopper', trn: '7654321' });
    await createDeclaration(participant, world.leadProvider, { statement, state: 'payable', declarationDate: new Date('2024-10-01T09:00:00Z') });
    await createDeclaration(participant, world.leadProvider, { declarationType: 'retained_1', state: 'submitted', declarationDate: new Date('2025-01-10T09:00:00Z') });
    await createParticipant(world, { fullName: 'Grace Kelly' });

    const [found, ...others] = await findFinanceParticipants('7654321');
    expect(others).toEqual([]);
    expect(found).toEqual({
      participantId: participant.teacher.id,
      fullName: 'Grace Hopper',
      trn: '7654321',
      profiles: [{
        type: 'ect',
        cohort: 2024,
        programme: 'full_induction_programme',
        leadProvider: world.leadProvider.name,
        deliveryPartner: world.deliveryPartner.name,
        school: `${world.school.name} (${world.school.urn})`,
        declarations: [
          expect.objectContaining({ declarationType: 'started', declarationDate: '2024-10-01', state: 'payable', statements: [{ id: statement.id, name: 'March 2025', lineItemState: 'payable' }] }),
          expect.objectContaining({ declarationType: 'retained-1', declarationDate: '2025-01-10', state: 'submitted', statements: [] }),
        ],
      }],
    });
    expect((await findFinanceParticipants('grace')).map((p) => p.fullName).sort()).toEqual(['Grace Hopper', 'Grace Kelly']);
    expect((await findFinanceParticipants(participant.teacher.id)).map((p) => p.fullName)).toEqual(['Grace Hopper']);
    expect(await findFinanceParticipants('nobody at all')).toEqual([]);
  });
});
