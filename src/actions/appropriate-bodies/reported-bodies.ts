// Which appropriate body supports an ECT's induction when the school and the body may say different things
// (seed 004): the body's own confirmation wins; the school's report stands in, provisionally, until then.
export type AppropriateBodyStatus = 'confirmed' | 'provisional' | 'not_reported';

/** Where the school's report came from: its claim, else the ECT's induction record, else the school cohort. */
export type SchoolReportOrigin = 'claim' | 'induction_record' | 'school_cohort';

export interface ReportedBody {
  id: string;
  name: string;
}

export interface AppropriateBodyResolution {
  schoolReported: (ReportedBody & { origin: SchoolReportOrigin }) | null;
  bodyReported: ReportedBody | null;
  effective: ReportedBody | null;
  status: AppropriateBodyStatus;
  /** What to show: "Name", "Name (provisional: reported by the school)" or "Not reported". */
  label: string;
  /** Both reported and they differ: support should check with the school. */
  mismatch: boolean;
}

export const NOT_REPORTED = 'Not reported';

export function resolveReportedBodies(
  schoolReported: AppropriateBodyResolution['schoolReported'],
  bodyReported: ReportedBody | null,
): AppropriateBodyResolution {
  const mismatch = schoolReported !== null && bodyReported !== null && schoolReported.id !== bodyReported.id;
  if (bodyReported) return { schoolReported, bodyReported, effective: bodyReported, status: 'confirmed', label: bodyReported.name, mismatch };
  if (schoolReported) {
    return {
      schoolReported,
      bodyReported,
      effective: { id: schoolReported.id, name: schoolReported.name },
      status: 'provisional',
      label: `${schoolReported.name} (provisional: reported by the school)`,
      mismatch,
    };
  }
  return { schoolReported, bodyReported, effective: null, status: 'not_reported', label: NOT_REPORTED, mismatch };
}
