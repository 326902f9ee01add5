// The schedule file: one row per milestone. A schedule is found or created by identifier and cohort (its
// name follows the file); a milestone is found by all its values, so a row with changed dates adds a
// milestone beside the old one, as the DfE's import does.
import { DeclarationType, type Cohort, type Milestone, type ScheduleType } from '@prisma/client';
import { readCells } from '../../../reports/csv/read-cells.js';
import { FirstSeen, isoDate, type FileLog, type ImportRun, type UploadedCsv } from './import-run.js';

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

/** Replacement schedules are for mentors; the rest are ECF schedules. */
const SCHEDULE_TYPES: Record<string, ScheduleType> = {
  ecf_standard: 'ecf',
  ecf_reduced: 'ecf',
  ecf_extended: 'ecf',
  ecf_replacement: 'mentor',
};
const SCHEDULE_TYPE_NAMES = Object.keys(SCHEDULE_TYPES);

/** Files spell declaration types as the API does: `retained-1`. */
const DECLARATION_TYPES = new Map(Object.values(DeclarationType).map((type) => [type.replace('_', '-'), type]));
const DECLARATION_TYPE_NAMES = [...DECLARATION_TYPES.keys()];

interface KnownSchedule {
  id: string;
  name: string;
  type: ScheduleType;
  milestones: Milestone[];
  /** Whether this import has already said what it does to the schedule. */
  logged: boolean;
}

type MilestoneValues = Pick<Milestone, 'name' | 'declarationType' | 'startDate' | 'milestoneDate' | 'paymentDate'>;

export async function importScheduleFile(run: ImportRun, upload: UploadedCsv): Promise<void> {
  const { rows, log } = run.open('schedule', upload, SCHEDULE_HEADERS);
  const schedules = new Map<string, KnownSchedule | null>();
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

    const key = `${identifier}|${startYear}`;
    const scheduleLabel = `${identifier} (cohort ${startYear})`;
    if (identifier && startYear) {
      const first = firstRows.get(key);
      if (!first) {
        if (cells.fine('type')) firstRows.set(key, { line: row.line, name: scheduleName, type: typeName });
      }
      else if (first.name !== scheduleName) {
        cells.problem('schedule-name', `${scheduleLabel} is called "${first.name}" on line ${first.line}: use one name`);
      } else if (first.type !== typeName && cells.fine('type')) {
        cells.problem('type', `${scheduleLabel} has type ${first.type} on line ${first.line}: use one type`);
      }
      const earlier = cells.fine('milestone-declaration-type') ? seenMilestones.earlier(`${key}|${dashedType}`, row.line) : undefined;
      if (earlier !== undefined) cells.problem('milestone-declaration-type', `The ${dashedType} milestone of ${scheduleLabel} is already on line ${earlier}`);
    }
    const cohort = startYear ? await run.findCohort(cells, 'schedule-cohort-year', startYear) : null;
    const type = SCHEDULE_TYPES[typeName];
    let known: KnownSchedule | null = null;
    if (cohort && cells.ok) {
      known = await findSchedule(run, schedules, key, identifier, cohort);
      if (known && known.type !== type) {
        cells.problem('type', `${scheduleLabel} already exists as ${known.type === 'ecf' ? 'an ECF' : 'a mentor'} schedule: an import cannot change its type`);
      }
    }
    if (!run.accept(cells) || !cohort) continue;

    known ??= await createSchedule(run, log, row.line, { identifier, name: scheduleName, type, cohort });
    schedules.set(key, known);
    if (!known.logged) await logSchedule(run, log, row.line, known, scheduleName, scheduleLabel);
    await findOrCreateMilestone(run, log, row.line, known, milestone, `${scheduleName}, ${scheduleLabel}: ${milestone.name}`);
  }
}

async function findSchedule(
  run: ImportRun,
  schedules: Map<string, KnownSchedule | null>,
  key: string,
  scheduleIdentifier: string,
  cohort: Cohort,
): Promise<KnownSchedule | null> {
  if (!schedules.has(key)) {
    const schedule = await run.tx.schedule.findUnique({
      where: { scheduleIdentifier_cohortId: { scheduleIdentifier, cohortId: cohort.id } },
      include: { milestones: true },
    });
    schedules.set(key, schedule && { id: schedule.id, name: schedule.name, type: schedule.type, milestones: schedule.milestones, logged: false });
  }
  return schedules.get(key) ?? null;
}

async function createSchedule(
  run: ImportRun,
  log: FileLog,
  line: number,
  values: { identifier: string; name: string; type: ScheduleType; cohort: Cohort },
): Promise<KnownSchedule> {
  const schedule = await run.tx.schedule.create({
    data: { scheduleIdentifier: values.identifier, name: values.name, type: values.type, cohortId: values.cohort.id },
  });
  await log.add(
    { line, outcome: 'created', record: `Schedule ${values.name}, ${values.identifier} (cohort ${values.cohort.startYear})` },
    {
      action: 'schedule.created',
      subjectType: 'Schedule',
      subjectId: schedule.id,
      after: { scheduleIdentifier: values.identifier, name: values.name, type: values.type, cohort: values.cohort.startYear },
    },
  );
  return { id: schedule.id, name: schedule.name, type: schedule.type, milestones: [], logged: true };
}

/** An existing schedule's outcome, told once: unchanged, or renamed to the file's name. */
async function logSchedule(run: ImportRun, log: FileLog, line: number, known: KnownSchedule, name: string, label: string): Promise<void> {
  known.logged = true;
  const record = `Schedule ${name}, ${label}`;
  if (known.name === name) {
    await log.add({ line, outcome: 'unchanged', record });
    return;
  }
  await run.tx.schedule.update({ where: { id: known.id }, data: { name } });
  await log.add(
    { line, outcome: 'updated', record, note: `name "${known.name}" → "${name}"` },
    { action: 'schedule.updated', subjectType: 'Schedule', subjectId: known.id, before: { name: known.name }, after: { name } },
  );
  known.name = name;
}

async function findOrCreateMilestone(
  run: ImportRun,
  log: FileLog,
  line: number,
  schedule: KnownSchedule,
  values: MilestoneValues,
  record: string,
): Promise<void> {
  if (schedule.milestones.some((milestone) => sameMilestone(milestone, values))) {
    await log.add({ line, outcome: 'unchanged', record });
    return;
  }
  const others = schedule.milestones.filter((milestone) => milestone.declarationType === values.declarationType);
  const created = await run.tx.milestone.create({ data: { scheduleId: schedule.id, ...values } });
  schedule.milestones.push(created);
  const note =
    others.length > 0
      ? `The schedule already has a ${values.declarationType.replace('_', '-')} milestone with other values (${others.map(describeDates).join('; ')}); both are kept`
      : undefined;
  await log.add(
    { line, outcome: 'created', record, note },
    { action: 'milestone.created', subjectType: 'Milestone', subjectId: created.id, after: { scheduleId: schedule.id, ...values } },
  );
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
