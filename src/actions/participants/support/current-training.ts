// Where a participant trains now, whichever provider: their latest induction record (InductionRecord.latest)
// with its programme, school and partnership. The support actions start here.
import { Prisma } from '@prisma/client';
import type { Tx } from '../../../db/client.js';
import { notFound } from '../../errors.js';
import { LATEST_INDUCTION_RECORD_ORDER } from '../lead-provider/latest-induction-record.js';

const withProgramme = {
  inductionProgramme: { include: { partnership: true, schoolCohort: { include: { school: true, cohort: true } } } },
} as const satisfies Prisma.InductionRecordInclude;

export type CurrentRecord = Prisma.InductionRecordGetPayload<{ include: typeof withProgramme }>;

export async function latestInductionRecordOf(tx: Tx, participantProfileId: string): Promise<CurrentRecord | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT ir.id FROM induction_records ir
    WHERE ir."participantProfileId" = ${participantProfileId}::uuid
    ORDER BY ${LATEST_INDUCTION_RECORD_ORDER}
    LIMIT 1`);
  return rows.length ? tx.inductionRecord.findUnique({ where: { id: rows[0].id }, include: withProgramme }) : null;
}

/** The profile, locked so two changes to one participant queue and each sees the other's result. */
export async function lockedProfile(tx: Tx, participantProfileId: string) {
  await tx.$queryRaw(Prisma.sql`SELECT 1 FROM participant_profiles WHERE id = ${participantProfileId}::uuid FOR UPDATE`);
  const profile = await tx.participantProfile.findUnique({ where: { id: participantProfileId }, include: { teacher: true } });
  if (!profile) throw notFound('Participant');
  return profile;
}
