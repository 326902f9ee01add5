// The cohort file: one row per cohort, upserted on start year. The file is the truth for every column.
import { randomUUID } from 'node:crypto';
import { readCells } from '../../../reports/csv/read-cells.js';
import { FirstSeen, isoDate, type FileStep } from './import-run.js';
import type { CohortRecord } from './known-state.js';
import { dateOnly, type StoredRow } from './write-rows.js';
import { auditEvents } from '../../audit/events.js';

export const COHORT_HEADERS = [
  'start-year',
  'registration-start-date',
  'academic-year-start-date',
  'automatic-assignment-period-end-date',
  'payments-frozen-at',
  'mentor-funding',
  'detailed-evidence-types',
] as const;

type CohortColumn = (typeof COHORT_HEADERS)[number];
type CohortFields = Omit<CohortRecord, 'id' | 'startYear'>;

const FIELD_LABELS: Record<keyof CohortFields, string> = {
  registrationStartDate: 'registration start date',
  academicYearStartDate: 'academic year start date',
  automaticAssignmentPeriodEndDate: 'automatic assignment period end date',
  paymentsFrozenAt: 'payments frozen at',
  mentorFunding: 'mentor funding',
  detailedEvidenceTypes: 'detailed evidence types',
};

export const cohortFile: FileStep<CohortColumn> = {
  kind: 'cohort',
  headers: COHORT_HEADERS,
  plan(run, rows, log) {
    const seen = new FirstSeen<number>();
    const created: CohortRecord[] = [];
    const updated: CohortRecord[] = [];
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

      const item = { line: row.line, kind: 'cohorts', record: `Cohort ${startYear}` } as const;
      const existing = run.cohort(startYear);
      if (!existing) {
        const cohort = { id: randomUUID(), startYear, ...fields };
        created.push(cohort);
        run.rememberCohort(cohort);
        log.add({ ...item, outcome: 'created' });
        run.audit(auditEvents.cohortCreated({ subjectId: cohort.id, after: { startYear, ...fields }, reason: log.reason(row.line) }));
        continue;
      }
      const changed = (Object.keys(fields) as (keyof CohortFields)[]).filter((key) => !sameValue(existing[key], fields[key]));
      if (changed.length === 0) {
        log.add({ ...item, outcome: 'unchanged' });
        continue;
      }
      const cohort = { ...existing, ...fields };
      updated.push(cohort);
      run.rememberCohort(cohort);
      log.add({ ...item, outcome: 'updated', note: changed.map((key) => describeChange(key, existing[key], fields[key])).join('; ') });
      run.audit(auditEvents.cohortUpdated({
        subjectId: existing.id,
        before: Object.fromEntries(changed.map((key) => [key, existing[key]])),
        after: Object.fromEntries(changed.map((key) => [key, fields[key]])),
        reason: log.reason(row.line),
      }));
    }
    run.insert('cohorts', created.map(stored));
    run.update('cohorts', updated.map(stored));
  },
};

function stored(cohort: CohortRecord): StoredRow {
  return {
    ...cohort,
    registrationStartDate: dateOnly(cohort.registrationStartDate),
    academicYearStartDate: dateOnly(cohort.academicYearStartDate),
    automaticAssignmentPeriodEndDate: dateOnly(cohort.automaticAssignmentPeriodEndDate),
    paymentsFrozenAt: dateOnly(cohort.paymentsFrozenAt),
  };
}

function sameValue(a: Date | boolean | null, b: Date | boolean | null): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

function describeChange(key: keyof CohortFields, from: Date | boolean | null, to: Date | boolean | null): string {
  const show = (value: Date | boolean | null) => (typeof value === 'boolean' ? String(value) : isoDate(value));
  return `${FIELD_LABELS[key]} ${show(from)} → ${show(to)}`;
}
