// A super user challenges a partnership on the school's behalf after its challenge deadline (the DfE's
// app/services/partnerships/challenge.rb, from its admin challenge page). There is no deadline check: this is the late route.
import { z } from 'zod';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';
import { Id } from '../zod.js';
import { applyChallenge } from './apply-challenge.js';
import { CHALLENGE_REASON_REQUIRED, isChallengeReason } from './challenge-reasons.js';
import type { PartnershipWithParties } from './partnership-emails.js';

export const POLICY_ENGAGEMENT_CONFIRMATION = 'Has this been authorised by the Policy Engagement Team?';
export const CONFIRMATION_REQUIRED = 'Confirm that the Policy Engagement Team has authorised this challenge';
export { ALREADY_CHALLENGED } from './apply-challenge.js';

export const ChallengePartnershipInput = z.object({
  partnershipId: Id,
  /** One of CHALLENGE_REASONS; anything else is refused with CHALLENGE_REASON_REQUIRED. */
  reason: z.unknown(),
  /** The answer to POLICY_ENGAGEMENT_CONFIRMATION: must be true. */
  confirmed: z.unknown(),
});

export async function challengePartnership(ctx: ActorContext, raw: unknown): Promise<PartnershipWithParties> {
  const { partnershipId, reason, confirmed } = ChallengePartnershipInput.parse(raw);
  requirePermission(ctx, 'partnerships.challenge_late');
  if (!isChallengeReason(reason)) {
    throw new ActionError('INVALID_INPUT', CHALLENGE_REASON_REQUIRED, [{ field: 'reason', message: CHALLENGE_REASON_REQUIRED }]);
  }
  if (confirmed !== true && confirmed !== 'true') {
    throw new ActionError('INVALID_INPUT', CONFIRMATION_REQUIRED, [{ field: 'confirmed', message: CONFIRMATION_REQUIRED }]);
  }

  return db().$transaction((tx) => applyChallenge(tx, ctx, partnershipId, reason));
}
