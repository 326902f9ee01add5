// Where a participant trains now, whichever provider: their latest induction record (InductionRecord.latest)
// with its programme, school and partnership. The support actions start here.
import { Prisma } from '@prisma/client';
import type { Tx } from '../../../db/client.js';
import { notFound } from '../../errors.js';
import { latestInductionRecordIdFor } from '../../../rules/latest-induction-record.js';

const withProgramme = {
  inductionProgramme: { include: { partnership: true, schoolCohort: { include: { school: true, cohort: true } } } },
} as const satisfies Prisma.InductionRecordInclude;

export type CurrentRecord = Prisma.InductionRecordGetPayload<{ include: typeof withProgramme }>;

export async function latestInductionRecordOf(tx: Tx, participantProfileId: string): Promise<CurrentRecord | null> {
  const id = await latestInductionRecordIdFor(tx, participantProfileId);
  return id ? tx.inductionRecord.findUnique({ where: { id }, include: withProgramme }) : null;
}

/** The profile, locked so two changes to one participant queue and each sees the other's result. */
export async function lockedProfile(tx: Tx, participantProfileId: string) {
  await tx.$queryRaw(Prisma.sql`SELECT 1 FROM participant_profiles WHERE id = ${participantProfileId}::uuid FOR UPDATE`);
  const profile = await tx.participantProfile.findUnique({ where: { id: participantProfileId }, include: { teacher: true } });
  if (!profile) throw notFound('Participant');
  return profile;
}
