// "Change induction record", the DfE's Induction::ChangeInductionRecord: the one way to change what a participant
// trains under (programme, schedule, training status). A record that has started is closed as `changed` and a
// copy carrying the change starts now, so the history keeps what was true when; a record that starts in the
// future is edited in place. Used by the API's participant actions, partnership reporting, provider and
// schedule changes and the frozen-cohort move: a new caller uses this too, never a copy of its steps.
import type { InductionRecord, Prisma } from '@prisma/client';
import type { Tx } from '../db/client.js';

export type InductionRecordChanges = Partial<Pick<Prisma.InductionRecordUncheckedCreateInput, 'trainingStatus' | 'scheduleId' | 'inductionProgrammeId'>>;

/** Applies `changes` to the participant's record as of `now`; returns the record now current (the copy, or the edited one). */
export async function changeInductionRecord(tx: Tx, record: InductionRecord, changes: InductionRecordChanges, now = new Date()): Promise<InductionRecord> {
  if (record.startDate > now) return tx.inductionRecord.update({ where: { id: record.id }, data: changes });

  // A record already ending in the future (a leaver mid-transfer) hands its school-transfer flag to the copy.
  const endsLater = record.endDate !== null && record.endDate > now;
  await tx.inductionRecord.update({
    where: { id: record.id },
    data: { inductionStatus: 'changed', endDate: now, ...(endsLater ? { schoolTransfer: false } : {}) },
  });
  // Columns named one by one: a caller may pass a record loaded with its relations.
  return tx.inductionRecord.create({
    data: {
      participantProfileId: record.participantProfileId,
      inductionProgrammeId: record.inductionProgrammeId,
      scheduleId: record.scheduleId,
      mentorProfileId: record.mentorProfileId,
      appropriateBodyId: record.appropriateBodyId,
      preferredEmail: record.preferredEmail,
      inductionStatus: record.inductionStatus,
      trainingStatus: record.trainingStatus,
      endDate: record.endDate,
      schoolTransfer: endsLater ? record.schoolTransfer : false,
      startDate: now,
      ...changes,
    },
  });
}
