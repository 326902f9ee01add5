// The schedule a participant moving cohort goes onto (Induction::ScheduleForNewCohort): the extended
// schedule for a frozen-cohort move, else the same identifier as now; the cohort's default when absent.
import type { Schedule } from '@prisma/client';
import type { Tx } from '../../../db/client.js';
import { DEFAULT_SCHEDULE_IDENTIFIER, EXTENDED_SCHEDULE_IDENTIFIER } from './rules.js';

export async function scheduleForNewCohort(
  tx: Tx,
  { cohortId, currentScheduleIdentifier, extendedSchedule }: { cohortId: string; currentScheduleIdentifier: string; extendedSchedule: boolean },
): Promise<Schedule | null> {
  const identifier = extendedSchedule ? EXTENDED_SCHEDULE_IDENTIFIER : currentScheduleIdentifier;
  const find = (scheduleIdentifier: string) =>
    tx.schedule.findUnique({ where: { scheduleIdentifier_cohortId: { scheduleIdentifier, cohortId } } });
  return (await find(identifier)) ?? (await find(DEFAULT_SCHEDULE_IDENTIFIER));
}
