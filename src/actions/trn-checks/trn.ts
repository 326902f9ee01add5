// A teacher reference number as the DfE takes it: digits only (spaces and letters dropped), 5 to 7 of
// them, kept padded to 7 with leading zeros as the TRA writes it.
import { z } from 'zod';

export const TRN_LENGTH = 7;

export const Trn = z
  .string({ error: 'Enter the teacher reference number (TRN)' })
  .transform((v) => v.replace(/\D/g, ''))
  .superRefine((digits, ctx) => {
    if (digits.length === 0) ctx.addIssue({ code: 'custom', message: 'Enter the teacher reference number (TRN)' });
    else if (digits.length < 5) ctx.addIssue({ code: 'custom', message: 'Teacher reference number must include at least 5 digits' });
    else if (digits.length > TRN_LENGTH) ctx.addIssue({ code: 'custom', message: 'Teacher reference number cannot include more than 7 digits' });
  })
  .transform((digits) => digits.padStart(TRN_LENGTH, '0'));
