// Induction::ChangeInductionRecord: a record that has started is closed as `changed` and a copy carrying
// the change starts now, so the history keeps what was true when; a future-dated record is edited in place.
import type { InductionRecord, Prisma } from '@prisma/client';
import type { Tx } from '../../../db/client.js';

export type InductionRecordChanges = Partial<Pick<Prisma.InductionRecordUncheckedCreateInput, 'trainingStatus' | 'scheduleId' | 'inductionProgrammeId'>>;

export async function changeInductionRecord(tx: Tx, record: InductionRecord, changes: InductionRecordChanges, now = new Date()): Promise<InductionRecord> {
  if (record.startDate > now) return tx.inductionRecord.update({ where: { id: record.id }, data: changes });

  const transferringOut = record.endDate !== null && record.endDate > now;
  await tx.inductionRecord.update({
    where: { id: record.id },
    data: { inductionStatus: 'changed', endDate: now, ...(transferringOut ? { schoolTransfer: false } : {}) },
  });
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...copy } = record;
  return tx.inductionRecord.create({
    data: { ...copy, startDate: now, schoolTransfer: transferringOut ? record.schoolTransfer : false, ...changes },
  });
}
