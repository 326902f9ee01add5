// The answer to a manual TRN check: the TRN the TRA found, or its note of why none was found. Support
// staff record it in the back office's TRN checks queue; the `trn-checks` job records the answers it
// reads from the ticket system (passing that ticket's id). A found TRN becomes the teacher's TRN and
// validates the participant; a failure marks the TRN invalid. Checks waiting for the same teacher's
// other profiles take the same answer.
import { z } from 'zod';
import type { TrnCheckRequest } from '@prisma/client';
import { actorLabel, type ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError, notFound } from '../errors.js';
import { Id } from '../zod.js';
import { db } from '../../db/client.js';
import { Trn } from './trn.js';
import { PENDING_TRN_CHECK_STATES } from './trn-check-states.js';
import { auditEvents } from '../audit/events.js';

export const RecordTrnCheckAnswerInput = z
  .object({
    trnCheckRequestId: Id,
    trn: Trn.nullish(),
    failureNote: z.string().trim().max(2000).nullish().transform((v) => v || null),
    /** The ticket the answer was read from; only the job sends it. */
    ticketId: z.string().nullish(),
  })
  .superRefine((input, ctx) => {
    if (!input.trn && !input.failureNote) ctx.addIssue({ code: 'custom', path: ['trn'], message: 'Enter the TRN found, or a note of why no record was found' });
    if (input.trn && input.failureNote) ctx.addIssue({ code: 'custom', path: ['failureNote'], message: 'Give either the TRN found or a failure note, not both' });
  });

export async function recordTrnCheckAnswer(ctx: ActorContext, raw: unknown): Promise<TrnCheckRequest> {
  const input = RecordTrnCheckAnswerInput.parse(raw);
  requirePermission(ctx, 'participants.edit');
  return db().$transaction(async (tx) => {
    // Locked, so the queue and the job cannot both answer it.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM trn_check_requests WHERE id = ${input.trnCheckRequestId}::uuid FOR UPDATE`;
    if (!locked) throw notFound('TRN check');
    const request = await tx.trnCheckRequest.findUniqueOrThrow({ where: { id: locked.id }, include: { participantProfile: true } });
    if (!(PENDING_TRN_CHECK_STATES as readonly string[]).includes(request.state)) {
      throw new ActionError('INVALID_STATE', 'This TRN check has already been answered.');
    }
    if (request.adapter === 'zendesk' && input.ticketId !== request.ticketId) {
      throw new ActionError('INVALID_STATE', `This check is with the TRA as Zendesk ticket ${request.ticketId}: its answer is taken from that ticket.`);
    }

    const found = Boolean(input.trn);
    const now = new Date();
    const answered = await tx.trnCheckRequest.update({
      where: { id: request.id },
      data: {
        state: found ? 'trn_found' : 'not_found', trnFound: input.trn ?? null, failureNote: input.failureNote,
        answeredBy: actorLabel(ctx.actor), answeredAt: now,
      },
    });
    await recordAudit(tx, ctx, (found ? auditEvents.trnCheckTrnFound : auditEvents.trnCheckNotFound)({
      subjectId: request.id,
      before: { state: request.state }, after: { state: answered.state, trnFound: answered.trnFound, failureNote: answered.failureNote },
    }));

    const teacherId = request.participantProfile.teacherId;
    if (found) {
      const teacher = await tx.teacher.findUniqueOrThrow({ where: { id: teacherId } });
      if (teacher.trn !== input.trn) {
        await tx.teacher.update({ where: { id: teacherId }, data: { trn: input.trn } });
        await recordAudit(tx, ctx, auditEvents.teacherTrnConfirmedByTra({
          subjectId: teacherId,
          before: { trn: teacher.trn }, after: { trn: input.trn }, reason: `Manual TRN check ${request.id}`,
        }));
      }
    }

    // The TRN is the teacher's: their other profiles waiting on a check take this answer too.
    const siblings = await tx.trnCheckRequest.findMany({
      where: { id: { not: request.id }, state: { in: [...PENDING_TRN_CHECK_STATES] }, participantProfile: { teacherId } },
      select: { id: true },
    });
    if (siblings.length) {
      await tx.trnCheckRequest.updateMany({
        where: { id: { in: siblings.map((s) => s.id) } },
        data: { state: answered.state, trnFound: answered.trnFound, failureNote: answered.failureNote, answeredBy: answered.answeredBy, answeredAt: now },
      });
    }
    const validationState = found ? 'valid' : 'invalid';
    const profiles = await tx.participantProfile.findMany({
      where: { OR: [{ id: request.participantProfileId }, { teacherId, trnValidationState: 'manual_check_requested' }] },
      select: { id: true, trnValidationState: true },
    });
    for (const profile of profiles.filter((p) => p.trnValidationState !== validationState)) {
      await tx.participantProfile.update({ where: { id: profile.id }, data: { trnValidationState: validationState } });
      await recordAudit(tx, ctx, auditEvents.participantTrnCheckAnswered({
        subjectId: profile.id,
        before: { trnValidationState: profile.trnValidationState }, after: { trnValidationState: validationState },
        reason: found ? `TRA found TRN ${input.trn}` : `TRA found no record: ${input.failureNote}`,
      }));
    }
    return answered;
  });
}
