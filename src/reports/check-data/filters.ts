// The search and filters of the check data page, read from a query string as the DfE's portal reads them
// (app/services/delivery_partners/participants_filter.rb): a role that is not one of the two is ignored; an
// academic year or status that is given but is not one of the options matches nobody, never everyone. Those
// two are kept as given, so the page's links and its download carry exactly what was asked for.
import { z } from 'zod';

/** A value that was given: a string with something in it (Rails's `present?`), trimmed. */
const given = z.unknown().transform((v) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : undefined)).optional();

export const CheckDataFiltersInput = z.object({
  query: given,
  role: z.unknown().transform((v) => (v === 'ect' || v === 'mentor' ? v : undefined)).optional(),
  academicYear: given,
  status: given,
});

export type CheckDataFilters = Partial<z.output<typeof CheckDataFiltersInput>>;

/** Filters from a parsed query string (`?query=…&role=…&academic_year=…&status=…`). */
export function readCheckDataFilters(params: Record<string, unknown>): CheckDataFilters {
  const read = CheckDataFiltersInput.parse({
    query: params.query,
    role: params.role,
    academicYear: params.academic_year,
    status: params.status,
  });
  return Object.fromEntries(Object.entries(read).filter(([, value]) => value !== undefined)) as CheckDataFilters;
}

/** The same filters as query-string pairs, for links that keep them (pages, download). */
export function checkDataFilterParams(filters: CheckDataFilters): [string, string][] {
  const pairs: [string, string | undefined][] = [
    ['query', filters.query],
    ['role', filters.role],
    ['academic_year', filters.academicYear],
    ['status', filters.status],
  ];
  return pairs.filter((pair): pair is [string, string] => pair[1] !== undefined);
}
