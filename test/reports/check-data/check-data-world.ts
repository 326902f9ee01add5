// Participants in every state a delivery partner can see, and the rows the check data query returns.
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import { db } from '../../../src/db/client.js';
import type { CheckDataFilters } from '../../../src/reports/check-data/filters.js';
import { checkDataRowsSql, type CheckDataRow } from '../../../src/reports/check-data/participants-query.js';
import { createParticipant, type ParticipantWorld } from '../../support/factories.js';

/** The moment the tests judge "past" and "future" against. */
export const AS_OF = new Date('2025-03-01T12:00:00Z');
export const BEFORE = new Date('2025-01-15T00:00:00Z');
export const AFTER = new Date('2025-05-15T00:00:00Z');

export interface ParticipantSetup {
  type?: 'ect' | 'mentor';
  fullName?: string;
  trn?: string | null;
  profile?: Partial<Prisma.ParticipantProfileUncheckedCreateInput>;
  record?: Partial<Prisma.InductionRecordUncheckedUpdateInput>;
}

/** A participant of the world's delivery partner, with their induction record changed as given. */
export async function addParticipant(world: ParticipantWorld, setup: ParticipantSetup = {}) {
  const participant = await createParticipant(world, {
    type: setup.type, fullName: setup.fullName, trn: setup.trn ?? undefined, profile: setup.profile,
  });
  if (setup.trn === null) await db().teacher.update({ where: { id: participant.teacher.id }, data: { trn: null } });
  if (setup.record) await db().inductionRecord.update({ where: { id: participant.inductionRecord.id }, data: setup.record });
  return participant;
}

/** Every row the delivery partner sees (no paging), in display order. */
export async function allRows(deliveryPartnerId: string, filters: CheckDataFilters = {}, asOf = AS_OF): Promise<CheckDataRow[]> {
  return db().$queryRaw<CheckDataRow[]>(checkDataRowsSql({ deliveryPartnerId, filters, asOf }));
}

/** Many ECTs in one statement, the n-th most recently updated being `${prefix} n`. */
export async function addManyParticipants(world: ParticipantWorld, count: number, prefix: string): Promise<void> {
  const tag = randomUUID().slice(0, 6);
  await db().$executeRaw`
    WITH source AS (
      SELECT i, gen_random_uuid() AS "teacherId", gen_random_uuid() AS "profileId" FROM generate_series(1, ${count}::int) i
    ), new_teachers AS (
      INSERT INTO teachers (id, "fullName", email, trn, "updatedAt")
      SELECT "teacherId", ${prefix} || ' ' || i, lower(${prefix}) || '-' || i || '-' || ${tag} || '@example.com', (3000000 + i)::text, now() FROM source
    ), new_profiles AS (
      INSERT INTO participant_profiles (id, type, "teacherId", "schoolCohortId", "cohortId", "scheduleId", "trnValidationState", "updatedAt")
      SELECT "profileId", 'ect', "teacherId", ${world.schoolCohort.id}::uuid, ${world.cohort.id}::uuid, ${world.schedule.id}::uuid, 'valid', now() FROM source
    )
    INSERT INTO induction_records (id, "inductionProgrammeId", "participantProfileId", "scheduleId", "startDate", "updatedAt")
    SELECT gen_random_uuid(), ${world.programme.id}::uuid, "profileId", ${world.schedule.id}::uuid,
           ${`${world.cohort.startYear}-09-01`}::timestamp, '2025-02-01'::timestamp - i * interval '1 minute'
    FROM source`;
}
