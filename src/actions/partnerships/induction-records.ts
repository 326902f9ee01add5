// Moving participants between induction programmes the DfE's way (Induction::ChangeInductionRecord):
// a record that has started is closed as `changed` and a copy starts now on the new programme, so the
// history shows when the provider changed; a record that starts in the future is simply re-pointed.
import type { InductionRecord, Prisma } from '@prisma/client';
import type { Tx } from '../../db/client.js';

/** Records a participant is training under now (the DfE's InductionRecord.active). */
export function activeInductionRecordWhere(now: Date): Prisma.InductionRecordWhereInput {
  return {
    inductionStatus: 'active',
    AND: [
      { OR: [{ endDate: null }, { endDate: { gt: now } }] },
      { OR: [{ startDate: { lte: now } }, { schoolTransfer: false }] },
    ],
  };
}

export async function moveInductionRecord(tx: Tx, record: InductionRecord, toProgrammeId: string, now: Date): Promise<void> {
  if (record.startDate > now) {
    await tx.inductionRecord.update({ where: { id: record.id }, data: { inductionProgrammeId: toProgrammeId } });
    return;
  }
  // A transfer still in progress keeps its flag on the new record only.
  const leavingLater = record.endDate !== null && record.endDate > now;
  await tx.inductionRecord.update({
    where: { id: record.id },
    data: { inductionStatus: 'changed', endDate: now, ...(leavingLater ? { schoolTransfer: false } : {}) },
  });
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...copy } = record;
  await tx.inductionRecord.create({
    data: { ...copy, inductionProgrammeId: toProgrammeId, startDate: now, schoolTransfer: leavingLater ? record.schoolTransfer : false },
  });
}

/** Moves every active record of one programme to another; returns how many moved. */
export async function moveActiveInductionRecords(tx: Tx, fromProgrammeId: string, toProgrammeId: string, now: Date): Promise<number> {
  const records = await tx.inductionRecord.findMany({
    where: { inductionProgrammeId: fromProgrammeId, ...activeInductionRecordWhere(now) },
    orderBy: { createdAt: 'asc' },
  });
  for (const record of records) await moveInductionRecord(tx, record, toProgrammeId, now);
  return records.length;
}
