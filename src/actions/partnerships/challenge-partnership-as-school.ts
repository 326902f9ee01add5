// The school's own challenge, through the link in its partnership email (no sign-in: the token is the
// authority). As the DfE's ChallengePartnershipsController: an unknown token is not found; a challenged partnership
// says so first; past the challenge deadline the link has expired; otherwise the school picks one of the reasons.
import { z } from 'zod';
import type { ChallengeReason } from '@prisma/client';
import { db, type Tx } from '../../db/client.js';
import { isUnchallenged } from '../../rules/unchallenged-partnership.js';
import type { ActorContext } from '../actor.js';
import { ActionError } from '../errors.js';
import { applyChallenge } from './apply-challenge.js';
import { CHALLENGE_REASON_REQUIRED, isChallengeReason } from './challenge-reasons.js';
import { hashChallengeToken } from './school-challenge-links.js';

export type SchoolChallengeState = 'open' | 'already_challenged' | 'link_expired';

export interface SchoolChallenge {
  state: SchoolChallengeState;
  partnershipId: string;
  schoolName: string;
  leadProviderName: string;
  deliveryPartnerName: string;
  academicYearStart: number;
  challengeDeadline: Date | null;
  sentTo: string;
}

export const SchoolChallengeInput = z.object({
  token: z.string().min(1).max(200),
  /** One of CHALLENGE_REASONS; anything else is refused with CHALLENGE_REASON_REQUIRED. */
  reason: z.unknown(),
});

async function lookUp(tx: Tx, token: string, now: Date): Promise<SchoolChallenge | null> {
  if (!token) return null;
  const email = await tx.partnershipNotificationEmail.findUnique({
    where: { tokenHash: hashChallengeToken(token) },
    include: { partnership: { include: { school: true, leadProvider: true, deliveryPartner: true, cohort: true } } },
  });
  if (!email) return null;
  const p = email.partnership;
  // Partnership#in_challenge_window?: a deadline, still ahead.
  const state: SchoolChallengeState = !isUnchallenged(p)
    ? 'already_challenged'
    : p.challengeDeadline && p.challengeDeadline > now ? 'open' : 'link_expired';
  return {
    state,
    partnershipId: p.id,
    schoolName: p.school.name,
    leadProviderName: p.leadProvider.name,
    deliveryPartnerName: p.deliveryPartner.name,
    academicYearStart: p.cohort.startYear,
    challengeDeadline: p.challengeDeadline,
    sentTo: email.sentTo,
  };
}

/** What the link leads to; null when the token is not one we sent. */
export function findSchoolChallenge(token: string, now = new Date()): Promise<SchoolChallenge | null> {
  return lookUp(db(), token, now);
}

const schoolActor = (sentTo: string): ActorContext => ({ actor: { kind: 'system', name: `School, through the challenge link sent to ${sentTo}` } });

/** Challenges the link's partnership; refuses an unknown link (NOT_FOUND), a challenged or expired one (INVALID_STATE with the state). */
export async function challengePartnershipAsSchool(raw: unknown, now = new Date()): Promise<SchoolChallenge> {
  const { token, reason } = SchoolChallengeInput.parse(raw);
  return db().$transaction(async (tx) => {
    const found = await lookUp(tx, token, now);
    if (!found) throw new ActionError('NOT_FOUND', 'Challenge link not found');
    if (found.state !== 'open') throw new ActionError('INVALID_STATE', found.state);
    if (!isChallengeReason(reason)) {
      throw new ActionError('INVALID_INPUT', CHALLENGE_REASON_REQUIRED, [{ field: 'reason', message: CHALLENGE_REASON_REQUIRED }]);
    }
    await applyChallenge(tx, schoolActor(found.sentTo), found.partnershipId, reason as ChallengeReason, now);
    return { ...found, state: 'already_challenged' };
  });
}
