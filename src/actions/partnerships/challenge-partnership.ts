// A super user challenges a partnership on the school's behalf after its challenge deadline (support runbook
// "Challenge a partnership after the deadline"; ecf-domain 4). There is no deadline check: this is the late route.
import { z } from 'zod';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit.js';
import { requirePermission } from '../authz.js';
import { ActionError, notFound } from '../errors.js';
import { Id } from '../zod.js';
import { CHALLENGE_REASON_LABELS, CHALLENGE_REASON_REQUIRED, isChallengeReason } from './challenge-reasons.js';
import { emailLeadProviderAboutChallenge, type PartnershipWithParties } from './partnership-emails.js';

export const POLICY_ENGAGEMENT_CONFIRMATION = 'Has this been authorised by the Policy Engagement Team?';
export const CONFIRMATION_REQUIRED = 'Confirm that the Policy Engagement Team has authorised this challenge';
export const ALREADY_CHALLENGED = 'This partnership has already been challenged';

export const ChallengePartnershipInput = z.object({
  partnershipId: Id,
  /** One of CHALLENGE_REASONS; anything else is refused with CHALLENGE_REASON_REQUIRED. */
  reason: z.unknown(),
  /** The answer to POLICY_ENGAGEMENT_CONFIRMATION: must be true. */
  confirmed: z.unknown(),
});

const parties = { school: true, leadProvider: true, deliveryPartner: true, cohort: true } as const;

export async function challengePartnership(ctx: ActorContext, raw: unknown): Promise<PartnershipWithParties> {
  const { partnershipId, reason, confirmed } = ChallengePartnershipInput.parse(raw);
  requirePermission(ctx, 'partnerships.challenge_late');
  if (!isChallengeReason(reason)) {
    throw new ActionError('INVALID_INPUT', CHALLENGE_REASON_REQUIRED, [{ field: 'reason', message: CHALLENGE_REASON_REQUIRED }]);
  }
  if (confirmed !== true && confirmed !== 'true') {
    throw new ActionError('INVALID_INPUT', CONFIRMATION_REQUIRED, [{ field: 'confirmed', message: CONFIRMATION_REQUIRED }]);
  }

  return db().$transaction(async (tx) => {
    const challengedAt = new Date();
    // Conditional on still being unchallenged, so of two admins challenging at once only one wins.
    const { count } = await tx.partnership.updateMany({
      where: { id: partnershipId, challengedAt: null, challengeReason: null },
      data: { challengedAt, challengeReason: reason },
    });
    if (count === 0) {
      const exists = await tx.partnership.count({ where: { id: partnershipId } });
      throw exists ? new ActionError('INVALID_STATE', ALREADY_CHALLENGED) : notFound('Partnership');
    }
    const partnership = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId }, include: parties });
    await recordAudit(tx, ctx, {
      action: 'partnership.challenged',
      subjectType: 'Partnership',
      subjectId: partnershipId,
      before: { challengedAt: null, challengeReason: null },
      after: { challengedAt, challengeReason: reason },
      reason: CHALLENGE_REASON_LABELS[reason],
    });

    if (reason === 'no_ects') {
      const schoolCohort = await tx.schoolCohort.findUnique({
        where: { schoolId_cohortId: { schoolId: partnership.schoolId, cohortId: partnership.cohortId } },
      });
      if (schoolCohort) {
        const after = { inductionProgrammeChoice: 'no_early_career_teachers', defaultInductionProgrammeId: null, optOutOfUpdates: true } as const;
        await tx.schoolCohort.update({ where: { id: schoolCohort.id }, data: after });
        await recordAudit(tx, ctx, {
          action: 'school_cohort.updated',
          subjectType: 'SchoolCohort',
          subjectId: schoolCohort.id,
          before: {
            inductionProgrammeChoice: schoolCohort.inductionProgrammeChoice,
            defaultInductionProgrammeId: schoolCohort.defaultInductionProgrammeId,
            optOutOfUpdates: schoolCohort.optOutOfUpdates,
          },
          after,
          reason: `Partnership challenged: ${CHALLENGE_REASON_LABELS[reason]}`,
        });
      }
    }

    await emailLeadProviderAboutChallenge(tx, partnership);
    return partnership;
  });
}
