// The name and amount of an additional adjustment, with the DfE's messages.
import { z } from 'zod';
import { Decimal } from '../../reports/statements/decimal.js';

export const ADJUSTMENT_NAME_MISSING = 'Enter a name for the adjustment you want to add';
export const ADJUSTMENT_AMOUNT_INVALID = 'Enter the amount of money that needs to be paid';

/** Spaces squeezed, as the DfE stores it. */
export const AdjustmentName = z
  .string({ error: ADJUSTMENT_NAME_MISSING })
  .transform((v) => v.replace(/\s+/g, ' ').trim())
  .refine((v) => v.length > 0, ADJUSTMENT_NAME_MISSING)
  .refine((v) => v.length <= 255, 'Adjustment names must be 255 characters or fewer');

/** Pounds as an exact decimal string (up to 2 decimal places): negatives allowed, zero refused. */
export const AdjustmentAmount = z
  .union([z.string(), z.number()], { error: ADJUSTMENT_AMOUNT_INVALID })
  .transform((v) => String(v).trim().replace(/^(-?)£/, '$1').replace(/,/g, ''))
  .refine((v) => /^-?\d{1,10}(\.\d{1,2})?$/.test(v) && !new Decimal(v).isZero(), ADJUSTMENT_AMOUNT_INVALID)
  .transform((v) => new Decimal(v).toFixed(2));
