// Shared input primitives, so "an id" or "a URN" means one thing at every boundary.
import { z } from 'zod';

export const Id = z.string().uuid('Must be a valid id');
export const Urn = z.string().trim().regex(/^\d{6}$/, 'URN must be 6 digits');
export const Email = z.string().trim().toLowerCase().email('Enter an email address in the correct format, like name@example.com');
export const Reason = z.string().trim().min(3, 'Give a reason for this change').max(2000);
export const StartYear = z.coerce.number().int().min(2020).max(2100);
/** Money as an exact decimal string: never a JavaScript number. */
export const Money = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim().replace(/^£/, '').replace(/,/g, ''))
  .refine((v) => /^-?\d+(\.\d{1,2})?$/.test(v), 'Enter an amount in pounds, like 1234.56');
/** A yes/no from a form ("true"/"false") or from code (boolean). */
export const Flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
