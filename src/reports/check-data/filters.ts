// The search and filters of the check data page, read leniently from a query string: a value that is
// not one of the options (a tampered or stale link) is ignored rather than refused.
import { z } from 'zod';
import { STATUS_IDS } from './statuses.js';

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const CheckDataFiltersInput = z.object({
  query: optional(z.string().trim().max(200).transform((v) => v || undefined)),
  role: optional(z.enum(['ect', 'mentor'])),
  academicYear: optional(z.coerce.number().int().min(2000).max(2100)),
  status: optional(z.enum(STATUS_IDS as [string, ...string[]]).transform((v) => v as (typeof STATUS_IDS)[number])),
});

export type CheckDataFilters = z.output<typeof CheckDataFiltersInput>;

/** Filters from a parsed query string (`?query=…&role=…&academic_year=…&status=…`). */
export function readCheckDataFilters(params: Record<string, unknown>): CheckDataFilters {
  return CheckDataFiltersInput.parse({
    query: params.query,
    role: params.role,
    academicYear: params.academic_year,
    status: params.status,
  });
}

/** The same filters as query-string pairs, for links that keep them (pages, download). */
export function checkDataFilterParams(filters: CheckDataFilters): [string, string][] {
  const pairs: [string, string | undefined][] = [
    ['query', filters.query],
    ['role', filters.role],
    ['academic_year', filters.academicYear?.toString()],
    ['status', filters.status],
  ];
  return pairs.filter((pair): pair is [string, string] => pair[1] !== undefined);
}
