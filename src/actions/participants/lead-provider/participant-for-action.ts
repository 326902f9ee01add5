// The checks every participant action (defer, resume, withdraw, change schedule) starts with, in the
// DfE's order: the participant exists, holds the course, and reaches the provider through an induction record.
import type { InductionRecord, ParticipantProfile, Teacher } from '@prisma/client';
import type { Tx } from '../../../db/client.js';
import type { FieldErrors } from './field-errors.js';
import { latestInductionRecordFor } from '../../../rules/latest-induction-record.js';
import { MESSAGES } from './messages.js';
import type { ProviderScope } from './provider-scope.js';
import { activeProfileFor, findTeacher } from './resolve-participant.js';

export interface ParticipantForAction {
  teacher: Teacher;
  profile: ParticipantProfile;
  /** The provider's latest induction record for the profile: the one an action changes. */
  record: InductionRecord;
}

export async function participantForAction(
  tx: Tx,
  scope: ProviderScope,
  input: { participantId?: string; courseIdentifier?: string },
  errors: FieldErrors,
  /** Given the profile when one is found, even if no induction record reaches the provider. */
  found?: { profile?: ParticipantProfile },
): Promise<ParticipantForAction | null> {
  const teacher = await findTeacher(tx, scope, input.participantId);
  if (!teacher) errors.add('participant_id', MESSAGES.invalidParticipant);

  const profile = teacher ? await activeProfileFor(tx, teacher.id, input.courseIdentifier) : null;
  // As the DfE's `validates :course_identifier, course: true, presence: ...`: the course check first (only
  // while nothing else is wrong; no course is not one the participant holds), then presence on its own.
  if (!errors.any && !profile) errors.add('course_identifier', MESSAGES.invalidCourse);
  if (!input.courseIdentifier) errors.add('course_identifier', MESSAGES.missingCourseIdentifier);

  if (errors.any || !teacher || !profile) return null;
  if (found) found.profile = profile;
  // Two requests for one participant queue here, so each sees the other's result.
  await tx.$queryRaw`SELECT 1 FROM participant_profiles WHERE id = ${profile.id}::uuid FOR UPDATE`;
  const record = await latestInductionRecordFor(tx, profile.id, { leadProviderId: scope.leadProviderId });
  if (!record) {
    errors.add('participant_id', MESSAGES.invalidParticipant);
    return null;
  }
  return { teacher, profile, record };
}
