// The schedule file: one row per milestone. A schedule is found or created by identifier and cohort (its
// name follows the file); a milestone is found by all its values, so a row with changed dates adds a
// milestone beside the old one, as the DfE's import does.
import { randomUUID } from 'node:crypto';
import { DeclarationType, type ScheduleType } from '@prisma/client';
import { readCells } from '../../../reports/csv/read-cells.js';
import { FirstSeen, isoDate, pairKey, type FileLog, type FileStep, type ImportRun } from './import-run.js';
import type { CohortRecord, MilestoneValues } from './known-state.js';
import { dateOnly, type StoredRow } from './write-rows.js';
import { auditEvents } from '../../audit/events.js';

export const SCHEDULE_HEADERS = [
  'type',
  'schedule-identifier',
  'schedule-name',
  'schedule-cohort-year',
  'milestone-name',
  'milestone-declaration-type',
  'milestone-start-date',
  'milestone-date',
  'milestone-payment-date',
] as const;
type ScheduleColumn = (typeof SCHEDULE_HEADERS)[number];

/** Replacement schedules are for mentors; the rest are ECF schedules. */
const SCHEDULE_TYPES: Record<string, ScheduleType> = {
  ecf_standard: 'ecf',
  ecf_reduced: 'ecf',
  ecf_extended: 'ecf',
  ecf_replacement: 'mentor',
};
const SCHEDULE_TYPE_NAMES = Object.keys(SCHEDULE_TYPES);

/** Files spell declaration types as the API and the database do: `retained-1`. */
const dashed = (type: DeclarationType) => type.replace('_', '-');
const DECLARATION_TYPES = new Map(Object.values(DeclarationType).map((type) => [dashed(type), type]));
const DECLARATION_TYPE_NAMES = [...DECLARATION_TYPES.keys()];

/** A cohort's milestones fall in its start year or the years after it; extended schedules run longest. */
const LAST_MILESTONE_YEARS_AFTER = 4;

const MILESTONE_DATES = [
  ['milestone-start-date', 'startDate', 'start date'],
  ['milestone-date', 'milestoneDate', 'milestone date'],
  ['milestone-payment-date', 'paymentDate', 'payment date'],
] as const;

/** The milestone's dates that fall outside its cohort's years, e.g. 2024 dates in a 2027 schedule. */
function datesOutsideCohort(startYear: number, milestone: MilestoneValues): { column: ScheduleColumn; what: string; date: Date }[] {
  return MILESTONE_DATES.flatMap(([column, key, what]) => {
    const date = milestone[key];
    if (!date) return [];
    const year = date.getUTCFullYear();
    return year < startYear || year > startYear + LAST_MILESTONE_YEARS_AFTER ? [{ column, what, date }] : [];
  });
}

/** A schedule as this import leaves it: found in the database or to be created, with the milestones to add. */
interface PlannedSchedule {
  id: string;
  isNew: boolean;
  identifier: string;
  name: string;
  type: ScheduleType;
  cohort: CohortRecord;
  /** The name in the database when the file renames the schedule. */
  renamedFrom?: string;
  milestones: MilestoneValues[];
  newMilestones: MilestoneValues[];
  /** The line that created or renamed the schedule, for its audit event. */
  line?: number;
  /** Whether the schedule's own outcome has been reported (once per schedule). */
  told: boolean;
}

