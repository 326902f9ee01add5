// Asks for a manual TRN check: when a participant's details do not match a teacher record, the DfE asks
// the Teaching Regulation Agency by ticket. Creates the request (the daily `trn-checks` job raises the
// ticket) and marks the profile's TRN as awaiting the check. Asking again while one is waiting returns
// that one, so validation may call this every time it fails.
import { z } from 'zod';
import type { ActorContext } from '../actor.js';
import { actorLabel } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { notFound } from '../errors.js';
import { Id } from '../zod.js';
import { db, type Tx } from '../../db/client.js';
import { PENDING_TRN_CHECK_STATES } from './trn-check-states.js';
import { auditEvents } from '../audit/events.js';

export const RequestTrnCheckInput = z.object({
  participantProfileId: Id,
  /** Why the TRN could not be validated, for the TRA and the queue (e.g. "no DQT record matched 3 of 4 details"). */
  reason: z.string().trim().max(2000).nullish(),
});

export interface RequestedTrnCheck {
  id: string;
  /** False when a check was already waiting for this participant (that one is returned). */
  created: boolean;
}

/** The check already waiting for each of these participants, by participant profile id. */
export async function waitingTrnChecks(client: Tx, participantProfileIds: string[]): Promise<Map<string, { id: string; requestedBy: string }>> {
  const waiting = await client.trnCheckRequest.findMany({
    where: { participantProfileId: { in: participantProfileIds }, state: { in: [...PENDING_TRN_CHECK_STATES] } },
    select: { id: true, participantProfileId: true, requestedBy: true },
    orderBy: { createdAt: 'asc' },
  });
  const byProfile = new Map<string, { id: string; requestedBy: string }>();
  for (const check of waiting) if (!byProfile.has(check.participantProfileId)) byProfile.set(check.participantProfileId, { id: check.id, requestedBy: check.requestedBy });
  return byProfile;
}

export async function requestTrnCheck(ctx: ActorContext, raw: unknown): Promise<RequestedTrnCheck> {
  const input = RequestTrnCheckInput.parse(raw);
  requirePermission(ctx, 'participants.edit');
  return db().$transaction(async (tx) => {
    const profile = await tx.participantProfile.findUnique({ where: { id: input.participantProfileId }, include: { teacher: true } });
    if (!profile) throw notFound('Participant');
    const waiting = (await waitingTrnChecks(tx, [profile.id])).get(profile.id);
    if (waiting) return { id: waiting.id, created: false };

    const { teacher } = profile;
    const request = await tx.trnCheckRequest.create({
      data: {
        participantProfileId: profile.id,
        fullName: teacher.fullName,
        dateOfBirth: teacher.dateOfBirth,
        nationalInsuranceNumber: teacher.nationalInsuranceNumber,
        trnGiven: teacher.trn,
        reason: input.reason ?? null,
        requestedBy: actorLabel(ctx.actor),
      },
    });
    await recordAudit(tx, ctx, auditEvents.trnCheckRequested({
      subjectId: request.id,
      after: { participantProfileId: profile.id, trnGiven: teacher.trn, state: request.state }, reason: input.reason,
    }));
    if (profile.trnValidationState !== 'manual_check_requested') {
      await tx.participantProfile.update({ where: { id: profile.id }, data: { trnValidationState: 'manual_check_requested' } });
      await recordAudit(tx, ctx, auditEvents.participantTrnCheckRequested({
        subjectId: profile.id,
        before: { trnValidationState: profile.trnValidationState }, after: { trnValidationState: 'manual_check_requested' }, reason: input.reason,
      }));
    }
    return { id: request.id, created: true };
  });
}
