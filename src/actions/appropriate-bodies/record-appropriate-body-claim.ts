// Records who supports an ECT's induction, and on which training programme type, as the school reported it or as
// the appropriate body itself confirmed it. Both are kept side by side; a newer claim from the same source
// replaces (withdraws) the older. A claim is one report: without a programme, that source has not reported one.
import { z } from 'zod';
import { Prisma, type AppropriateBodyClaim } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError, notFound } from '../errors.js';
import { Id } from '../zod.js';
import { TRAINING_PROGRAMMES } from '../schools/training-programmes.js';
import { auditEvents } from '../audit/events.js';

export const RecordAppropriateBodyClaimInput = z.object({
  participantProfileId: Id,
  appropriateBodyId: Id,
  source: z.enum(['school', 'appropriate_body'], { error: 'Choose who reported the appropriate body' }),
  /** The training programme type this source reported; absent or blank when it did not report one. */
  trainingProgramme: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.enum(TRAINING_PROGRAMMES, { error: 'Choose a training programme type' }).nullable(),
  ),
});

export const ECTS_ONLY = 'Appropriate bodies are only recorded for early career teachers';

/** Back-office users need participants.edit; an appropriate body's portal user may confirm only for their own body. */
async function authorise(ctx: ActorContext, input: z.infer<typeof RecordAppropriateBodyClaimInput>): Promise<void> {
  if (ctx.actor.kind !== 'portal') return requirePermission(ctx, 'participants.edit');
  const role = await db().portalRole.findFirst({ where: { portalUserId: ctx.actor.id, appropriateBodyId: input.appropriateBodyId } });
  if (!role || input.source !== 'appropriate_body') throw new ActionError('FORBIDDEN', 'You do not have permission to do this.');
}

export async function recordAppropriateBodyClaim(ctx: ActorContext, raw: unknown): Promise<AppropriateBodyClaim> {
  const input = RecordAppropriateBodyClaimInput.parse(raw);
  await authorise(ctx, input);
  return db().$transaction(async (tx) => {
    // One claim change per participant at a time, so there is never more than one current claim per source.
    await tx.$queryRaw(Prisma.sql`SELECT id FROM participant_profiles WHERE id = ${input.participantProfileId}::uuid FOR UPDATE`);
    const profile = await tx.participantProfile.findUnique({ where: { id: input.participantProfileId }, include: { cohort: true } });
    if (!profile) throw notFound('Participant');
    if (profile.type !== 'ect') throw new ActionError('INVALID_INPUT', ECTS_ONLY, [{ field: 'participantProfileId', message: ECTS_ONLY }]);
    const body = await tx.appropriateBody.findUnique({ where: { id: input.appropriateBodyId } });
    if (!body) throw notFound('Appropriate body');
    if (body.disableFromYear !== null && profile.cohort.startYear >= body.disableFromYear) {
      const message = `${body.name} is not an appropriate body from the ${body.disableFromYear} cohort onwards`;
      throw new ActionError('INVALID_INPUT', message, [{ field: 'appropriateBodyId', message }]);
    }

    const current = await tx.appropriateBodyClaim.findFirst({
      where: { participantProfileId: profile.id, source: input.source, withdrawnAt: null },
      orderBy: { claimedAt: 'desc' },
    });
    if (current?.appropriateBodyId === body.id && current.trainingProgramme === input.trainingProgramme) return current;
    const now = new Date();
    if (current) await tx.appropriateBodyClaim.updateMany({ where: { participantProfileId: profile.id, source: input.source, withdrawnAt: null }, data: { withdrawnAt: now } });
    const claim = await tx.appropriateBodyClaim.create({
      data: { participantProfileId: profile.id, appropriateBodyId: body.id, source: input.source, trainingProgramme: input.trainingProgramme, claimedAt: now },
    });
    await recordAudit(tx, ctx, auditEvents.appropriateBodyClaimRecorded({
      subjectId: profile.id,
      before: current ? { source: current.source, appropriateBodyId: current.appropriateBodyId, trainingProgramme: current.trainingProgramme } : undefined,
      after: { source: claim.source, appropriateBodyId: body.id, appropriateBodyName: body.name, trainingProgramme: claim.trainingProgramme },
    }));
    return claim;
  });
}
