// Support corrects a participant's name or email address (the person, so every profile they hold).
import { z } from 'zod';
import type { Teacher } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { changedFields, recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError, notFound } from '../errors.js';
import { Email, Id, Reason } from '../zod.js';
import { auditEvents } from '../audit/events.js';

export const UpdateParticipantDetailsInput = z.object({
  teacherId: Id,
  fullName: z.string().trim().min(1, 'Enter a full name').max(200),
  email: Email,
  reason: Reason,
});

export const EMAIL_TAKEN = 'This email address is already used by another participant';

export async function updateParticipantDetails(ctx: ActorContext, raw: unknown): Promise<Teacher> {
  const input = UpdateParticipantDetailsInput.parse(raw);
  requirePermission(ctx, 'participants.edit');
  return db().$transaction(async (tx) => {
    const teacher = await tx.teacher.findUnique({ where: { id: input.teacherId } });
    if (!teacher) throw notFound('Participant');
    const clash = await tx.teacher.findFirst({ where: { email: { equals: input.email, mode: 'insensitive' }, id: { not: teacher.id } } });
    if (clash) throw new ActionError('CONFLICT', EMAIL_TAKEN, [{ field: 'email', message: EMAIL_TAKEN }]);
    const { before, after } = changedFields(teacher, { fullName: input.fullName, email: input.email });
    if (Object.keys(after).length === 0) return teacher;
    const updated = await tx.teacher.update({ where: { id: teacher.id }, data: after });
    await recordAudit(tx, ctx, auditEvents.participantDetailsChanged({ subjectId: teacher.id, before, after, reason: input.reason }));
    return updated;
  });
}
