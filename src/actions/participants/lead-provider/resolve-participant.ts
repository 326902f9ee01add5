// Finding the participant a lead provider names: the API's participant_id is the teacher's id, and the
// course picks the profile (ecf-induction = ECT, ecf-mentor = mentor; active profiles only).
import type { ParticipantProfile, ParticipantType, Teacher } from '@prisma/client';
import type { Tx } from '../../../db/client.js';
import { isUuid } from '../../partnerships/lenient-input.js';

export const COURSE_PROFILE_TYPES: Record<string, ParticipantType> = { 'ecf-induction': 'ect', 'ecf-mentor': 'mentor' };
export const PROFILE_COURSES: Record<ParticipantType, 'ecf-induction' | 'ecf-mentor'> = { ect: 'ecf-induction', mentor: 'ecf-mentor' };


export async function findTeacher(tx: Tx, participantId: string | undefined): Promise<Teacher | null> {
  return isUuid(participantId) ? tx.teacher.findUnique({ where: { id: participantId } }) : null;
}

/** The teacher's active profile for the course, or null when they do not hold that course. */
export async function activeProfileFor(tx: Tx, teacherId: string, courseIdentifier: string | undefined): Promise<ParticipantProfile | null> {
  const type = courseIdentifier ? COURSE_PROFILE_TYPES[courseIdentifier] : undefined;
  if (!type) return null;
  return tx.participantProfile.findFirst({ where: { teacherId, type, status: 'active' }, orderBy: { createdAt: 'asc' } });
}
