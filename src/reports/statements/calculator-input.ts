// The calculators' plain input as a JSON document (for `statements:calculate --input`): checked field by
// field, then turned into the engines' own input. Unknown keys are refused so that a misspelt field
// cannot silently count as zero.
import { z } from 'zod';
import { DECLARATION_TYPES } from './declaration-types.js';
import type { EcfStatementInput } from './ecf-calculator.js';
import { MENTOR_DECLARATION_TYPES, type MentorStatementInput } from './mentor-calculator.js';

const DECIMAL = /^-?\d+(\.\d+)?$/;
/** An exact amount in pounds: a decimal string ("149651", "-500.00"), or a JSON number. */
const Pounds = z
  .union([z.string(), z.number()], { error: 'Give an amount in pounds, like "1234.56"' })
  .transform((v) => String(v).trim())
  .refine((v) => DECIMAL.test(v), 'Give an amount in pounds, like "1234.56"');
const Count = z.number({ error: 'Give a count, like 3' }).int('Give a whole number').min(0, 'Give a count of 0 or more');
const Percentage = z.number({ error: 'Give a percentage, like 60' }).min(0).max(100);
const Place = z.number({ error: 'Give a whole number, or null' }).int('Give a whole number').min(0).nullable();

const LineItems = z.strictObject({ billable: Count.default(0), refundable: Count.default(0) });
const NO_LINE_ITEMS = { billable: 0, refundable: 0 };

/** `retained-1` (the DfE's spelling) or `retained_1`. */
function typeKeyed<T extends z.ZodType>(types: readonly string[], value: T) {
  return z
    .record(z.string(), value)
    .transform((record, ctx) => {
      const byType: Record<string, z.output<T>> = {};
      for (const [key, counts] of Object.entries(record)) {
        const type = key.replace('-', '_');
        if (types.includes(type)) byType[type] = counts;
        else ctx.addIssue({ code: 'custom', path: [key], message: `Unknown declaration type "${key}": use one of ${types.map((t) => t.replace('_', '-')).join(', ')}` });
      }
      return byType;
    });
}

const Band = z.strictObject({
  min: Place,
  max: Place,
  perParticipant: Pounds,
  outputPaymentPercentage: Percentage.default(60),
  serviceFeePercentage: Percentage.default(40),
});

const EcfInput = z.strictObject({
  calculator: z.literal('ecf'),
  contract: z.strictObject({
    recruitmentTarget: Count,
    setUpFee: Pounds,
    monthlyServiceFee: Pounds.nullable().default(null),
    upliftAmount: Pounds.nullable(),
    bands: z.array(Band).min(1, 'Give at least one band').max(4, 'Give at most four bands (A to D)'),
  }),
  declarations: typeKeyed(
    DECLARATION_TYPES,
    z.strictObject({ previous: LineItems.default(NO_LINE_ITEMS), current: LineItems.default(NO_LINE_ITEMS) }),
  ).default({}),
  uplifts: LineItems.default(NO_LINE_ITEMS),
  adjustments: z.array(z.strictObject({ name: z.string().trim().min(1, 'Give the adjustment a name'), amount: Pounds })).default([]),
  reconcileAmount: Pounds.default('0'),
  vatChargeable: z.boolean({ error: 'Give true or false' }),
});

const MentorInput = z.strictObject({
  calculator: z.literal('mentor'),
  paymentPerParticipant: Pounds.default('1000'),
  declarations: typeKeyed(MENTOR_DECLARATION_TYPES, LineItems).default({}),
  vatChargeable: z.boolean({ error: 'Give true or false' }),
});

export const CalculatorInput = z.discriminatedUnion('calculator', [EcfInput, MentorInput], {
  error: 'Give "calculator": "ecf" (cohorts before 2025, and ECTs from 2025) or "mentor" (mentors from 2025)',
});
export type CalculatorInput = z.output<typeof CalculatorInput>;

export function toEngineInput(input: Extract<CalculatorInput, { calculator: 'ecf' }>): EcfStatementInput;
export function toEngineInput(input: Extract<CalculatorInput, { calculator: 'mentor' }>): MentorStatementInput;
export function toEngineInput(input: CalculatorInput): EcfStatementInput | MentorStatementInput {
  // The counts of clawed back and voided declarations only label the statement page; they change no figure.
  const shownCounts = { clawedBackCount: 0, voidedCount: 0 };
  if (input.calculator === 'mentor') {
    return { paymentPerParticipant: input.paymentPerParticipant, lineItems: input.declarations, vatChargeable: input.vatChargeable, ...shownCounts };
  }
  return {
    contract: input.contract,
    lineItems: input.declarations,
    upliftLineItems: input.uplifts,
    adjustments: input.adjustments.map((a) => ({ paymentType: a.name, amount: a.amount })),
    reconcileAmount: input.reconcileAmount,
    vatChargeable: input.vatChargeable,
    ...shownCounts,
  };
}
