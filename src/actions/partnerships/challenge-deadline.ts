// When a school can no longer challenge a reported partnership: the later of 14 days after the report and the
// cohort's academic year start plus 14 days, as the DfE's partnerships documentation for lead providers says.
// The DfE's code differs (academic year start + 2 months - 1 day); we follow the documented rule (README,
// "Where we differ from the DfE's service").
const DAY_MS = 86_400_000;
export const CHALLENGE_WINDOW_DAYS = 14;

const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

export function challengeDeadline(reportedAt: Date, academicYearStartDate: Date): Date {
  const fromReport = addDays(reportedAt, CHALLENGE_WINDOW_DAYS);
  const fromYearStart = addDays(academicYearStartDate, CHALLENGE_WINDOW_DAYS);
  return fromReport > fromYearStart ? fromReport : fromYearStart;
}
