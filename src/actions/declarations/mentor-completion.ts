// A mentor's training is complete when a `completed` declaration for them is submitted or billable
// (Mentors::CheckTrainingCompletion); voiding it undoes that. Recomputed after either.
import type { Tx } from '../../db/client.js';

/** After this date a mentor marked "started, not completed" by hand keeps that mark. */
const DECLARATION_WINDOW_CLOSE_DATE = new Date('2024-07-31T00:00:00Z');

export async function refreshMentorCompletion(tx: Tx, participantProfileId: string, now = new Date()): Promise<void> {
  const profile = await tx.participantProfile.findUniqueOrThrow({ where: { id: participantProfileId } });
  if (profile.type !== 'mentor') return;
  const markedByHand = profile.mentorCompletionDate !== null && profile.mentorCompletionReason === 'started_not_completed';
  if (markedByHand && now >= DECLARATION_WINDOW_CLOSE_DATE) return;

  const completed = await tx.declaration.findFirst({
    where: { participantProfileId, declarationType: 'completed', state: { in: ['submitted', 'eligible', 'payable', 'paid'] } },
    orderBy: { declarationDate: 'desc' },
  });
  await tx.participantProfile.update({
    where: { id: participantProfileId },
    data: completed
      ? { mentorCompletionDate: completed.declarationDate, mentorCompletionReason: 'completed_declaration_received' }
      : { mentorCompletionDate: null, mentorCompletionReason: null },
  });
}
