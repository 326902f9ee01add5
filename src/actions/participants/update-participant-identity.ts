// Support corrects the details a TRN is validated against: TRN, date of birth and National Insurance number.
// A changed TRN is no longer known to be valid, so every profile's validation starts again (as the DfE's
// "validate" clears it before re-running). The audit names which personal details changed, never their values.
import { z } from 'zod';
import type { Teacher } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { notFound } from '../errors.js';
import { Id, Reason } from '../zod.js';
import { auditEvents } from '../audit/events.js';

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema.nullable());

export const Trn = z
  .string({ error: 'Enter the teacher reference number (TRN)' })
  .transform((v) => v.replace(/\D/g, ''))
  .refine((v) => v.length > 0, 'Enter the teacher reference number (TRN)')
  .refine((v) => v.length === 0 || v.length >= 5, 'Teacher reference number must include at least 5 digits')
  .refine((v) => v.length <= 7, 'Teacher reference number cannot include more than 7 digits');

export const NationalInsuranceNumber = z
  .string()
  .transform((v) => v.replace(/\s/g, '').toUpperCase())
  .refine((v) => /^[A-Z]{2}\d{6}[A-D]$/.test(v), 'Enter a National Insurance number in the correct format, like QQ 12 34 56 C');

const DateOfBirth = z.coerce
  .date({ error: 'Enter a date of birth, like 1990-03-27' })
  .refine((d) => d.getTime() < Date.now(), 'Date of birth must be in the past')
  .refine((d) => d.getUTCFullYear() >= 1900, 'Enter a date of birth after 1900');

export const UpdateParticipantIdentityInput = z.object({
  teacherId: Id,
  trn: optional(Trn),
  dateOfBirth: optional(DateOfBirth),
  nationalInsuranceNumber: optional(NationalInsuranceNumber),
  reason: Reason,
});

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

export async function updateParticipantIdentity(ctx: ActorContext, raw: unknown): Promise<Teacher> {
  const input = UpdateParticipantIdentityInput.parse(raw);
  requirePermission(ctx, 'participants.edit');
  return db().$transaction(async (tx) => {
    const teacher = await tx.teacher.findUnique({ where: { id: input.teacherId } });
    if (!teacher) throw notFound('Participant');
    const trnChanged = teacher.trn !== input.trn;
    const dobChanged = day(teacher.dateOfBirth) !== day(input.dateOfBirth);
    const ninoChanged = teacher.nationalInsuranceNumber !== input.nationalInsuranceNumber;
    if (!trnChanged && !dobChanged && !ninoChanged) return teacher;

    const updated = await tx.teacher.update({
      where: { id: teacher.id },
      data: { trn: input.trn, dateOfBirth: input.dateOfBirth, nationalInsuranceNumber: input.nationalInsuranceNumber },
    });
    if (trnChanged) await tx.participantProfile.updateMany({ where: { teacherId: teacher.id }, data: { trnValidationState: 'not_started' } });
    const hidden = 'changed';
    await recordAudit(tx, ctx, auditEvents.participantIdentityChanged({
      subjectId: teacher.id,
      before: { ...(trnChanged ? { trn: teacher.trn } : {}) },
      after: {
        ...(trnChanged ? { trn: input.trn, trnValidationState: 'not_started' } : {}),
        ...(dobChanged ? { dateOfBirth: hidden } : {}),
        ...(ninoChanged ? { nationalInsuranceNumber: hidden } : {}),
      },
      reason: input.reason,
    }));
    return updated;
  });
}
