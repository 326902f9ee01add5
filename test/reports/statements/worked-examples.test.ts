// The DfE's worked examples (from their calculator specs: spec/support/shared_examples/finance_statement_calculators_support.rb), figure for figure.
import { describe, expect, it } from '@jest/globals';
import { feePerDeclaration, fillBands, letterBands, participantsInBand, serviceFeeBands, type BandInput } from '../../../src/reports/statements/bands.js';
import { Decimal } from '../../../src/reports/statements/decimal.js';
import { calculateEcfStatement, ecfTotals, summariseOutputs, upliftFees, type EcfStatementInput } from '../../../src/reports/statements/ecf-calculator.js';
import { calculateMentorStatement } from '../../../src/reports/statements/mentor-calculator.js';
import { ecfContractInformation, revisedRecruitmentTarget } from '../../../src/reports/statements/contract-information.js';
import { presentEcfResult, presentMentorResult } from '../../../src/reports/statements/presented-statement.js';

const band = (min: number | null, max: number | null, perParticipant: string): BandInput => ({
  min, max, perParticipant, outputPaymentPercentage: 60, serviceFeePercentage: 40,
});
const MINIMAL_BANDS = [band(null, 2, '400'), band(3, 4, '300'), band(5, 6, '200'), band(7, 8, '100')];
const STANDARD_BANDS = [band(null, 2000, '995'), band(2001, 4000, '979'), band(4001, 6000, '966')];
const contract = (bands: BandInput[], overrides: Partial<EcfStatementInput['contract']> = {}): EcfStatementInput['contract'] => ({
  recruitmentTarget: 6000, setUpFee: '149651', monthlyServiceFee: null, upliftAmount: '100', bands, ...overrides,
});
const statement = (overrides: Partial<EcfStatementInput> = {}): EcfStatementInput => ({
  contract: contract(MINIMAL_BANDS),
  lineItems: {},
  upliftLineItems: { billable: 0, refundable: 0 },
  adjustments: [],
  reconcileAmount: '0',
  vatChargeable: true,
  clawedBackCount: 0,
  voidedCount: 0,
  ...overrides,
});
const minimal = letterBands(MINIMAL_BANDS);
const fill = (previous: [number, number], current: [number, number]) =>
  fillBands(minimal, { previous: { billable: previous[0], refundable: previous[1] }, current: { billable: current[0], refundable: current[1] } });
const column = (fills: ReturnType<typeof fill>, key: 'count' | 'additions' | 'subtractions') => fills.map((f) => f[key]);
const exact = (value: Decimal) => value.toString();
const fiveDp = (value: Decimal) => value.toDecimalPlaces(5).toString();
/** The minimal contract's calculated service fee, exactly: (−149,331 + 240 + 160 + 80) / 29. */
const MINIMAL_SERVICE_FEE = new Decimal(-148851).dividedBy(29);

