// GET /api/v3/schools/ecf(/{id}) for one cohort: schools a provider may partner with (eligible, which
// excludes CIP-only ones) plus schools already in a confirmed partnership for that cohort.
import { unchallengedPartnershipSql } from '../../rules/unchallenged-partnership.js';
import { Prisma, type InductionProgrammeChoice } from '@prisma/client';
import { db } from '../../db/client.js';
import { programmeChoiceName } from '../../rules/programme-type-names.js';
import { eligibleSchoolSql } from '../../actions/schools/eligibility.js';
import { isoTime } from '../http/format.js';
import type { Page } from '../http/query.js';

interface SchoolRow {
  id: string;
  name: string;
  urn: string;
  choice: InductionProgrammeChoice | null;
  inPartnership: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface SchoolFilters {
  urn: string | undefined;
  updatedSince: Date | null;
}

export const SCHOOL_SORTS = { created_at: Prisma.sql`s."createdAt"`, updated_at: Prisma.sql`"updatedAt"` };

const confirmedPartnership = (cohortId: string) => Prisma.sql`
  pa."schoolId" = s.id AND pa."cohortId" = ${cohortId}::uuid AND NOT pa.relationship
  AND ${unchallengedPartnershipSql('pa')}`;

/**
 * updated_at covers what the resource shows: the school, its choice for the cohort, and its partnerships
 * for the cohort (which decide in_partnership).
 */
const query = (cohortId: string, where: Prisma.Sql) => Prisma.sql`
  SELECT * FROM (
    SELECT s.id, s.name, s.urn, s."createdAt", sc."inductionProgrammeChoice"::text AS choice,
      EXISTS (SELECT 1 FROM partnerships pa WHERE ${confirmedPartnership(cohortId)}) AS "inPartnership",
      GREATEST(s."updatedAt", sc."updatedAt",
        (SELECT MAX(pa."updatedAt") FROM partnerships pa WHERE pa."schoolId" = s.id AND pa."cohortId" = ${cohortId}::uuid)) AS "updatedAt"
    FROM schools s
    LEFT JOIN school_cohorts sc ON sc."schoolId" = s.id AND sc."cohortId" = ${cohortId}::uuid
    WHERE (${eligibleSchoolSql('s')} OR EXISTS (SELECT 1 FROM partnerships pa WHERE ${confirmedPartnership(cohortId)}))
      AND ${where}
  ) s`;

function toResource(row: SchoolRow, startYear: number) {
  return {
    id: row.id,
    type: 'school',
    attributes: {
      name: row.name,
      urn: row.urn,
      cohort: String(startYear),
      in_partnership: row.inPartnership,
      induction_programme_choice: programmeChoiceName(row.choice ?? 'not_yet_known'),
      created_at: isoTime(row.createdAt),
      updated_at: isoTime(row.updatedAt),
    },
  };
}

export async function listSchools(cohort: { id: string; startYear: number }, filters: SchoolFilters, orderBy: Prisma.Sql, page: Page) {
  const rows = await db().$queryRaw<SchoolRow[]>(Prisma.sql`
    ${query(cohort.id, filters.urn ? Prisma.sql`s.urn = ${filters.urn}` : Prisma.sql`true`)}
    ${filters.updatedSince ? Prisma.sql`WHERE s."updatedAt" >= ${filters.updatedSince}` : Prisma.empty}
    ORDER BY ${orderBy}
    LIMIT ${page.limit} OFFSET ${page.offset}`);
  return rows.map((row) => toResource(row, cohort.startYear));
}

export async function findSchool(cohort: { id: string; startYear: number }, id: string) {
  const [row] = await db().$queryRaw<SchoolRow[]>(query(cohort.id, Prisma.sql`s.id = ${id}::uuid`));
  return row ? toResource(row, cohort.startYear) : null;
}
