// Support moves a participant to another school, where they carry on with the same lead provider and delivery
// partner (the DfE's TransferAndContinueExistingFip): the current induction record is marked as leaving on the
// transfer date, and a record at the new school starts then, through the school's partnership with that
// provider and partner, or a relationship partnership made for the participant when the school has none.
import { z } from 'zod';
import type { InductionRecord } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';
import { Id, Reason, Urn } from '../zod.js';
import { latestInductionRecordOf, lockedProfile } from './support/current-training.js';
import { providerProgrammeAt } from './support/provider-programme.js';
import { auditEvents } from '../audit/events.js';

export const TransferParticipantSchoolInput = z.object({
  participantProfileId: Id,
  schoolUrn: Urn,
  /** When they join the new school; now when absent. */
  startDate: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.date({ error: 'Enter a date, like 2025-01-06' }).optional()),
  reason: Reason,
});

export const TRANSFER_MESSAGES = {
  noRecord: 'This participant has no induction record, so there is nothing to transfer.',
  notWithProvider: 'This participant is not training with a lead provider: only provider-led participants can be transferred here.',
  noSchool: 'There is no school with this URN.',
  sameSchool: 'The participant is already at this school.',
  noSchoolCohort: (school: string, year: number) => `${school} has not set up the ${year} cohort, so the participant cannot join it yet.`,
} as const;

export interface TransferResult {
  inductionRecord: InductionRecord;
  createdRelationship: boolean;
}

export async function transferParticipantSchool(ctx: ActorContext, raw: unknown): Promise<TransferResult> {
  const input = TransferParticipantSchoolInput.parse(raw);
  requirePermission(ctx, 'participants.edit');
  return db().$transaction(async (tx) => {
    const profile = await lockedProfile(tx, input.participantProfileId);
    const current = await latestInductionRecordOf(tx, profile.id);
    if (!current) throw new ActionError('INVALID_STATE', TRANSFER_MESSAGES.noRecord);
    const { partnership, schoolCohort: from } = current.inductionProgramme;
    if (!partnership) throw new ActionError('INVALID_STATE', TRANSFER_MESSAGES.notWithProvider);

    const refuse = (message: string) => new ActionError('INVALID_INPUT', message, [{ field: 'schoolUrn', message }]);
    const school = await tx.school.findUnique({ where: { urn: input.schoolUrn } });
    if (!school) throw refuse(TRANSFER_MESSAGES.noSchool);
    if (school.id === from.schoolId) throw refuse(TRANSFER_MESSAGES.sameSchool);
    const to = await tx.schoolCohort.findUnique({ where: { schoolId_cohortId: { schoolId: school.id, cohortId: from.cohortId } } });
    if (!to) throw refuse(TRANSFER_MESSAGES.noSchoolCohort(school.name, from.cohort.startYear));

    const startDate = input.startDate ?? new Date();
    const target = await providerProgrammeAt(tx, to, { leadProviderId: partnership.leadProviderId, deliveryPartnerId: partnership.deliveryPartnerId }, startDate);
    if (current.inductionStatus === 'active') {
      await tx.inductionRecord.update({ where: { id: current.id }, data: { inductionStatus: 'leaving', endDate: startDate } });
    }
    // The training status carries over: a transfer by support does not resume a deferred or withdrawn participant.
    const joined = await tx.inductionRecord.create({
      data: {
        participantProfileId: profile.id,
        inductionProgrammeId: target.programme.id,
        scheduleId: profile.scheduleId,
        startDate,
        inductionStatus: 'active',
        trainingStatus: current.trainingStatus,
        schoolTransfer: true,
      },
    });
    await tx.participantProfile.update({ where: { id: profile.id }, data: { schoolCohortId: to.id } });
    await recordAudit(tx, ctx, auditEvents.participantTransferred({
      subjectId: profile.id,
      before: { schoolUrn: from.school.urn, schoolName: from.school.name, inductionRecordId: current.id },
      after: {
        schoolUrn: school.urn,
        schoolName: school.name,
        startDate: startDate.toISOString(),
        partnershipId: target.partnership.id,
        relationshipPartnership: target.partnership.relationship,
        inductionRecordId: joined.id,
      },
      reason: input.reason,
    }));
    return { inductionRecord: joined, createdRelationship: target.createdRelationship };
  });
}
