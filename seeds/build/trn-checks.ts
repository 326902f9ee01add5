// Manual TRN checks for the participants whose TRN awaits one, so the back office's TRN checks queue has
// work in it: those registered before today were sent to the queue the next morning; today's still wait.
import type { Prisma } from '@prisma/client';
import { stableId } from '../lib/random.js';

const DAY_MS = 86_400_000;

const REASONS: Record<string, string> = {
  different_trn: 'The TRN given belongs to a teacher record with different details',
  no_qts: 'No teacher record with QTS matched 3 of the 4 details given',
  no_induction: 'No teacher record with an induction matched the details given',
  active_flags: 'The teacher record matched has an alert that needs checking',
};

export function buildTrnChecks(
  today: Date,
  teachers: readonly Prisma.TeacherCreateManyInput[],
  profiles: readonly Prisma.ParticipantProfileCreateManyInput[],
): Prisma.TrnCheckRequestCreateManyInput[] {
  const teacherById = new Map(teachers.map((t) => [t.id, t]));
  return profiles
    .filter((profile) => profile.trnValidationState === 'manual_check_requested')
    .map((profile) => {
      const teacher = teacherById.get(profile.teacherId)!;
      const id = stableId('trn-check-request', profile.id!);
      const requestedAt = new Date(profile.createdAt!);
      const sentAt = new Date(Date.UTC(requestedAt.getUTCFullYear(), requestedAt.getUTCMonth(), requestedAt.getUTCDate()) + DAY_MS + 6 * 3600_000);
      const sent = sentAt <= today;
      return {
        id,
        participantProfileId: profile.id!,
        state: sent ? 'open' : 'requested',
        fullName: teacher.fullName,
        dateOfBirth: teacher.dateOfBirth ?? null,
        nationalInsuranceNumber: teacher.nationalInsuranceNumber ?? null,
        trnGiven: teacher.trn ?? null,
        reason: REASONS[String(profile.eligibilityReason)] ?? null,
        requestedBy: 'System: TRN validation',
        adapter: sent ? 'back_office' : null,
        ticketId: sent ? id : null,
        sentAt: sent ? sentAt : null,
        createdAt: requestedAt,
        updatedAt: sent ? sentAt : requestedAt,
      };
    });
}
