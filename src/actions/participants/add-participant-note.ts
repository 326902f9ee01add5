// Support adds a note to a participant's record: kept on the profile, newest last, each line dated and signed.
import { z } from 'zod';
import type { ParticipantProfile } from '@prisma/client';
import { db } from '../../db/client.js';
import { actorLabel, type ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { Id } from '../zod.js';
import { lockedProfile } from './support/current-training.js';
import { auditEvents } from '../audit/events.js';

export const AddParticipantNoteInput = z.object({
  participantProfileId: Id,
  note: z.string().trim().min(3, 'Write the note').max(2000),
});

export async function addParticipantNote(ctx: ActorContext, raw: unknown): Promise<ParticipantProfile> {
  const input = AddParticipantNoteInput.parse(raw);
  requirePermission(ctx, 'participants.edit');
  return db().$transaction(async (tx) => {
    const profile = await lockedProfile(tx, input.participantProfileId);
    const line = `${new Date().toISOString().slice(0, 10)} ${actorLabel(ctx.actor)}: ${input.note}`;
    const updated = await tx.participantProfile.update({
      where: { id: profile.id },
      data: { notes: profile.notes ? `${profile.notes}\n${line}` : line },
    });
    await recordAudit(tx, ctx, auditEvents.participantNoteAdded({ subjectId: profile.id, after: { note: input.note }, reason: input.note }));
    return updated;
  });
}
