// Support replace a school's induction tutor, or correct the current one's name or email, as the DfE's admin
// does (app/controllers/admin/schools/induction_coordinators_controller.rb, app/forms/nominate_induction_tutor_form.rb).
// The tutor receives the school's partnership emails (src/actions/partnerships/partnership-emails.ts).
import { z } from 'zod';
import type { School } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { changedFields, recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError, notFound } from '../errors.js';
import { Id, Reason } from '../zod.js';
import { auditEvents } from '../audit/events.js';

export const FULL_NAME_REQUIRED = 'Enter a full name';
export const EMAIL_REQUIRED = 'Enter an email address';
export const EMAIL_FORMAT = 'Enter an email address in the correct format, like name@example.com';
export const emailInUse = (email: string) => `The email address ${email} is already in use`;

export const ReplaceInductionTutorInput = z.object({
  schoolId: Id,
  fullName: z.string(FULL_NAME_REQUIRED).trim().min(1, FULL_NAME_REQUIRED).max(200),
  email: z.string(EMAIL_REQUIRED).trim().toLowerCase().min(1, { message: EMAIL_REQUIRED, abort: true }).email(EMAIL_FORMAT),
  reason: Reason,
});

export async function replaceInductionTutor(ctx: ActorContext, raw: unknown): Promise<School> {
  const { schoolId, fullName, email, reason } = ReplaceInductionTutorInput.parse(raw);
  requirePermission(ctx, 'schools.edit');
  return db().$transaction(async (tx) => {
    const school = await tx.school.findUnique({ where: { id: schoolId } });
    if (!school) throw notFound('School');
    // The DfE refuses an address an active early career teacher signs in with: one person cannot be both.
    const activeEct = await tx.participantProfile.count({
      where: { type: 'ect', status: 'active', archivedAt: null, teacher: { email } },
    });
    if (activeEct) throw new ActionError('INVALID_INPUT', emailInUse(email), [{ field: 'email', message: emailInUse(email) }]);

    const after = { inductionTutorName: fullName, inductionTutorEmail: email };
    const updated = await tx.school.update({ where: { id: schoolId }, data: after });
    const diff = changedFields(school, after);
    await recordAudit(tx, ctx, (school.inductionTutorEmail ? auditEvents.schoolInductionTutorReplaced : auditEvents.schoolInductionTutorAdded)({
      subjectId: schoolId,
      reason,
      ...diff,
    }));
    return updated;
  });
}
