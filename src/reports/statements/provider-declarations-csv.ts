// The declarations CSV of every statement of one lead provider in one cohort: the statement CSV's rows
// and columns, written by the same cursor-fed writer (declarations-csv.ts), statement by statement
// (earliest cut off date first), then by participant name.
import type { Writable } from 'node:stream';
import { Prisma } from '@prisma/client';
import { db } from '../../db/client.js';
import { declarationColumnsSql, declarationLinesSql, writeDeclarationRowsCsv } from './declarations-csv.js';

export interface ProviderCohort {
  cpdLeadProviderId: string;
  cohortId: string;
}

export interface ProviderCohortExport extends ProviderCohort {
  leadProviderName: string;
  cohortStartYear: number;
  /** Rows the CSV will have. */
  rows: number;
}

const scopeSql = ({ cpdLeadProviderId, cohortId }: ProviderCohort) =>
  Prisma.sql`s."cpdLeadProviderId" = ${cpdLeadProviderId}::uuid AND s."cohortId" = ${cohortId}::uuid`;

/** Each lead provider and cohort with declarations on its statements, with the number of rows its CSV will have. */
export async function findProviderCohortExports(): Promise<ProviderCohortExport[]> {
  const rows = await db().$queryRaw<(ProviderCohortExport & { rows: bigint })[]>`
    SELECT s."cpdLeadProviderId", s."cohortId", lp.name AS "leadProviderName", c."startYear" AS "cohortStartYear", count(*) AS rows
    FROM statement_line_items li
    JOIN statements s ON s.id = li."statementId"
    JOIN declarations d ON d.id = li."declarationId" AND d."cpdLeadProviderId" = s."cpdLeadProviderId"
    JOIN lead_providers lp ON lp."cpdLeadProviderId" = s."cpdLeadProviderId"
    JOIN cohorts c ON c.id = s."cohortId"
    GROUP BY s."cpdLeadProviderId", s."cohortId", lp.name, c."startYear"
    ORDER BY lp.name, c."startYear"`;
  return rows.map((row) => ({ ...row, rows: Number(row.rows) }));
}

const ORDER = Prisma.sql`ORDER BY s."deadlineDate", s.name, s.id, t."fullName", li.id`;

/** The CSV's rows in order, as whole lines or (for COPY, in the bench) as columns. */
export const providerDeclarationsQuery = (scope: ProviderCohort, form: 'lines' | 'columns' = 'lines'): Prisma.Sql =>
  Prisma.sql`${(form === 'lines' ? declarationLinesSql : declarationColumnsSql)(scopeSql(scope))} ${ORDER}`;

/** Writes the CSV to `out` and ends it; `onRows` hears of each batch written. */
export function writeProviderDeclarationsCsv(
  scope: ProviderCohort,
  out: Writable,
  options: { onRows?: (rows: number) => Promise<void> } = {},
): Promise<{ rows: number }> {
  return writeDeclarationRowsCsv(providerDeclarationsQuery(scope), out, options);
}
