import { z } from 'zod';
import type { School } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { changedFields, recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { notFound } from '../errors.js';
import { Flag, Id } from '../zod.js';
import { auditEvents } from '../audit/events.js';

const OptionalEmail = z.string().trim().toLowerCase().email('Enter an email address in the correct format, like name@example.com').nullish();

/** What support may correct on a school; GIAS-owned fields (URN, type, status) come from GIAS only. */
export const UpdateSchoolInput = z.object({
  id: Id,
  name: z.string().trim().min(1, 'Enter the school name').optional(),
  primaryContactEmail: OptionalEmail,
  secondaryContactEmail: OptionalEmail,
  section41Approved: Flag.optional(),
  reason: z.string().trim().max(2000).nullish(),
});

export async function updateSchool(ctx: ActorContext, raw: unknown): Promise<School> {
  const { id, reason, ...changes } = UpdateSchoolInput.parse(raw);
  requirePermission(ctx, 'schools.edit');
  return db().$transaction(async (tx) => {
    const school = await tx.school.findUnique({ where: { id } });
    if (!school) throw notFound('School');
    const updated = await tx.school.update({ where: { id }, data: changes });
    await recordAudit(tx, ctx, auditEvents.schoolUpdated({ subjectId: id, reason, ...changedFields(school, updated) }));
    return updated;
  });
}
