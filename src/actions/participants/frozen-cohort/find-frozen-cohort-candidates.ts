// Participants in payment-frozen cohorts who could continue in the destination cohort: unfinished with
// billable declarations (eligible) or unfinished with none (movable only when forced). Each row also lists
// what would still block the move (notes, the school's set-up...), in the DfE's words. One SQL query a page.
import { Prisma } from '@prisma/client';
import { db } from '../../../db/client.js';
import { frozenCohortMessages as messages } from './messages.js';
import { DEFAULT_SCHEDULE_IDENTIFIER, DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT, EXTENDED_SCHEDULE_IDENTIFIER } from './rules.js';

export type CandidateStatus = 'eligible' | 'force_required';

export interface FrozenCohortCandidateFilter {
  search?: string;
  leadProviderId?: string;
  schoolId?: string;
  status?: CandidateStatus;
}

export interface FrozenCohortCandidate {
  participantProfileId: string;
  fullName: string;
  trn: string | null;
  participantType: 'ect' | 'mentor';
  sourceCohortStartYear: number;
  schoolId: string | null;
  schoolName: string | null;
  schoolUrn: string | null;
  leadProviderId: string | null;
  leadProviderName: string | null;
  billableDeclarations: number;
  status: CandidateStatus;
  /** Why the move would be refused even so (empty when it would go through). */
  blockers: string[];
}

