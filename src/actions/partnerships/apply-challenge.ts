// What a challenge does, whoever makes it (the DfE's Partnerships::Challenge): the reason and time on the
// partnership, for no_ects the school cohort opted out, and the lead provider's users told. Runs in the caller's transaction.
import { UNCHALLENGED_PARTNERSHIP } from '../../rules/unchallenged-partnership.js';
import type { ChallengeReason } from '@prisma/client';
import type { Tx } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { ActionError, notFound } from '../errors.js';
import { CHALLENGE_REASON_LABELS } from './challenge-reasons.js';
import { emailLeadProviderAboutChallenge, type PartnershipWithParties } from './partnership-emails.js';
import { auditEvents } from '../audit/events.js';

export const ALREADY_CHALLENGED = 'This partnership has already been challenged';

const parties = { school: true, leadProvider: true, deliveryPartner: true, cohort: true } as const;

export async function applyChallenge(tx: Tx, ctx: ActorContext, partnershipId: string, reason: ChallengeReason, now = new Date()): Promise<PartnershipWithParties> {
  // Conditional on still being unchallenged, so of two people challenging at once only one wins.
  const { count } = await tx.partnership.updateMany({
    where: { id: partnershipId, ...UNCHALLENGED_PARTNERSHIP },
    data: { challengedAt: now, challengeReason: reason },
  });
  if (count === 0) {
    const exists = await tx.partnership.count({ where: { id: partnershipId } });
    throw exists ? new ActionError('INVALID_STATE', ALREADY_CHALLENGED) : notFound('Partnership');
  }
  const partnership = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId }, include: parties });
  await recordAudit(tx, ctx, auditEvents.partnershipChallenged({
    subjectId: partnershipId,
    before: { challengedAt: null, challengeReason: null },
    after: { challengedAt: now, challengeReason: reason },
    reason: CHALLENGE_REASON_LABELS[reason],
  }));

  if (reason === 'no_ects') {
    const schoolCohort = await tx.schoolCohort.findUnique({
      where: { schoolId_cohortId: { schoolId: partnership.schoolId, cohortId: partnership.cohortId } },
    });
    if (schoolCohort) {
      const after = { inductionProgrammeChoice: 'no_early_career_teachers', defaultInductionProgrammeId: null, optOutOfUpdates: true } as const;
      await tx.schoolCohort.update({ where: { id: schoolCohort.id }, data: after });
      await recordAudit(tx, ctx, auditEvents.schoolCohortUpdated({
        subjectId: schoolCohort.id,
        before: {
          inductionProgrammeChoice: schoolCohort.inductionProgrammeChoice,
          defaultInductionProgrammeId: schoolCohort.defaultInductionProgrammeId,
          optOutOfUpdates: schoolCohort.optOutOfUpdates,
        },
        after,
        reason: `Partnership challenged: ${CHALLENGE_REASON_LABELS[reason]}`,
      }));
    }
  }

  await emailLeadProviderAboutChallenge(tx, partnership);
  return partnership;
}
