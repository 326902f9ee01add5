// Which evidence a lead provider must say it holds for a declaration (EvidenceHeldValidator).
// Cohorts with detailed evidence types (2025 on) have per-event lists; earlier ones a single list.
import type { DeclarationType, ParticipantType } from '@prisma/client';
import { MESSAGES } from '../participants/lead-provider/messages.js';

const ENGAGEMENT = ['training-event-attended', 'self-study-material-completed', 'materials-engaged-with-offline', 'other'];
const SEVENTY_FIVE_PERCENT = ['75-percent-engagement-met', '75-percent-engagement-met-reduced-induction'];
const BEFORE_DETAILED_TYPES = ['training-event-attended', 'self-study-material-completed', 'other'];

function detailedEvidence(participantType: ParticipantType, declarationType: DeclarationType): string[] {
  if (participantType === 'mentor') {
    if (declarationType === 'started') return ENGAGEMENT;
    return declarationType === 'completed' ? SEVENTY_FIVE_PERCENT : [];
  }
  if (declarationType === 'retained_2') return SEVENTY_FIVE_PERCENT;
  if (declarationType === 'completed') return [...SEVENTY_FIVE_PERCENT, 'one-term-induction'];
  return ENGAGEMENT;
}

export interface EvidenceVerdict {
  /** What to store: `started` evidence is dropped before detailed evidence types. */
  evidenceHeld: string | null;
  problem: string | null;
}

export function judgeEvidenceHeld(
  evidenceHeld: string | undefined,
  { participantType, declarationType, detailedEvidenceTypes }: { participantType: ParticipantType; declarationType: DeclarationType; detailedEvidenceTypes: boolean },
): EvidenceVerdict {
  if (declarationType === 'started' && (!detailedEvidenceTypes || !evidenceHeld)) {
    return { evidenceHeld: null, problem: null };
  }
  if (!evidenceHeld) return { evidenceHeld: null, problem: MESSAGES.missingEvidenceHeld };
  const allowed = detailedEvidenceTypes ? detailedEvidence(participantType, declarationType) : BEFORE_DETAILED_TYPES;
  return allowed.includes(evidenceHeld) ? { evidenceHeld, problem: null } : { evidenceHeld, problem: MESSAGES.invalidEvidenceHeld };
}
