// The DfE's ECF calendar from seeds/data: cohorts, schedules with milestones, and the statement rows
// (statements themselves need the contracts, see providers.ts).
import type { DeclarationType, Prisma } from '@prisma/client';
import { readSeedFile } from '../lib/seed-files.js';
import { calendarDate, optionalCalendarDate } from '../lib/dates.js';
import { stableId } from '../lib/random.js';

export interface CohortInfo {
  id: string;
  startYear: number;
  academicYearStartDate: Date;
  paymentsFrozenAt: Date | null;
  mentorFunding: boolean;
  detailedEvidenceTypes: boolean;
}

export interface MilestoneWindow {
  startDate: Date;
  /** Declarations must be dated before the end of this day; null = open-ended. */
  milestoneDate: Date | null;
}

export interface ScheduleInfo {
  id: string;
  identifier: string;
  cohortYear: number;
  milestones: Map<DeclarationType, MilestoneWindow>;
}

export interface StatementCalendarRow {
  name: string;
  cohortYear: number;
  deadlineDate: Date;
  paymentDate: Date;
  outputFee: boolean;
}

export interface Calendar {
  cohorts: Map<number, CohortInfo>;
  /** By cohort start year, then schedule identifier. */
  schedules: Map<number, Map<string, ScheduleInfo>>;
  statementRows: StatementCalendarRow[];
  rows: {
    cohorts: Prisma.CohortCreateManyInput[];
    schedules: Prisma.ScheduleCreateManyInput[];
    milestones: Prisma.MilestoneCreateManyInput[];
  };
}

const SCHEDULE_TYPES: Record<string, 'ecf' | 'mentor'> = {
  ecf_standard: 'ecf',
  ecf_reduced: 'ecf',
  ecf_extended: 'ecf',
  ecf_replacement: 'mentor',
};

/** 'retained-1' in the files is retained_1 in Prisma. */
const declarationType = (text: string) => text.replace(/-/g, '_') as DeclarationType;

function buildCohorts(calendar: Calendar): void {
  const rows = readSeedFile('cohorts.csv', [
    'start-year', 'registration-start-date', 'academic-year-start-date', 'automatic-assignment-period-end-date',
    'payments-frozen-at', 'mentor-funding', 'detailed-evidence-types',
  ]);
  for (const row of rows) {
    const startYear = Number(row.get('start-year'));
    const cohort: CohortInfo = {
      id: stableId('cohort', startYear),
      startYear,
      academicYearStartDate: calendarDate(row.get('academic-year-start-date')),
      paymentsFrozenAt: optionalCalendarDate(row.get('payments-frozen-at')),
      mentorFunding: row.get('mentor-funding') === 'true',
      detailedEvidenceTypes: row.get('detailed-evidence-types') === 'true',
    };
    const registrationStartDate = calendarDate(row.get('registration-start-date'));
    calendar.cohorts.set(startYear, cohort);
    calendar.rows.cohorts.push({
      id: cohort.id,
      startYear,
      registrationStartDate,
      academicYearStartDate: cohort.academicYearStartDate,
      automaticAssignmentPeriodEndDate: calendarDate(row.get('automatic-assignment-period-end-date')),
      paymentsFrozenAt: cohort.paymentsFrozenAt,
      mentorFunding: cohort.mentorFunding,
      detailedEvidenceTypes: cohort.detailedEvidenceTypes,
      createdAt: registrationStartDate,
    });
  }
}

function buildSchedules(calendar: Calendar): void {
  const rows = readSeedFile('schedules.csv', [
    'type', 'schedule-identifier', 'schedule-name', 'schedule-cohort-year', 'milestone-name',
    'milestone-declaration-type', 'milestone-start-date', 'milestone-date', 'milestone-payment-date',
  ]);
  for (const row of rows) {
    const cohortYear = Number(row.get('schedule-cohort-year'));
    const cohort = calendar.cohorts.get(cohortYear);
    if (!cohort) throw new Error(`schedules.csv line ${row.line}: no cohort ${cohortYear} in cohorts.csv`);
    const identifier = row.get('schedule-identifier');
    const type = SCHEDULE_TYPES[row.get('type')];
    if (!type) throw new Error(`schedules.csv line ${row.line}: unknown schedule type "${row.get('type')}"`);
    const byIdentifier = calendar.schedules.get(cohortYear) ?? new Map<string, ScheduleInfo>();
    calendar.schedules.set(cohortYear, byIdentifier);
    let schedule = byIdentifier.get(identifier);
    if (!schedule) {
      schedule = { id: stableId('schedule', cohortYear, identifier), identifier, cohortYear, milestones: new Map() };
      byIdentifier.set(identifier, schedule);
      calendar.rows.schedules.push({
        id: schedule.id,
        scheduleIdentifier: identifier,
        name: row.get('schedule-name'),
        type,
        cohortId: cohort.id,
        createdAt: cohort.academicYearStartDate,
      });
    }
    const milestoneType = declarationType(row.get('milestone-declaration-type'));
    const window: MilestoneWindow = {
      startDate: calendarDate(row.get('milestone-start-date')),
      milestoneDate: optionalCalendarDate(row.get('milestone-date')),
    };
    schedule.milestones.set(milestoneType, window);
    calendar.rows.milestones.push({
      id: stableId('milestone', cohortYear, identifier, milestoneType),
      scheduleId: schedule.id,
      name: row.get('milestone-name'),
      declarationType: milestoneType,
      startDate: window.startDate,
      milestoneDate: window.milestoneDate,
      paymentDate: optionalCalendarDate(row.get('milestone-payment-date')),
      createdAt: cohort.academicYearStartDate,
    });
  }
}

function readStatementRows(calendar: Calendar): void {
  const rows = readSeedFile('statements.csv', ['type', 'name', 'cohort', 'deadline_date', 'payment_date', 'output_fee']);
  for (const row of rows) {
    if (row.get('type') !== 'ecf') continue;
    calendar.statementRows.push({
      name: row.get('name'),
      cohortYear: Number(row.get('cohort')),
      deadlineDate: calendarDate(row.get('deadline_date')),
      paymentDate: calendarDate(row.get('payment_date')),
      outputFee: row.get('output_fee') === 'true',
    });
  }
}

export function buildCalendar(): Calendar {
  const calendar: Calendar = {
    cohorts: new Map(),
    schedules: new Map(),
    statementRows: [],
    rows: { cohorts: [], schedules: [], milestones: [] },
  };
  buildCohorts(calendar);
  buildSchedules(calendar);
  readStatementRows(calendar);
  return calendar;
}
