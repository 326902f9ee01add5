// The participants a delivery partner may see (the DfE's app/controllers/delivery_partners/participants_controller.rb): for each participant profile,
// its latest induction record among those whose programme's partnership is with this delivery partner
// and active (not challenged, not pending), with the status derived in SQL. Search, filters, count,
// pages and the CSV all use this one query.
//
// As the DfE's, it lists only cohorts up to LATEST_CHECK_DATA_COHORT (coverage.ts). Archived participant
// profiles are not shown.
import { latestInductionRecordOrder } from '../../rules/latest-induction-record.js';
import { unchallengedPartnershipSql } from '../../rules/unchallenged-partnership.js';
import { Prisma, type ParticipantType, type TrainingStatus } from '@prisma/client';
import { db } from '../../db/client.js';
import { cohortStartYearOf } from '../../rules/cohort-start-year.js';
import { LATEST_CHECK_DATA_COHORT } from './coverage.js';
import type { CheckDataFilters } from './filters.js';
import { mentorshipsCte, recordStateJoins } from './record-state.js';
import { isStatusId, recordStatesFor, type RecordState } from './statuses.js';

export const PAGE_SIZE = 50;

export interface CheckDataRow {
  inductionRecordId: string;
  participantProfileId: string;
  fullName: string;
  email: string;
  trn: string | null;
  role: ParticipantType;
  leadProvider: string;
  school: string;
  schoolUrn: string;
  academicYear: number;
  trainingStatus: TrainingStatus;
  inductionCompletionDate: Date | null;
  recordState: RecordState;
}

export interface CheckDataQuery {
  deliveryPartnerId: string;
  filters: CheckDataFilters;
  /** The moment "future" and "past" are judged against; now unless a test fixes it. */
  asOf?: Date;
}

/** `%` and `_` in what someone typed are literal characters, not wildcards. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function whereFilters(filters: CheckDataFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`pp."archivedAt" IS NULL`, Prisma.sql`c."startYear" <= ${LATEST_CHECK_DATA_COHORT}`];
  if (filters.query) {
    const like = containing(filters.query);
    conditions.push(Prisma.sql`(
      t."fullName" ILIKE ${like} OR coalesce(ir."preferredEmail", t.email) ILIKE ${like} OR t.trn ILIKE ${like}
      OR lp.name ILIKE ${like} OR s.name ILIKE ${like} OR s.urn ILIKE ${like})`);
  }
  if (filters.role) conditions.push(Prisma.sql`pp.type = ${filters.role}::"ParticipantType"`);
  if (filters.academicYear) {
    // Read as Ruby's to_i; a year that is not one of the options matches nobody.
    const year = cohortStartYearOf(filters.academicYear);
    conditions.push(year === null ? Prisma.sql`false` : Prisma.sql`c."startYear" = ${year}`);
  }
  if (filters.status) {
    const status = filters.status;
    conditions.push(isStatusId(status) ? Prisma.sql`rs.record_state IN (${Prisma.join(recordStatesFor(status))})` : Prisma.sql`false`);
  }
  return Prisma.join(conditions, ' AND ');
}

/** FROM … WHERE … of the filtered rows, with its CTEs in front. */
function filteredRows({ deliveryPartnerId, filters, asOf = new Date() }: CheckDataQuery): { ctes: Prisma.Sql; from: Prisma.Sql } {
  const ctes = Prisma.sql`WITH latest AS (
      SELECT DISTINCT ON (r."participantProfileId") r.*
      FROM induction_records r
      JOIN induction_programmes rp ON rp.id = r."inductionProgrammeId"
      JOIN partnerships rpp ON rpp.id = rp."partnershipId"
      WHERE rpp."deliveryPartnerId" = ${deliveryPartnerId}::uuid
        AND ${unchallengedPartnershipSql('rpp')} AND NOT rpp.pending
      ORDER BY r."participantProfileId", ${latestInductionRecordOrder('r')}
    ), ${mentorshipsCte(asOf)}`;
  const from = Prisma.sql`
    FROM latest ir
    JOIN participant_profiles pp ON pp.id = ir."participantProfileId"
    JOIN teachers t ON t.id = pp."teacherId"
    JOIN induction_programmes ip ON ip.id = ir."inductionProgrammeId"
    JOIN partnerships p ON p.id = ip."partnershipId"
    JOIN lead_providers lp ON lp.id = p."leadProviderId"
    JOIN school_cohorts sc ON sc.id = ip."schoolCohortId"
    JOIN schools s ON s.id = sc."schoolId"
    JOIN cohorts c ON c.id = sc."cohortId"
    ${recordStateJoins(asOf)}
    WHERE ${whereFilters(filters)}`;
  return { ctes, from };
}

/**
 * The rows in display order (newest updated first), as one statement the CSV can run through a cursor.
 * A page also carries the count of all filtered rows, so one pass serves both.
 */
export function checkDataRowsSql(query: CheckDataQuery, page?: { limit: number; offset: number }): Prisma.Sql {
  const { ctes, from } = filteredRows(query);
  return Prisma.sql`${ctes}
    SELECT ir.id AS "inductionRecordId", pp.id AS "participantProfileId", t."fullName",
           coalesce(ir."preferredEmail", t.email) AS email, t.trn, pp.type::text AS role, lp.name AS "leadProvider",
           s.name AS school, s.urn AS "schoolUrn", c."startYear" AS "academicYear",
           ir."trainingStatus"::text AS "trainingStatus", rs.record_state AS "recordState", pp."inductionCompletionDate"
           ${page ? Prisma.sql`, count(*) OVER ()::int AS "totalRows"` : Prisma.empty}
    ${from}
    ORDER BY ir."updatedAt" DESC, ir.id DESC
    ${page ? Prisma.sql`LIMIT ${page.limit} OFFSET ${page.offset}` : Prisma.empty}`;
}

export async function countCheckDataParticipants(query: CheckDataQuery): Promise<number> {
  const { ctes, from } = filteredRows(query);
  const [{ total }] = await db().$queryRaw<{ total: number }[]>(Prisma.sql`${ctes} SELECT count(*)::int AS total ${from}`);
  return total;
}

export interface CheckDataPage {
  rows: CheckDataRow[];
  total: number;
  page: number;
  pageCount: number;
}

export async function findCheckDataParticipants(query: CheckDataQuery, page = 1): Promise<CheckDataPage> {
  const current = Math.max(1, Math.floor(page) || 1);
  const fixed = { ...query, asOf: query.asOf ?? new Date() };
  const counted = await db().$queryRaw<(CheckDataRow & { totalRows: number })[]>(
    checkDataRowsSql(fixed, { limit: PAGE_SIZE, offset: (current - 1) * PAGE_SIZE }),
  );
  // Past the last page no row carries the count.
  const total = counted[0]?.totalRows ?? (current === 1 ? 0 : await countCheckDataParticipants(fixed));
  const rows = counted.map(({ totalRows: _total, ...row }) => row);
  return { rows, total, page: current, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** The academic years a delivery partner can filter by: every cohort's start year up to the latest covered. */
export async function checkDataAcademicYears(): Promise<number[]> {
  const cohorts = await db().cohort.findMany({ where: { startYear: { lte: LATEST_CHECK_DATA_COHORT } }, select: { startYear: true }, orderBy: { startYear: 'asc' } });
  return cohorts.map((c) => c.startYear);
}
