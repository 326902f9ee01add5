// Which appropriate body supports an ECT's induction, and on which training programme, when the school and the
// body may say different things: the body's own confirmation wins; the school's report stands in,
// provisionally, until then. Both facts resolve by the same rule.
import type { TrainingProgramme } from '@prisma/client';
import { PROGRAMME_CHOICE_LABELS } from '../partnerships/find-school-cohorts.js';

export type AppropriateBodyStatus = 'confirmed' | 'provisional' | 'not_reported';

/** Where the school's report came from: its claim, else the ECT's induction record, else the school cohort. */
export type SchoolReportOrigin = 'claim' | 'induction_record' | 'school_cohort';

export interface ReportedBody {
  id: string;
  name: string;
}

/** One reported fact (a body, a programme) from both sides, and the one to use. */
export interface Resolution<T extends ReportedBody> {
  schoolReported: (T & { origin: SchoolReportOrigin }) | null;
  bodyReported: T | null;
  effective: T | null;
  status: AppropriateBodyStatus;
  /** What to show: "Name", "Name (provisional: reported by the school)" or "Not reported". */
  label: string;
  /** Both reported and they differ: support should check with the school. */
  mismatch: boolean;
}

export type AppropriateBodyResolution = Resolution<ReportedBody>;

/** A training programme type as reported: its enum value and its label. */
export interface ReportedProgramme extends ReportedBody {
  id: TrainingProgramme;
}

export type TrainingProgrammeResolution = Resolution<ReportedProgramme>;

export const NOT_REPORTED = 'Not reported';

function resolveReported<T extends ReportedBody>(schoolReported: Resolution<T>['schoolReported'], bodyReported: T | null): Resolution<T> {
  const mismatch = schoolReported !== null && bodyReported !== null && schoolReported.id !== bodyReported.id;
  if (bodyReported) return { schoolReported, bodyReported, effective: bodyReported, status: 'confirmed', label: bodyReported.name, mismatch };
  if (schoolReported) {
    const { origin: _origin, ...effective } = schoolReported;
    return {
      schoolReported,
      bodyReported,
      effective: effective as unknown as T,
      status: 'provisional',
      label: `${schoolReported.name} (provisional: reported by the school)`,
      mismatch,
    };
  }
  return { schoolReported, bodyReported, effective: null, status: 'not_reported', label: NOT_REPORTED, mismatch };
}

export const resolveReportedBodies = (
  schoolReported: AppropriateBodyResolution['schoolReported'],
  bodyReported: ReportedBody | null,
): AppropriateBodyResolution => resolveReported(schoolReported, bodyReported);

export const reportedProgramme = (programme: TrainingProgramme): ReportedProgramme => ({ id: programme, name: PROGRAMME_CHOICE_LABELS[programme] });

export function resolveReportedProgrammes(
  schoolReported: { programme: TrainingProgramme; origin: SchoolReportOrigin } | null,
  bodyReported: TrainingProgramme | null,
): TrainingProgrammeResolution {
  return resolveReported(
    schoolReported ? { ...reportedProgramme(schoolReported.programme), origin: schoolReported.origin } : null,
    bodyReported ? reportedProgramme(bodyReported) : null,
  );
}
