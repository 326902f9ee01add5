// What defer, resume and withdraw all write: the provider's state log row, a new induction record with
// the training status, the profile's own status, and the audit event.
import type { ParticipantProfile, TrainingStatus } from '@prisma/client';
import type { Tx } from '../../../db/client.js';
import type { ActorContext } from '../../actor.js';
import { recordAudit } from '../../audit/record-audit.js';
import { changeInductionRecord } from '../../../rules/change-induction-record.js';
import type { ParticipantForAction } from './participant-for-action.js';
import type { ProviderScope } from './provider-scope.js';
import { auditEvents } from '../../audit/events.js';

export async function applyTrainingStatus(
  tx: Tx,
  ctx: ActorContext,
  scope: ProviderScope,
  { profile, record }: ParticipantForAction,
  trainingStatus: TrainingStatus,
  reason: string | null,
  /** Why DfE staff made the change, when they did; the audit keeps it beside the DfE reason. */
  staffReason?: string,
): Promise<ParticipantProfile> {
  await tx.participantProfileState.create({
    data: { participantProfileId: profile.id, state: trainingStatus, reason, cpdLeadProviderId: scope.cpdLeadProviderId },
  });
  await changeInductionRecord(tx, record, { trainingStatus });
  const updated = await tx.participantProfile.update({ where: { id: profile.id }, data: { trainingStatus } });
  const event = ({ active: auditEvents.participantResumed, deferred: auditEvents.participantDeferred, withdrawn: auditEvents.participantWithdrawn } as const)[trainingStatus];
  await recordAudit(tx, ctx, event({
    subjectId: profile.id,
    before: { trainingStatus: record.trainingStatus },
    after: { trainingStatus, leadProviderId: scope.leadProviderId, ...(staffReason ? { reason } : {}) },
    reason: staffReason ?? reason,
  }));
  return updated;
}
