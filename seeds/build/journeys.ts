// When a participant reaches each training milestone: the declaration types their schedule expects,
// in order, at a natural pace from their training start, moved into the schedule's milestone windows.
import type { DeclarationType, ParticipantType } from '@prisma/client';
import { addDays, addMonths, startOfDay } from '../lib/dates.js';
import type { Random } from '../lib/random.js';
import type { MilestoneWindow, ScheduleInfo } from './calendar.js';

/** Declaration types in the order training reaches them, with months from the training start. */
type Pace = readonly (readonly [DeclarationType, number])[];

const STANDARD: Pace = [['started', 0.5], ['retained_1', 4.5], ['retained_2', 8.5], ['retained_3', 12.5], ['retained_4', 16.5], ['completed', 20.5]];
const EXTENDED: Pace = [...STANDARD.slice(0, 5), ['extended_1', 21], ['extended_2', 25], ['extended_3', 29], ['completed', 33]];
const REDUCED: Pace = [['started', 0.5], ['retained_1', 4.5], ['retained_2', 8.5], ['completed', 12]];
/** From 2025 mentors are paid for starting and completing only. */
const MENTOR_FUNDED: Pace = [['started', 0.5], ['completed', 11]];

export function paceFor(type: ParticipantType, schedule: ScheduleInfo, mentorFunding: boolean): Pace {
  const pace = type === 'mentor' && mentorFunding
    ? MENTOR_FUNDED
    : schedule.identifier.includes('extended') ? EXTENDED : schedule.identifier.includes('reduced') ? REDUCED : STANDARD;
  return pace.filter(([declarationType]) => schedule.milestones.has(declarationType));
}

/** The date training starts for a schedule: September, January or April of the cohort's academic year. */
export function trainingStart(schedule: ScheduleInfo, academicYearStart: Date, random: Random): Date {
  if (schedule.identifier.endsWith('january')) return addDays(new Date(Date.UTC(schedule.cohortYear + 1, 0, 3)), random.int(0, 18));
  if (schedule.identifier.endsWith('april')) return addDays(new Date(Date.UTC(schedule.cohortYear + 1, 3, 8)), random.int(0, 18));
  return addDays(academicYearStart, random.int(0, 40));
}

export const naturalDate = (start: Date, months: number, random: Random): Date =>
  addDays(addMonths(start, Math.floor(months)), Math.round((months % 1) * 30) + random.int(-20, 20));

/**
 * A declaration day inside the milestone window: on or after its start, and before the end of its
 * milestone date when it has one. Dates near the window are kept; others are drawn within it.
 */
export function intoWindow(date: Date, window: MilestoneWindow, random: Random): Date {
  const lastDay = window.milestoneDate;
  if (date < window.startDate) {
    const room = lastDay ? Math.max(0, Math.round((lastDay.getTime() - window.startDate.getTime()) / 86_400_000)) : 30;
    return addDays(window.startDate, random.int(0, Math.min(20, room)));
  }
  if (lastDay && date > lastDay) {
    const from = addDays(lastDay, -30) > window.startDate ? addDays(lastDay, -30) : window.startDate;
    return startOfDay(random.between(from, addDays(lastDay, 1)));
  }
  return date;
}
