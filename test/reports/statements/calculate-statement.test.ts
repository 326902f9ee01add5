// The calculation fed from the database gives the figures the engines give from the same counts.
import { describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { calculateStatement } from '../../../src/reports/statements/calculate-statement.js';
import { calculateEcfStatement } from '../../../src/reports/statements/ecf-calculator.js';
import { createDeclaration, createLeadProvider, createParticipant, createParticipantWorld, createStatement } from '../../support/factories.js';
import { clawBack, createContract, createMentorContract, createStatementCalendar, daysFromToday } from './statement-world.js';

const money = (value: { toString(): string }) => value.toString();

describe('calculateStatement', () => {
  it('bands a pre-2025 statement from its own and earlier line items, ECTs and mentors together (worked example #8)', async () => {
    const world = await createParticipantWorld(2022);
    await createContract(world.leadProvider, world.cohort);
    const { twoMonthsAgo, oneMonthAgo, current } = await createStatementCalendar(world.leadProvider, world.cohort);
    const declare = async (statement: typeof current, state: 'paid' | 'eligible', type: 'ect' | 'mentor', uplift = false) => {
      const participant = await createParticipant(world, { type });
      const declaration = await createDeclaration(participant, world.leadProvider, { statement, state });
      if (uplift) await db().declaration.update({ where: { id: declaration.id }, data: { pupilPremiumUplift: true } });
      return declaration;
    };
    const paidTwoMonthsAgo = [
      await declare(twoMonthsAgo, 'paid', 'ect', true), await declare(twoMonthsAgo, 'paid', 'ect'),
      await declare(twoMonthsAgo, 'paid', 'mentor'), await declare(twoMonthsAgo, 'paid', 'mentor'),
    ];
    const paidOneMonthAgo = [
      await declare(oneMonthAgo, 'paid', 'ect'), await declare(oneMonthAgo, 'paid', 'ect'),
      await declare(oneMonthAgo, 'paid', 'mentor'), await declare(oneMonthAgo, 'paid', 'mentor'),
    ];
    await clawBack(paidTwoMonthsAgo[1].id, oneMonthAgo, 'clawed_back');
    for (let i = 0; i < 4; i++) await declare(current, 'eligible', i % 2 ? 'mentor' : 'ect', i === 0);
    await clawBack(paidTwoMonthsAgo[0].id, current);
    await clawBack(paidOneMonthAgo[0].id, current);
    // Another provider's and another cohort's statements never count.
    const other = await createParticipantWorld(2022, { cohort: world.cohort });
    await createDeclaration(await createParticipant(other), other.leadProvider, { statement: await createStatement(other.leadProvider, world.cohort), state: 'eligible' });

    const result = await calculateStatement(current.id);

    expect(result.kind).toBe('ecf');
    if (result.kind !== 'ecf') return;
    const started = result.ecf.outputs.filter((o) => o.declarationType === 'started');
    expect(started.map((o) => [o.band, o.count, o.additions, o.subtractions])).toEqual([
      ['A', 0, 0, 0], ['B', 0, 0, 0], ['C', 0, 0, 0], ['D', -1, 1, 2],
    ]);
    const sameCounts = calculateEcfStatement({
      contract: { recruitmentTarget: 6000, setUpFee: '149651', monthlyServiceFee: null, upliftAmount: '100', bands: [
        { min: null, max: 2, perParticipant: '400', outputPaymentPercentage: 60, serviceFeePercentage: 40 },
        { min: 3, max: 4, perParticipant: '300', outputPaymentPercentage: 60, serviceFeePercentage: 40 },
        { min: 5, max: 6, perParticipant: '200', outputPaymentPercentage: 60, serviceFeePercentage: 40 },
        { min: 7, max: 8, perParticipant: '100', outputPaymentPercentage: 60, serviceFeePercentage: 40 },
      ] },
      lineItems: { started: { previous: { billable: 8, refundable: 1 }, current: { billable: 4, refundable: 2 } } },
      upliftLineItems: { billable: 1, refundable: 1 },
      adjustments: [],
      reconcileAmount: '0',
      vatChargeable: true,
      clawedBackCount: 0,
      voidedCount: 0,
    });
    expect(JSON.parse(JSON.stringify(result.ecf))).toEqual(JSON.parse(JSON.stringify(sameCounts)));
    expect(money(result.ecf.outputFee)).toBe('12');
    expect(money(result.ecf.clawbackDeductions)).toBe('24');
    expect(money(result.ecf.uplift.totalForUplift)).toBe('100');
    expect(money(result.ecf.adjustmentsTotal)).toBe('-124');
    expect(result.summary.rows.map((r) => r.label)).toEqual(['Output payment', 'Service fee', 'Uplift fees', 'Clawbacks', 'Additional adjustments', 'Total (excluding VAT)', 'VAT']);
    // The summary is presented to the penny; the exact total is within pennies of it.
    expect(result.summary.total.decimalPlaces()).toBeLessThanOrEqual(2);
    expect(result.summary.total.minus(result.ecf.totalWithVat).abs().lessThan('0.02')).toBe(true);
    expect(result.statement).toMatchObject({ name: 'Current', cohortStartYear: 2022, state: 'open', vatChargeable: true });
  });

  it('adds finance adjustments and the reconcile amount, and charges no VAT to a provider that is not VAT chargeable', async () => {
    const world = await createParticipantWorld(2023, { leadProvider: await createLeadProvider({ vatChargeable: false }) });
    await createContract(world.leadProvider, world.cohort, { monthlyServiceFee: '1000.00' });
    const statement = await createStatement(world.leadProvider, world.cohort, { reconcileAmount: '-10.50' });
    await db().financeAdjustment.createMany({ data: [
      { statementId: statement.id, paymentType: 'Big amount', amount: '999.99' },
      { statementId: statement.id, paymentType: 'Negative amount', amount: '-500.00' },
    ] });
    const result = await calculateStatement(statement.id);
    if (result.kind !== 'ecf') throw new Error('expected an ECF statement');
    expect(money(result.ecf.additionalAdjustmentsTotal)).toBe('499.99');
    expect(money(result.ecf.total)).toBe('1489.49');
    expect(money(result.ecf.vat)).toBe('0');
    expect(money(result.summary.total)).toBe('1489.49');
  });

  it('counts what happens to declarations after they reached the statement, whoever changed them', async () => {
    const world = await createParticipantWorld(2023);
    await createContract(world.leadProvider, world.cohort);
    const statement = await createStatement(world.leadProvider, world.cohort);
    const declarations = [];
    for (let i = 0; i < 4; i++) declarations.push(await createDeclaration(await createParticipant(world), world.leadProvider, { statement, state: 'eligible' }));
    const counts = async () => {
      const result = await calculateStatement(statement.id);
      if (result.kind !== 'ecf') throw new Error('expected an ECF statement');
      return { ...result.ecf.counts, uplifts: result.ecf.uplift.count };
    };
    expect(await counts()).toMatchObject({ started: 4, voided: 0, clawedBack: 0, uplifts: 0 });

    // A support engineer's SQL, a bulk job and the actions all reach the figures alike.
    await db().$executeRaw`UPDATE declarations SET state = 'voided' WHERE id = ${declarations[0].id}::uuid`;
    await db().$executeRaw`UPDATE declarations SET state = 'clawed_back' WHERE id = ${declarations[1].id}::uuid`;
    await db().declaration.update({ where: { id: declarations[2].id }, data: { sparsityUplift: true } });

    expect(await counts()).toMatchObject({ voided: 1, clawedBack: 1, uplifts: 1 });
  });

  it('uses the contract version the statement points at', async () => {
    const world = await createParticipantWorld(2023);
    await createContract(world.leadProvider, world.cohort, { version: '0.0.1', monthlyServiceFee: '100.00' });
    await createContract(world.leadProvider, world.cohort, { version: '0.0.2', monthlyServiceFee: '200.00' });
    const statement = await createStatement(world.leadProvider, world.cohort, { contractVersion: '0.0.2' });
    const result = await calculateStatement(statement.id);
    if (result.kind !== 'ecf') throw new Error('expected an ECF statement');
    expect(money(result.ecf.serviceFee)).toBe('200');
  });

  it('refuses a statement whose contract version does not exist', async () => {
    const world = await createParticipantWorld(2023);
    const statement = await createStatement(world.leadProvider, world.cohort, { contractVersion: '9.9.9' });
    await expect(calculateStatement(statement.id)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('version 9.9.9') });
  });

  it('splits a 2025 statement into ECT and mentor engines and combines them with the DfE row labels', async () => {
    const world = await createParticipantWorld(2025);
    await createContract(world.leadProvider, world.cohort, { upliftAmount: null, monthlyServiceFee: '0' });
    await createMentorContract(world.leadProvider, world.cohort);
    const statement = await createStatement(world.leadProvider, world.cohort, { deadlineDate: daysFromToday(5), paymentDate: daysFromToday(30) });
    const earlier = await createStatement(world.leadProvider, world.cohort, { deadlineDate: daysFromToday(-40), paymentDate: daysFromToday(-20), state: 'paid' });
    for (let i = 0; i < 3; i++) await createDeclaration(await createParticipant(world), world.leadProvider, { statement, state: 'eligible' });
    for (let i = 0; i < 2; i++) await createDeclaration(await createParticipant(world, { type: 'mentor' }), world.leadProvider, { statement, state: 'eligible' });
    const mentor = await createParticipant(world, { type: 'mentor' });
    await createDeclaration(mentor, world.leadProvider, { statement, state: 'eligible', declarationType: 'completed' });
    const paidMentor = await createDeclaration(await createParticipant(world, { type: 'mentor' }), world.leadProvider, { statement: earlier, state: 'paid', declarationType: 'completed' });
    await clawBack(paidMentor.id, statement);
    await createDeclaration(await createParticipant(world), world.leadProvider, { statement, state: 'voided' });

    const result = await calculateStatement(statement.id);

    if (result.kind !== 'ect_mentor') throw new Error('expected an ECT and mentor statement');
    expect(result.ect.counts).toMatchObject({ started: 3, voided: 1 });
    expect(money(result.ect.outputFee)).toBe(String(2 * 48 + 36));
    expect(result.mentor.counts).toMatchObject({ started: 2, completed: 1, clawedBack: 0 });
    expect(money(result.mentor.outputFee)).toBe('1500');
    expect(money(result.mentor.adjustmentsTotal)).toBe('-500');
    expect(result.summary.title).toBe('Early career teacher programme: financial statements');
    expect(result.summary.rows.map((r) => [r.label, money(r.amount)])).toEqual([
      ['ECTs output payment', '132'],
      ['Mentors output payment', '1500'],
      ['Service fee', '0'],
      ['ECT clawbacks', '0'],
      ['Mentor clawbacks', '-500'],
      ['Additional adjustments', '0'],
      ['Total (excluding VAT)', '1132'],
      ['VAT', '226.4'],
    ]);
    expect(money(result.summary.total)).toBe('1358.4');
    expect(result.contractInformation.heading).toBe('Provider targets (per academic year)');
  });
});
