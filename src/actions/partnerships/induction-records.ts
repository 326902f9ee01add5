// Moving a programme's participants to another induction programme, each record changed the DfE's way
// (src/rules/change-induction-record.ts).
import type { Prisma } from '@prisma/client';
import type { Tx } from '../../db/client.js';
import { changeInductionRecord } from '../../rules/change-induction-record.js';

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

/** Moves every active record of one programme to another; returns how many moved. */
export async function moveActiveInductionRecords(tx: Tx, fromProgrammeId: string, toProgrammeId: string, now: Date): Promise<number> {
  const records = await tx.inductionRecord.findMany({
    where: { inductionProgrammeId: fromProgrammeId, ...activeInductionRecordWhere(now) },
    orderBy: { createdAt: 'asc' },
  });
  for (const record of records) await changeInductionRecord(tx, record, { inductionProgrammeId: toProgrammeId }, now);
  return records.length;
}
