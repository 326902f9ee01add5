// Support removes a participant registered by mistake. Only someone with nothing claimed for them can go: every
// declaration must be voided. The profile is archived (kept, with its history), never deleted.
import { z } from 'zod';
import type { ParticipantProfile } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';
import { Id, Reason } from '../zod.js';
import { lockedProfile } from './support/current-training.js';
import { auditEvents } from '../audit/events.js';

export const ArchiveParticipantInput = z.object({ participantProfileId: Id, reason: Reason });

export const ARCHIVE_MESSAGES = {
  alreadyArchived: 'This participant has already been removed.',
  declarationsNotVoided: (count: number) =>
    `This participant cannot be removed: ${count} declaration${count === 1 ? ' has' : 's have'} not been voided. Void ${count === 1 ? 'it' : 'them'} first.`,
} as const;

export async function archiveParticipant(ctx: ActorContext, raw: unknown): Promise<ParticipantProfile> {
  const input = ArchiveParticipantInput.parse(raw);
  requirePermission(ctx, 'participants.edit');
  return db().$transaction(async (tx) => {
    const profile = await lockedProfile(tx, input.participantProfileId);
    if (profile.archivedAt) throw new ActionError('INVALID_STATE', ARCHIVE_MESSAGES.alreadyArchived);
    const notVoided = await tx.declaration.count({ where: { participantProfileId: profile.id, state: { not: 'voided' } } });
    if (notVoided > 0) throw new ActionError('INVALID_STATE', ARCHIVE_MESSAGES.declarationsNotVoided(notVoided));
    const updated = await tx.participantProfile.update({ where: { id: profile.id }, data: { archivedAt: new Date(), status: 'withdrawn' } });
    await recordAudit(tx, ctx, auditEvents.participantArchived({
      subjectId: profile.id,
      before: { status: profile.status, archivedAt: null },
      after: { status: updated.status, archivedAt: updated.archivedAt },
      reason: input.reason,
    }));
    return updated;
  });
}