export const scheduleFile: FileStep<ScheduleColumn> = {
  kind: 'schedule',
  headers: SCHEDULE_HEADERS,
  plan(run, rows, log) {
    const plans = existingSchedules(run);
    const firstRows = new Map<string, { line: number; name: string; type: string }>();
    const seenMilestones = new FirstSeen<string>();

    for (const row of rows) {
      const cells = readCells(row);
      const typeName = cells.oneOf(
        'type',
        SCHEDULE_TYPE_NAMES,
        (value) => `Invalid schedule type "${value}": use ${SCHEDULE_TYPE_NAMES.join(', ')}`,
      );
      const identifier = cells.text('schedule-identifier', { required: true });
      const scheduleName = cells.text('schedule-name', { required: true });
      const startYear = cells.integer('schedule-cohort-year', { required: true, min: 2020, max: 2100 });
      const dashedType = cells.oneOf('milestone-declaration-type', DECLARATION_TYPE_NAMES);
      const milestone: MilestoneValues = {
        name: cells.text('milestone-name', { required: true }),
        declarationType: DECLARATION_TYPES.get(dashedType) ?? 'started',
        startDate: cells.date('milestone-start-date', { required: true }),
        milestoneDate: cells.date('milestone-date'),
        paymentDate: cells.date('milestone-payment-date'),
      };

      const label = `${identifier} (cohort ${startYear})`;
      if (startYear) {
        const outside = datesOutsideCohort(startYear, milestone).filter((d) => cells.fine(d.column));
        // The DfE's own fixture has 2024 milestones in a 2027 schedule: an import says so but does not refuse them.
        if (outside.length) {
          const dates = outside.map((d) => `the ${d.what} ${isoDate(d.date)}`);
          const listed = dates.length > 1 ? `${dates.slice(0, -1).join(', ')} and ${dates.at(-1)}` : dates[0];
          run.warnings.push(row.problem(outside[0].column,
            `${listed.charAt(0).toUpperCase()}${listed.slice(1)} ${outside.length > 1 ? 'are' : 'is'} outside the ${startYear} cohort, ` +
            `whose milestones fall between ${startYear} and ${startYear + LAST_MILESTONE_YEARS_AFTER}: check the dates, the milestone is imported as it is`));
        }
      }
      if (identifier && startYear) {
        const key = `${identifier}|${startYear}`;
        const first = firstRows.get(key);
        if (!first) {
          if (cells.fine('type')) firstRows.set(key, { line: row.line, name: scheduleName, type: typeName });
        } else if (first.name !== scheduleName) {
          cells.problem('schedule-name', `${label} is called "${first.name}" on line ${first.line}: use one name`);
        } else if (first.type !== typeName && cells.fine('type')) {
          cells.problem('type', `${label} has type ${first.type} on line ${first.line}: use one type`);
        }
        const earlier = cells.fine('milestone-declaration-type') ? seenMilestones.earlier(`${key}|${dashedType}`, row.line) : undefined;
        if (earlier !== undefined) cells.problem('milestone-declaration-type', `The ${dashedType} milestone of ${label} is already on line ${earlier}`);
      }
      const cohort = startYear ? run.findCohort(cells, 'schedule-cohort-year', startYear) : undefined;
      const type = SCHEDULE_TYPES[typeName];
      const existing = cohort && cells.ok ? plans.get(pairKey(identifier, cohort.id)) : undefined;
      if (existing && existing.type !== type) {
        cells.problem('type', `${label} already exists as ${existing.type === 'ecf' ? 'an ECF' : 'a mentor'} schedule: an import cannot change its type`);
      }
      if (!run.accept(cells) || !cohort) continue;

      const item = { line: row.line, kind: 'schedules', record: `Schedule ${scheduleName}, ${label}` } as const;
      let plan = existing;
      if (!plan) {
        plan = { id: randomUUID(), isNew: true, identifier, name: scheduleName, type, cohort, milestones: [], newMilestones: [], line: row.line, told: true };
        plans.set(pairKey(identifier, cohort.id), plan);
        log.add({ ...item, outcome: 'created' });
      } else if (!plan.told) {
        plan.told = true;
        if (plan.name === scheduleName) log.add({ ...item, outcome: 'unchanged' });
        else {
          log.add({ ...item, outcome: 'updated', note: `name "${plan.name}" → "${scheduleName}"` });
          plan.renamedFrom = plan.name;
          plan.name = scheduleName;
          plan.line = row.line;
        }
      }
      planMilestone(log, row.line, plan, milestone, `${scheduleName}, ${label}: ${milestone.name}`);
    }
    writeSchedules(run, log, [...plans.values()]);
  },
};

