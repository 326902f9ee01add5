// A cohort as a lead provider names it: its start year, read the way the DfE's Rails service reads any value it
// compares with an integer column. Leading blanks, a sign, digits (with Ruby's underscores) and then anything at
// all: " 2024", "2024.0", "2024abc" and 2024.9 are all 2024; a value that does not start with a digit names no
// cohort. Used wherever the API takes a cohort (filters, partnerships, change-schedule) so all agree.

/** Ruby's String#to_i prefix, allowed only when the string starts (after blanks) with an optional sign and a digit. */
const LEADING_INTEGER = /^\s*([+-]?\d+(?:_\d+)*)/;
const INT4_MAX = 2 ** 31 - 1;

/** The start year a value names, or null when it names no cohort at all (not a number, or out of range). */
export function cohortStartYearOf(value: unknown): number | null {
  let year: number | null = null;
  if (typeof value === 'number' && Number.isFinite(value)) year = Math.trunc(value);
  else if (typeof value === 'string') {
    const match = LEADING_INTEGER.exec(value);
    year = match ? Number(match[1].replace(/_/g, '')) : null;
  }
  // A value past the column's range matches no row (Rails leaves it out of the query rather than failing).
  return year !== null && Math.abs(year) <= INT4_MAX ? year : null;
}

/** Ruby's String#split(","): trailing empty items are dropped, so "" and "," give no items at all. */
function rubySplit(list: string): string[] {
  const items = list.split(',');
  while (items.length > 0 && items[items.length - 1] === '') items.pop();
  return items;
}

const yearsOf = (items: string[]) => items.map(cohortStartYearOf).filter((year): year is number => year !== null);

/**
 * The start years filter[cohort] names on the lists that default to every cohort when it is blank (participants,
 * partnerships, delivery partners, statements: app/services/api/concerns/filter_cohorts.rb). Null when absent or
 * blank; items that name no cohort match nothing, so "abc" or "," lists nothing rather than everyone.
 */
export function cohortStartYearsOf(list: string | undefined): number[] | null {
  if (list === undefined || list.trim() === '') return null;
  return yearsOf(rubySplit(list));
}

/**
 * The declarations list filters only when the split list has items (app/services/api/v3/participant_declarations_query.rb,
 * filter_cohorts): "" and "," mean every cohort, while " " is an item that names none.
 */
export function declarationCohortStartYearsOf(list: string | undefined): number[] | null {
  const items = rubySplit(list ?? '');
  return items.length === 0 ? null : yearsOf(items);
}