interface Row {
  participantProfileId: string;
  fullName: string;
  trn: string | null;
  participantType: 'ect' | 'mentor';
  sourceCohortStartYear: number;
  hasNotes: boolean;
  billableDeclarations: number;
  hasInductionRecord: boolean;
  schoolId: string | null;
  schoolName: string | null;
  schoolUrn: string | null;
  leadProviderId: string | null;
  leadProviderName: string | null;
  hasTargetSchoolCohort: boolean;
  hasTargetProgramme: boolean;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * FROM ... WHERE shared by the page and the id list. Set-based (one aggregate over the frozen cohorts'
 * declarations, one DISTINCT ON over their induction records) so counting a whole cohort stays cheap.
 * `targetCohortId` may be null (destination not set up).
 */
function candidatesFrom(targetCohortId: string | null, filter: FrozenCohortCandidateFilter): Prisma.Sql {
  // Billable completed declaration: finished as far as payment goes, so never a candidate.
  const conditions: Prisma.Sql[] = [Prisma.sql`NOT coalesce(d."hasBillableCompleted", false)`];
  if (filter.status === 'eligible') conditions.push(Prisma.sql`d."billableDeclarations" > 0`);
  if (filter.status === 'force_required') conditions.push(Prisma.sql`d."billableDeclarations" IS NULL`);
  if (filter.schoolId) conditions.push(Prisma.sql`s.id = ${filter.schoolId}::uuid`);
  if (filter.leadProviderId) conditions.push(Prisma.sql`lp.id = ${filter.leadProviderId}::uuid`);
  const search = filter.search?.trim();
  if (search) {
    const like = `%${escapeLike(search)}%`;
    conditions.push(Prisma.sql`(t."fullName" ILIKE ${like} OR t.email ILIKE ${like} OR t.trn = ${search} OR s.name ILIKE ${like} OR s.urn = ${search})`);
  }
  return Prisma.sql`
    FROM (
      SELECT p.id, p.type, p."teacherId", p."cohortId", p.notes, c."startYear"
      FROM participant_profiles p
      JOIN cohorts c ON c.id = p."cohortId" AND c."paymentsFrozenAt" <= CURRENT_DATE
      WHERE (CASE p.type WHEN 'ect' THEN p."inductionCompletionDate" ELSE p."mentorCompletionDate" END) IS NULL
    ) p
    JOIN teachers t ON t.id = p."teacherId"
    LEFT JOIN (
      SELECT x."participantProfileId", count(*)::int AS "billableDeclarations",
             bool_or(x."declarationType" = 'completed') AS "hasBillableCompleted"
      FROM declarations x
      JOIN participant_profiles xp ON xp.id = x."participantProfileId"
      JOIN cohorts xc ON xc.id = xp."cohortId" AND xc."paymentsFrozenAt" <= CURRENT_DATE
      WHERE x.state IN ('eligible', 'payable', 'paid')
      GROUP BY x."participantProfileId"
    ) d ON d."participantProfileId" = p.id
    LEFT JOIN (
      SELECT DISTINCT ON (ir."participantProfileId") ir."participantProfileId", ir."inductionProgrammeId"
      FROM induction_records ir
      JOIN participant_profiles irpp ON irpp.id = ir."participantProfileId"
      JOIN cohorts irc ON irc.id = irpp."cohortId" AND irc."paymentsFrozenAt" <= CURRENT_DATE
      JOIN induction_programmes irp ON irp.id = ir."inductionProgrammeId"
      JOIN school_cohorts irsc ON irsc.id = irp."schoolCohortId" AND irsc."cohortId" = irpp."cohortId"
      WHERE ir."inductionStatus" <> 'changed'
      ORDER BY ir."participantProfileId", (ir."endDate" IS NULL) DESC, ir."startDate" DESC, ir."endDate" DESC, ir."createdAt" DESC
    ) cur ON cur."participantProfileId" = p.id
    LEFT JOIN induction_programmes ip ON ip.id = cur."inductionProgrammeId"
    LEFT JOIN school_cohorts sc ON sc.id = ip."schoolCohortId"
    LEFT JOIN schools s ON s.id = sc."schoolId"
    LEFT JOIN partnerships pa ON pa.id = ip."partnershipId"
    LEFT JOIN lead_providers lp ON lp.id = pa."leadProviderId"
    LEFT JOIN school_cohorts tsc ON tsc."schoolId" = s.id AND tsc."cohortId" = ${targetCohortId}::uuid
    WHERE ${Prisma.join(conditions, ' AND ')}`;
}

async function destination(): Promise<{ cohortId: string | null; hasSchedule: boolean }> {
  const cohort = await db().cohort.findUnique({ where: { startYear: DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT } });
  if (!cohort) return { cohortId: null, hasSchedule: false };
  const schedules = await db().schedule.count({
    where: { cohortId: cohort.id, scheduleIdentifier: { in: [EXTENDED_SCHEDULE_IDENTIFIER, DEFAULT_SCHEDULE_IDENTIFIER] } },
  });
  return { cohortId: cohort.id, hasSchedule: schedules > 0 };
}

/** The checks of planMoveFromFrozenCohort that do not depend on force, in the same order and words. */
function blockersOf(row: Row, target: { cohortId: string | null; hasSchedule: boolean }): string[] {
  const year = DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT;
  if (!target.cohortId) return [messages.targetCohortNotSetUp(year)];
  if (!row.hasInductionRecord) return [messages.noInductionRecord(row.sourceCohortStartYear)];
  const blockers: string[] = [];
  if (row.hasNotes) blockers.push(messages.notesBlockChange);
  if (!row.hasTargetSchoolCohort) blockers.push(messages.schoolCohortNotSetUp(year, row.schoolName ?? ''));
  else if (!row.hasTargetProgramme) blockers.push(messages.defaultProgrammeNotSetUp(year, row.schoolName ?? ''));
  if (!target.hasSchedule) blockers.push(messages.scheduleMissing);
  return blockers;
}

export async function findFrozenCohortCandidates(
  { page = 1, perPage = 50, ...filter }: { page?: number; perPage?: number } & FrozenCohortCandidateFilter,
): Promise<{ rows: FrozenCohortCandidate[]; total: number; page: number; perPage: number }> {
  const size = Math.min(Math.max(Math.trunc(perPage), 1), 500);
  const current = Math.max(Math.trunc(page), 1);
  const target = await destination();
  const from = candidatesFrom(target.cohortId, filter);
  const rows = await db().$queryRaw<(Row & { total: number })[]>(Prisma.sql`
    SELECT count(*) OVER ()::int AS total, p.id AS "participantProfileId", t."fullName", t.trn, p.type::text AS "participantType",
           p."startYear" AS "sourceCohortStartYear", coalesce(btrim(p.notes), '') <> '' AS "hasNotes",
           coalesce(d."billableDeclarations", 0) AS "billableDeclarations", cur."inductionProgrammeId" IS NOT NULL AS "hasInductionRecord",
           s.id AS "schoolId", s.name AS "schoolName", s.urn AS "schoolUrn",
           lp.id AS "leadProviderId", lp.name AS "leadProviderName",
           tsc.id IS NOT NULL AS "hasTargetSchoolCohort", tsc."defaultInductionProgrammeId" IS NOT NULL AS "hasTargetProgramme"
    ${from}
    ORDER BY t."fullName", p.id
    LIMIT ${size} OFFSET ${(current - 1) * size}`);
  // Past the last page the window count is lost with the rows; count on its own then.
  const countAlone = async () => (await db().$queryRaw<{ total: number }[]>(Prisma.sql`SELECT count(*)::int AS total ${from}`))[0].total;
  const total = rows[0]?.total ?? (current === 1 ? 0 : await countAlone());
  return {
    rows: rows.map((row) => {
      const { total: _total, hasNotes, hasInductionRecord, hasTargetSchoolCohort, hasTargetProgramme, ...shown } = row;
      return { ...shown, status: row.billableDeclarations > 0 ? 'eligible' : 'force_required', blockers: blockersOf(row, target) };
    }),
    total,
    page: current,
    perPage: size,
  };
}

/** Every candidate's id, for a bulk run (ids only, so even a large frozen cohort is small in memory). */
export async function listFrozenCohortCandidateIds(filter: FrozenCohortCandidateFilter = {}): Promise<string[]> {
  const target = await destination();
  const rows = await db().$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT p.id ${candidatesFrom(target.cohortId, filter)} ORDER BY t."fullName", p.id`,
  );
  return rows.map((r) => r.id);
}
