// The schedule file: one row per milestone. A schedule is found or created by identifier and cohort (its
// name follows the file); a milestone is found by all its values, so a row with changed dates adds a
// milestone beside the old one, as the DfE's import does.
import { DeclarationType, type Cohort, type Milestone, type ScheduleType } from '@prisma/client';
import { readCells } from '../../../reports/csv/read-cells.js';
import { recordAudit } from '../../audit.js';
import { FirstSeen, inBatches, isoDate, type FileLog, type ImportRun, type UploadedCsv } from './import-run.js';

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

/** A schedule as this import leaves it: found in the database or to be created, with the milestones to add. */
interface PlannedSchedule {
  /** Set when the schedule exists (or once it is created). */
  id?: string;
  identifier: string;
  name: string;
  type: ScheduleType;
  cohort: Cohort;
  /** The name in the database when the file renames the schedule. */
  renamedFrom?: string;
  milestones: MilestoneValues[];
  newMilestones: MilestoneValues[];
}

type MilestoneValues = Pick<Milestone, 'name' | 'declarationType' | 'startDate' | 'milestoneDate' | 'paymentDate'>;

export async function importScheduleFile(run: ImportRun, upload: UploadedCsv): Promise<void> {
  const { rows, log } = run.open('schedule', upload, SCHEDULE_HEADERS);
  const plans = new SchedulePlans(run, upload.name);
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
    const cohort = startYear ? await run.findCohort(cells, 'schedule-cohort-year', startYear) : null;
    const type = SCHEDULE_TYPES[typeName];
    const existing = cohort && cells.ok ? await plans.find(cohort, identifier) : undefined;
    if (existing && existing.type !== type) {
      cells.problem('type', `${label} already exists as ${existing.type === 'ecf' ? 'an ECF' : 'a mentor'} schedule: an import cannot change its type`);
    }
    if (!run.accept(cells) || !cohort) continue;

    const record = `Schedule ${scheduleName}, ${label}`;
    let plan = existing;
    if (!plan) {
      plan = plans.add({ identifier, name: scheduleName, type, cohort, milestones: [], newMilestones: [] });
      await log.add({ line: row.line, outcome: 'created', record });
    } else if (!plans.told(plan)) {
      if (plan.name === scheduleName) await log.add({ line: row.line, outcome: 'unchanged', record });
      else {
        await log.add({ line: row.line, outcome: 'updated', record, note: `name "${plan.name}" → "${scheduleName}"` });
        plan.renamedFrom = plan.name;
        plan.name = scheduleName;
      }
    }
    await planMilestone(log, row.line, plan, milestone, `${scheduleName}, ${label}: ${milestone.name}`);
  }
  await plans.write();
}

/** The schedules of the cohorts the file mentions, loaded once per cohort, and what to write. */
class SchedulePlans {
  private readonly byKey = new Map<string, PlannedSchedule>();
  private readonly loadedCohorts = new Set<string>();
  private readonly tellings = new Set<PlannedSchedule>();

  constructor(
    private readonly run: ImportRun,
    private readonly file: string,
  ) {}

  async find(cohort: Cohort, identifier: string): Promise<PlannedSchedule | undefined> {
    if (!this.loadedCohorts.has(cohort.id)) {
      this.loadedCohorts.add(cohort.id);
      const schedules = await this.run.tx.schedule.findMany({ where: { cohortId: cohort.id }, include: { milestones: true } });
      for (const schedule of schedules) {
        this.byKey.set(scheduleKey(schedule.scheduleIdentifier, cohort), {
          id: schedule.id,
          identifier: schedule.scheduleIdentifier,
          name: schedule.name,
          type: schedule.type,
          cohort,
          milestones: schedule.milestones,
          newMilestones: [],
        });
      }
    }
    return this.byKey.get(scheduleKey(identifier, cohort));
  }

  add(plan: PlannedSchedule): PlannedSchedule {
    this.byKey.set(scheduleKey(plan.identifier, plan.cohort), plan);
    this.tellings.add(plan);
    return plan;
  }

  /** Whether the schedule's own outcome has been reported (once per schedule); marks it reported. */
  told(plan: PlannedSchedule): boolean {
    const told = this.tellings.has(plan);
    this.tellings.add(plan);
    return told;
  }

  /** A handful of SQL statements whatever the file's size: new schedules, then all new milestones, then the audit. */
  async write(): Promise<void> {
    const { tx, ctx } = this.run;
    const plans = [...this.byKey.values()];
    const newSchedules = plans.filter((plan) => !plan.id);
    if (newSchedules.length > 0) {
      const created = await tx.schedule.createManyAndReturn({
        data: newSchedules.map(({ identifier, name, type, cohort }) => ({ scheduleIdentifier: identifier, name, type, cohortId: cohort.id })),
        select: { id: true, scheduleIdentifier: true, cohortId: true },
      });
      const ids = new Map(created.map((schedule) => [`${schedule.scheduleIdentifier}|${schedule.cohortId}`, schedule.id]));
      for (const plan of newSchedules) plan.id = ids.get(`${plan.identifier}|${plan.cohort.id}`);
    }
    const milestones = plans.flatMap((plan) => plan.newMilestones.map((values) => ({ scheduleId: plan.id as string, ...values })));
    for (const batch of inBatches(milestones)) await tx.milestone.createMany({ data: batch });

    for (const plan of plans) {
      const subject = { subjectType: 'Schedule', subjectId: plan.id as string, reason: `Cohort setup import: ${this.file}` };
      const added = plan.newMilestones;
      if (newSchedules.includes(plan)) {
        const after = { scheduleIdentifier: plan.identifier, name: plan.name, type: plan.type, cohort: plan.cohort.startYear, milestones: added };
        await recordAudit(tx, ctx, { action: 'schedule.created', ...subject, after });
        continue;
      }
      if (plan.renamedFrom !== undefined) {
        await tx.schedule.update({ where: { id: plan.id }, data: { name: plan.name } });
        await recordAudit(tx, ctx, { action: 'schedule.updated', ...subject, before: { name: plan.renamedFrom }, after: { name: plan.name } });
      }
      if (added.length > 0) await recordAudit(tx, ctx, { action: 'schedule.milestones_added', ...subject, after: { milestones: added } });
    }
  }
}

const scheduleKey = (identifier: string, cohort: Cohort) => `${identifier}|${cohort.id}`;

/** Unchanged when a milestone with all the same values exists; otherwise added beside any others. */
async function planMilestone(log: FileLog, line: number, plan: PlannedSchedule, values: MilestoneValues, record: string): Promise<void> {
  if (plan.milestones.some((milestone) => sameMilestone(milestone, values))) {
    await log.add({ line, outcome: 'unchanged', record });
    return;
  }
  const others = plan.milestones.filter((milestone) => milestone.declarationType === values.declarationType);
  plan.milestones.push(values);
  plan.newMilestones.push(values);
  const note =
    others.length > 0
      ? `The schedule already has a ${values.declarationType.replace('_', '-')} milestone with other values (${others.map(describeDates).join('; ')}); both are kept`
      : undefined;
  await log.add({ line, outcome: 'created', record, note });
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
