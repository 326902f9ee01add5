// The current cohort, for every "current" default in the back office: the cohort of the academic year today
// falls in. An academic year starts on its cohort's academic year start date in the calendar (1 September
// when the calendar has no cohort for that year yet), so in December 2026 the current cohort is 2026.
import { db } from '../db/client.js';

export interface CurrentCohort {
  /** The start year of the academic year that `now` falls in. */
  startYear: number;
  /** That year's cohort, or null when the calendar has none yet (the cohort set-up has not been run). */
  cohort: { id: string; startYear: number } | null;
  /** The latest cohort in the calendar whose academic year has started: what "current" can fall back on. */
  latestStarted: { id: string; startYear: number } | null;
}

const firstOfSeptember = (year: number) => new Date(Date.UTC(year, 8, 1));

export async function findCurrentCohort(now = new Date()): Promise<CurrentCohort> {
  const year = now.getUTCFullYear();
  const cohorts = await db().cohort.findMany({
    where: { academicYearStartDate: { lte: now } }, orderBy: { startYear: 'desc' }, take: 1, select: { id: true, startYear: true },
  });
  const thisYear = await db().cohort.findUnique({ where: { startYear: year }, select: { id: true, startYear: true, academicYearStartDate: true } });
  const started = now >= (thisYear?.academicYearStartDate ?? firstOfSeptember(year));
  const startYear = started ? year : year - 1;
  const cohort = started && thisYear ? thisYear : await db().cohort.findUnique({ where: { startYear }, select: { id: true, startYear: true } });
  return {
    startYear,
    cohort: cohort ? { id: cohort.id, startYear: cohort.startYear } : null,
    latestStarted: cohorts[0] ?? null,
  };
}

/** What the policy team is told when the calendar has no cohort for this academic year. */
export const missingCohortMessage = (startYear: number) =>
  `The calendar has no ${startYear} cohort, so ${startYear} to ${startYear + 1} cannot be run yet. ` +
  `Import the cohort set-up for ${startYear} with the DfE's files.`;