/** The schedules of the cohorts the file names, by identifier and cohort. */
function existingSchedules(run: ImportRun): Map<string, PlannedSchedule> {
  const cohorts = new Map(run.known.cohorts.map((cohort) => [cohort.id, cohort]));
  return new Map(
    run.known.schedules.map((schedule) => [
      pairKey(schedule.scheduleIdentifier, schedule.cohortId),
      {
        id: schedule.id,
        isNew: false,
        identifier: schedule.scheduleIdentifier,
        name: schedule.name,
        type: schedule.type,
        cohort: cohorts.get(schedule.cohortId) as CohortRecord,
        milestones: schedule.milestones,
        newMilestones: [],
        told: false,
      },
    ]),
  );
}

function writeSchedules(run: ImportRun, log: FileLog, plans: PlannedSchedule[]): void {
  run.insert(
    'schedules',
    plans.filter((plan) => plan.isNew).map(({ id, identifier, name, type, cohort }) => ({ id, scheduleIdentifier: identifier, name, type, cohortId: cohort.id })),
  );
  run.update(
    'schedules',
    plans.filter((plan) => plan.renamedFrom !== undefined).map(({ id, name }) => ({ id, name })),
  );
  run.insert(
    'milestones',
    plans.flatMap((plan) => plan.newMilestones.map((milestone): StoredRow => ({
      id: randomUUID(),
      scheduleId: plan.id,
      name: milestone.name,
      declarationType: dashed(milestone.declarationType),
      startDate: dateOnly(milestone.startDate),
      milestoneDate: dateOnly(milestone.milestoneDate),
      paymentDate: dateOnly(milestone.paymentDate),
    }))),
  );

  for (const plan of plans) {
    const subject = { subjectType: 'Schedule' as const, subjectId: plan.id };
    const added = plan.newMilestones;
    if (plan.isNew) {
      const after = { scheduleIdentifier: plan.identifier, name: plan.name, type: plan.type, cohort: plan.cohort.startYear, milestones: added };
      run.audit(auditEvents.scheduleCreated({ ...subject, after, reason: log.reason(plan.line) }));
      continue;
    }
    if (plan.renamedFrom !== undefined) {
      run.audit(auditEvents.scheduleUpdated({ ...subject, before: { name: plan.renamedFrom }, after: { name: plan.name }, reason: log.reason(plan.line) }));
    }
    if (added.length > 0) run.audit(auditEvents.scheduleMilestonesAdded({ ...subject, after: { milestones: added }, reason: log.reason() }));
  }
}

/** Unchanged when a milestone with all the same values exists; otherwise added beside any others. */
function planMilestone(log: FileLog, line: number, plan: PlannedSchedule, values: MilestoneValues, record: string): void {
  if (plan.milestones.some((milestone) => sameMilestone(milestone, values))) {
    log.add({ line, kind: 'milestones', outcome: 'unchanged', record });
    return;
  }
  const others = plan.milestones.filter((milestone) => milestone.declarationType === values.declarationType);
  plan.milestones.push(values);
  plan.newMilestones.push(values);
  const note =
    others.length > 0
      ? `The schedule already has a ${values.declarationType.replace('_', '-')} milestone with other values (${others.map(describeDates).join('; ')}); both are kept`
      : undefined;
  log.add({ line, kind: 'milestones', outcome: 'created', record, note });
}

const sameDate = (a: Date | null, b: Date | null) => (a === null || b === null ? a === b : a.getTime() === b.getTime());

function sameMilestone(milestone: MilestoneValues, values: MilestoneValues): boolean {
  return (
    milestone.name === values.name &&
    milestone.declarationType === values.declarationType &&
    sameDate(milestone.startDate, values.startDate) &&
    sameDate(milestone.milestoneDate, values.milestoneDate) &&
    sameDate(milestone.paymentDate, values.paymentDate)
  );
}

function describeDates(milestone: MilestoneValues): string {
  return `"${milestone.name}" starting ${isoDate(milestone.startDate)}, milestone date ${isoDate(milestone.milestoneDate)}, payment date ${isoDate(milestone.paymentDate)}`;
}
