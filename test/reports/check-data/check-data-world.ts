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

/** Many ECTs at once (bulk inserts), the n-th most recently updated being `${prefix} n`. */
export async function addManyParticipants(world: ParticipantWorld, count: number, prefix: string): Promise<void> {
  const teachers = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(), fullName: `${prefix} ${i + 1}`, email: `${prefix.toLowerCase().replace(/\W+/g, '-')}-${i + 1}-${randomUUID().slice(0, 6)}@example.com`, trn: String(3000000 + i),
  }));
  const profiles = teachers.map((teacher) => ({
    id: randomUUID(), type: 'ect' as const, teacherId: teacher.id, schoolCohortId: world.schoolCohort.id, cohortId: world.cohort.id,
    scheduleId: world.schedule.id, trnValidationState: 'valid' as const,
  }));
  const newest = Date.parse('2025-02-01T00:00:00Z');
  await db().teacher.createMany({ data: teachers });
  await db().participantProfile.createMany({ data: profiles });
  await db().inductionRecord.createMany({
    data: profiles.map((profile, i) => ({
      inductionProgrammeId: world.programme.id, participantProfileId: profile.id, scheduleId: world.schedule.id,
      startDate: new Date(`${world.cohort.startYear}-09-01T00:00:00Z`), updatedAt: new Date(newest - i * 60_000),
    })),
  });
}
