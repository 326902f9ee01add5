// Finding the participant a lead provider names: the API's participant_id is the teacher's id, and the
// course picks the profile (ecf-induction = ECT, ecf-mentor = mentor; active profiles only).
import { Prisma, type ParticipantProfile, type ParticipantType, type Teacher } from '@prisma/client';
import type { Tx } from '../../../db/client.js';
import { isUuid } from '../../partnerships/lenient-input.js';
import type { ProviderScope } from './provider-scope.js';

export const COURSE_PROFILE_TYPES: Record<string, ParticipantType> = { 'ecf-induction': 'ect', 'ecf-mentor': 'mentor' };
export const PROFILE_COURSES: Record<ParticipantType, 'ecf-induction' | 'ecf-mentor'> = { ect: 'ecf-induction', mentor: 'ecf-mentor' };


/**
 * The participant a lead provider names, when it has (or had) an induction record with them. Another
 * provider's participant is not found, exactly as an id that does not exist: no later check may answer
 * differently for them (whether they exist, hold a course or were declared for by someone else).
 */
export async function findTeacher(tx: Tx, scope: Pick<ProviderScope, 'leadProviderId'>, participantId: string | undefined): Promise<Teacher | null> {
  if (!isUuid(participantId)) return null;
  const reached = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT t.id FROM teachers t
    WHERE t.id = ${participantId}::uuid AND EXISTS (
      SELECT 1 FROM participant_profiles pp
      JOIN induction_records ir ON ir."participantProfileId" = pp.id
      JOIN induction_programmes ip ON ip.id = ir."inductionProgrammeId"
      JOIN partnerships pa ON pa.id = ip."partnershipId"
      WHERE pp."teacherId" = t.id AND pa."leadProviderId" = ${scope.leadProviderId}::uuid)`);
  return reached.length ? tx.teacher.findUnique({ where: { id: participantId } }) : null;
}

/** The teacher's active profile for the course, or null when they do not hold that course. */
export async function activeProfileFor(tx: Tx, teacherId: string, courseIdentifier: string | undefined): Promise<ParticipantProfile | null> {
  const type = courseIdentifier ? COURSE_PROFILE_TYPES[courseIdentifier] : undefined;
  if (!type) return null;
  return tx.participantProfile.findFirst({ where: { teacherId, type, status: 'active' }, orderBy: { createdAt: 'asc' } });
}