describe('worked examples of the ECF statement maths', () => {
  it('#1 minimal bands pay 48/36/24/12 per started or completed and 36/27/18/9 per retained or extended declaration', () => {
    const fees = (type: Parameters<typeof feePerDeclaration>[1]) => minimal.map((b) => exact(feePerDeclaration(b, type)));
    expect(minimal.map((b) => b.letter)).toEqual(['A', 'B', 'C', 'D']);
    for (const type of ['started', 'completed'] as const) expect(fees(type)).toEqual(['48', '36', '24', '12']);
    for (const type of ['retained_1', 'retained_2', 'retained_3', 'retained_4', 'extended_1', 'extended_2', 'extended_3'] as const) {
      expect(fees(type)).toEqual(['36', '27', '18', '9']);
    }
  });

  it('#2 three started declarations and none before fill band A with 2 and band B with 1', () => {
    const fills = fill([0, 0], [3, 0]);
    expect(column(fills, 'additions')).toEqual([2, 1, 0, 0]);
    expect(column(fills, 'count')).toEqual([2, 1, 0, 0]);
  });

  it('#3 nine declarations put 2 in each band and leave 1 unpaid', () => {
    const result = calculateEcfStatement(statement({ lineItems: { started: { previous: { billable: 0, refundable: 0 }, current: { billable: 9, refundable: 0 } } } }));
    expect(result.outputs.filter((o) => o.declarationType === 'started').map((o) => o.count)).toEqual([2, 2, 2, 2]);
    expect(result.counts.started).toBe(8);
    expect(exact(result.outputFee)).toBe(String(2 * (48 + 36 + 24 + 12)));
  });

  it('#4 one declaration before and two now add one to band A and one to band B', () => {
    const fills = fill([1, 0], [2, 0]);
    expect(column(fills, 'additions')).toEqual([1, 1, 0, 0]);
    expect(fills.map((f) => f.previousCount)).toEqual([1, 0, 0, 0]);
  });

  it('#5 four before and three now add two to band C and one to band D', () => {
    expect(column(fill([4, 0], [3, 0]), 'additions')).toEqual([0, 0, 2, 1]);
  });

  it('#6 two clawbacks of four paid declarations take band B to −2', () => {
    const fills = fill([4, 0], [0, 2]);
    expect(column(fills, 'count')).toEqual([0, -2, 0, 0]);
    expect(column(fills, 'subtractions')).toEqual([0, 2, 0, 0]);
    expect(column(fills, 'additions')).toEqual([0, 0, 0, 0]);
  });

  it('#7 two clawbacks and three new declarations after four paid: C counts 1 (2 − 1), D counts 0 (1 − 1)', () => {
    const fills = fill([4, 0], [3, 2]);
    expect(column(fills, 'count')).toEqual([0, 0, 1, 0]);
    expect(column(fills, 'additions')).toEqual([0, 0, 2, 1]);
    expect(column(fills, 'subtractions')).toEqual([0, 0, 1, 1]);
  });

  it('#8 clawbacks over three consecutive statements leave band D at −1 (add 1, sub 2)', () => {
    const twoMonthsAgo = fill([0, 0], [4, 0]);
    expect(column(twoMonthsAgo, 'count')).toEqual([2, 2, 0, 0]);
    const oneMonthAgo = fill([4, 0], [4, 1]);
    expect(column(oneMonthAgo, 'additions')).toEqual([0, 0, 2, 2]);
    expect(column(oneMonthAgo, 'subtractions')).toEqual([0, 0, 0, 1]);
    expect(column(oneMonthAgo, 'count')).toEqual([0, 0, 2, 1]);
    const thisMonth = fill([4 + 4, 1], [4, 2]);
    expect(column(thisMonth, 'count')).toEqual([0, 0, 0, -1]);
    expect(column(thisMonth, 'additions')).toEqual([0, 0, 0, 1]);
    expect(column(thisMonth, 'subtractions')).toEqual([0, 0, 0, 2]);
  });

  it('#9 the standard contract service fee is (646,349 + 783,200 + 772,800) / 29 = £75,943.06897', () => {
    const result = calculateEcfStatement(statement({ contract: contract(STANDARD_BANDS) }));
    expect(fiveDp(result.serviceFee)).toBe('75943.06897');
    expect(exact(presentEcfResult('', result, false).headline.serviceFee)).toBe('75943.07');
    expect(result.serviceFee.equals(new Decimal(646349 + 783200 + 772800).dividedBy(29))).toBe(true);
    const [a, b, c] = serviceFeeBands(contract(STANDARD_BANDS));
    expect([exact(a.setUpCostPerParticipant), exact(a.serviceFeePerParticipant)]).toEqual(['74.8255', '323.1745']);
    expect([a, b, c].map((x) => exact(x.total))).toEqual(['646349', '783200', '772800']);
  });

  it('#10 a monthly service fee of £123.45 is the service fee', () => {
    const result = calculateEcfStatement(statement({ contract: contract(STANDARD_BANDS, { monthlyServiceFee: '123.45' }) }));
    expect(exact(result.serviceFee)).toBe('123.45');
    expect(result.serviceFeeBands).toBeNull();
  });

  it('#10a participants in each standard band for 2001, 10,000, 2000 after 2100, and 2500 after 1900', () => {
    const inBands = (current: number, previous = 0) => STANDARD_BANDS.map((b) => participantsInBand(b, current, previous));
    expect(inBands(2001)).toEqual([2000, 1, 0]);
    expect(inBands(10_000)).toEqual([2000, 2000, 2000]);
    expect(inBands(2000, 2100)).toEqual([0, 1900, 100]);
    expect(inBands(2500, 1900)).toEqual([100, 2000, 400]);
  });

  describe('#11–#12 totals on the minimal contract with uplifts of 4 added and 2 clawed back', () => {
    const uplifted = (overrides: Partial<EcfStatementInput> = {}) =>
      calculateEcfStatement(statement({ upliftLineItems: { billable: 4, refundable: 2 }, ...overrides }));

    it('#11 service fee −£5,132.7931, uplift £400, clawbacks −£200, total −£4,932.7931', () => {
      const result = uplifted();
      expect(fiveDp(result.serviceFee)).toBe('-5132.7931');
      expect(result.serviceFee.equals(MINIMAL_SERVICE_FEE)).toBe(true);
      expect(result.uplift.count).toBe(2);
      expect(exact(result.uplift.totalForUplift)).toBe('400');
      expect(exact(result.adjustmentsTotal)).toBe('-200');
      expect(fiveDp(result.total)).toBe('-4932.7931');
      expect(result.total.equals(MINIMAL_SERVICE_FEE.plus(200))).toBe(true);
    });

    it('#11 without uplift fees in the contract the total is the service fee alone', () => {
      const result = uplifted({ contract: contract(MINIMAL_BANDS, { upliftAmount: null }) });
      expect(fiveDp(result.total)).toBe('-5132.7931');
      expect(exact(result.uplift.totalForUplift)).toBe('0');
      expect(exact(result.adjustmentsTotal)).toBe('0');
    });

    it('#12 a reconcile amount of ±£1,234 moves the total, and VAT is 20% on top', () => {
      const plus = uplifted({ reconcileAmount: '1234' });
      const minus = uplifted({ reconcileAmount: '-1234' });
      expect(fiveDp(plus.total)).toBe('-3698.7931');
      expect(fiveDp(minus.total)).toBe('-6166.7931');
      expect(plus.totalWithVat.equals(MINIMAL_SERVICE_FEE.plus(200).plus(1234).times('1.2'))).toBe(true);
      expect(fiveDp(plus.totalWithVat)).toBe('-4438.55172');
    });

    it('#12 additional adjustments of £999.99, −£500.00 and £300.00 total £799.99', () => {
      const result = uplifted({
        adjustments: [
          { paymentType: 'Big amount', amount: '999.99' },
          { paymentType: 'Negative amount', amount: '-500.0' },
          { paymentType: 'Another amount', amount: '300.0' },
        ],
      });
      expect(exact(result.additionalAdjustmentsTotal)).toBe('799.99');
      expect(result.totalWithVat.equals(MINIMAL_SERVICE_FEE.plus(200).plus('799.99').times('1.2'))).toBe(true);
      expect(fiveDp(result.totalWithVat)).toBe('-4959.36372');
      // As presented: service fee −5,132.79 + 400 − 200 + 799.99 = −4,132.80; VAT −826.56; total −4,959.36.
      const { headline } = presentEcfResult('', result, true);
      expect([headline.serviceFee, headline.totalExVat, headline.vat, headline.total].map(exact)).toEqual(['-5132.79', '-4132.8', '-826.56', '-4959.36']);
    });

    it('#12 with a reconcile amount of £1,234 the exact total with VAT is −£4,438.55172; presented, −£4,438.55 (−3,698.79 + −739.76)', () => {
      const result = uplifted({ reconcileAmount: '1234' });
      expect(fiveDp(result.totalWithVat)).toBe('-4438.55172');
      const presented = presentEcfResult('', result, true);
      expect(presented.summaryRows.map((r) => r.label)).toContain('Reconcile amount');
      expect([presented.headline.totalExVat, presented.headline.vat, presented.headline.total].map(exact)).toEqual(['-3698.79', '-739.76', '-4438.55']);
    });

    it('#12 without VAT the VAT is nothing', () => {
      const result = uplifted({ vatChargeable: false });
      expect(exact(result.vat)).toBe('0');
      expect(result.totalWithVat.equals(result.total)).toBe(true);
    });
  });

  it('#13 net negative uplifts (count −3: 1 added, 4 clawed back) pay £100 uplift', () => {
    const uplift = upliftFees('100', { billable: 1, refundable: 4 });
    expect(uplift.count).toBe(-3);
    expect(exact(uplift.totalForUplift)).toBe('100');
    expect(exact(uplift.clawbackDeductions)).toBe('-400');
  });

  it('#14 three eligible uplift started declarations pay £300 uplift', () => {
    expect(exact(upliftFees('100', { billable: 3, refundable: 0 }).payment)).toBe('300');
  });

  it('#15 one band B clawback in each of six types at £48 is −£288 of clawbacks; with two uplift clawbacks −£488', () => {
    const types = ['started', 'retained_1', 'retained_2', 'retained_3', 'retained_4', 'completed'] as const;
    const outputs = types.flatMap((declarationType) => [
      { declarationType, band: 'A' as const, additions: 1, subtractions: 0, fee: new Decimal(48) },
      { declarationType, band: 'B' as const, additions: 2, subtractions: 1, fee: new Decimal(48) },
    ]);
    const summary = summariseOutputs(outputs);
    expect(exact(summary.clawbackDeductions)).toBe('288');
    expect(summary.clawbacks.map((c) => c.label)).toEqual(types.map((t) => `Clawback for ${t === 'started' ? 'Started' : t === 'completed' ? 'Completed' : `Retained ${t.slice(-1)}`} (Band: B)`));
    const totals = (uplift: ReturnType<typeof upliftFees>) => ecfTotals({
      serviceFee: new Decimal(0), outputFee: summary.outputFee, clawbackDeductions: summary.clawbackDeductions, uplift,
      additionalAdjustmentsTotal: new Decimal(0), reconcileAmount: new Decimal(0), vatChargeable: true,
    });
    expect(exact(totals(upliftFees('100', { billable: 0, refundable: 0 })).adjustmentsTotal)).toBe('-288');
    expect(exact(totals(upliftFees('100', { billable: 4, refundable: 2 })).adjustmentsTotal)).toBe('-488');
    expect(exact(totals(upliftFees(null, { billable: 4, refundable: 2 })).adjustmentsTotal)).toBe('-288');
  });

  it('#16 extended-1 (A 1, B 4), -2 (A 2, B 5), -3 (A 3, B 6) at £48 pay £240 + £336 + £432', () => {
    const outputs = ([['extended_1', 1, 4], ['extended_2', 2, 5], ['extended_3', 3, 6]] as const).flatMap(([declarationType, a, b]) => [
      { declarationType, band: 'A' as const, additions: a, subtractions: a, fee: new Decimal(48) },
      { declarationType, band: 'B' as const, additions: b, subtractions: b, fee: new Decimal(48) },
    ]);
    const summary = summariseOutputs(outputs);
    expect(['extended_1', 'extended_2', 'extended_3'].map((t) => exact(summary.byType[t as 'extended_1'].payment))).toEqual(['240', '336', '432']);
    expect(exact(summary.outputFee)).toBe(String(240 + 336 + 432));
    expect(exact(summary.clawbackDeductions)).toBe(String(240 + 336 + 432));
  });

  it('#17 mentors: started +5/−2 and completed +3/−1 at £500 total £2,500, £3,000 with VAT', () => {
    const result = calculateMentorStatement({
      paymentPerParticipant: '1000',
      lineItems: { started: { billable: 5, refundable: 2 }, completed: { billable: 3, refundable: 1 } },
      vatChargeable: true,
      clawedBackCount: 0,
      voidedCount: 0,
    });
    expect(exact(result.feePerDeclaration)).toBe('500');
    expect(exact(result.total)).toBe('2500');
    expect(exact(result.totalWithVat)).toBe('3000');
    expect(exact(result.adjustmentsTotal)).toBe('-1500');
    expect(exact(presentMentorResult('', result, true).headline.total)).toBe('3000');
    expect(result.clawbacks.map((c) => [c.label, c.count, exact(c.subtotal)])).toEqual([
      ['Clawback for Started', 2, '-1000'],
      ['Clawback for Completed', 1, '-500'],
    ]);
  });

  it('#18 a recruitment target of 999 shows a revised recruitment target (150%) of 1499', () => {
    expect(revisedRecruitmentTarget(999)).toBe(1499);
    const info = ecfContractInformation('Ambition Institute', { recruitmentTarget: 999, setUpFee: '0', upliftTarget: '0.33', upliftAmount: '100', bands: STANDARD_BANDS });
    const rows = info.sections.flatMap((s) => s.rows);
    expect(rows).toContainEqual({ label: 'Revised recruitment target (150%)', value: 1499 });
    expect(rows).toContainEqual({ label: 'Uplift target', value: '33%' });
    expect(info.bands.map((b) => [b.label, b.min, b.max])).toEqual([['Band A', 0, 2000], ['Band B', 2001, 4000], ['Band C', 4001, 6000]]);
  });
});
