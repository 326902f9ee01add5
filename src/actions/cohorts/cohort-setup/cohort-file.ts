// The cohort file: one row per cohort, upserted on start year. The file is the truth for every column.
import type { Cohort } from '@prisma/client';
import { readCells } from '../../../reports/csv/read-cells.js';
import { FirstSeen, isoDate, type ImportRun, type UploadedCsv } from './import-run.js';

export const COHORT_HEADERS = [
  'start-year',
  'registration-start-date',
  'academic-year-start-date',
  'automatic-assignment-period-end-date',
  'payments-frozen-at',
  'mentor-funding',
  'detailed-evidence-types',
] as const;

type CohortFields = Pick<
  Cohort,
  | 'registrationStartDate'
  | 'academicYearStartDate'
  | 'automaticAssignmentPeriodEndDate'
  | 'paymentsFrozenAt'
  | 'mentorFunding'
  | 'detailedEvidenceTypes'
>;

const FIELD_LABELS: Record<keyof CohortFields, string> = {
  registrationStartDate: 'registration start date',
  academicYearStartDate: 'academic year start date',
  automaticAssignmentPeriodEndDate: 'automatic assignment period end date',
  paymentsFrozenAt: 'payments frozen at',
  mentorFunding: 'mentor funding',
  detailedEvidenceTypes: 'detailed evidence types',
};

export async function importCohortFile(run: ImportRun, upload: UploadedCsv): Promise<void> {
  const { rows, log } = run.open('cohort', upload, COHORT_HEADERS);
  const seen = new FirstSeen<number>();
  for (const row of rows) {
    const cells = readCells(row);
    const startYear = cells.integer('start-year', { required: true, min: 2020, max: 2100 });
    const fields: CohortFields = {
      registrationStartDate: cells.date('registration-start-date', { required: true }),
      academicYearStartDate: cells.date('academic-year-start-date', { required: true }),
      // The DfE's default: assignment ends on 31 March of the cohort's second year.
      automaticAssignmentPeriodEndDate:
        cells.date('automatic-assignment-period-end-date') ?? new Date(Date.UTC(startYear + 1, 2, 31)),
      paymentsFrozenAt: cells.date('payments-frozen-at'),
      mentorFunding: cells.boolean('mentor-funding') ?? false,
      detailedEvidenceTypes: cells.boolean('detailed-evidence-types') ?? false,
    };
    const earlier = startYear ? seen.earlier(startYear, row.line) : undefined;
    if (earlier !== undefined) cells.problem('start-year', `Cohort ${startYear} is already on line ${earlier}`);
    if (!run.accept(cells)) {
      if (startYear) run.cohortFailed(startYear);
      continue;
    }

    const record = `Cohort ${startYear}`;
    const existing = await run.cohort(startYear);
    if (!existing) {
      const cohort = await run.tx.cohort.create({ data: { startYear, ...fields } });
      run.rememberCohort(cohort);
      await log.add(
        { line: row.line, outcome: 'created', record },
        { action: 'cohort.created', subjectType: 'Cohort', subjectId: cohort.id, after: { startYear, ...fields } },
      );
      continue;
    }
    const changed = (Object.keys(fields) as (keyof CohortFields)[]).filter((key) => !sameValue(existing[key], fields[key]));
    if (changed.length === 0) {
      await log.add({ line: row.line, outcome: 'unchanged', record });
      continue;
    }
    const cohort = await run.tx.cohort.update({ where: { id: existing.id }, data: fields });
    run.rememberCohort(cohort);
    await log.add(
      { line: row.line, outcome: 'updated', record, note: changed.map((key) => describeChange(key, existing[key], fields[key])).join('; ') },
      {
        action: 'cohort.updated',
        subjectType: 'Cohort',
        subjectId: cohort.id,
        before: Object.fromEntries(changed.map((key) => [key, existing[key]])),
        after: Object.fromEntries(changed.map((key) => [key, fields[key]])),
      },
    );
  }
}

function sameValue(a: Date | boolean | null, b: Date | boolean | null): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

function describeChange(key: keyof CohortFields, from: Date | boolean | null, to: Date | boolean | null): string {
  const show = (value: Date | boolean | null) => (typeof value === 'boolean' ? String(value) : isoDate(value));
  return `${FIELD_LABELS[key]} ${show(from)} → ${show(to)}`;
}
