// Every participant of a payment-frozen cohort, and everyone already moved out of one, each marked as
// the bulk move would treat them: eligible (moves without forcing), blocked (with every DfE reason that
// would refuse the move, in the move's own order and words) or already moved. Set-based SQL, one query a
// page, so a frozen cohort of thousands pages and counts cheaply.
import { LATEST_INDUCTION_RECORD_ORDER } from '../../../rules/latest-induction-record.js';
import { Prisma } from '@prisma/client';
import { db } from '../../../db/client.js';
import { frozenCohortMessages as messages } from './messages.js';
import { DEFAULT_SCHEDULE_IDENTIFIER, DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT, EXTENDED_SCHEDULE_IDENTIFIER } from './rules.js';

export const CANDIDATE_STATUSES = ['eligible', 'blocked', 'already_moved'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** Why "Participant not eligible to be transferred from their current cohort" applies, for people reading the list. */
export type NotEligibleBecause = 'completed_training' | 'paid_for_completion' | 'no_billable_declarations';

export interface FrozenCohortCandidateFilter {
  search?: string;
  leadProviderId?: string;
  schoolId?: string;
  status?: CandidateStatus;
  sourceStartYear?: number;
  participantProfileIds?: string[];
}

export interface FrozenCohortCandidate {
  participantProfileId: string;
  fullName: string;
  trn: string | null;
  participantType: 'ect' | 'mentor';
  sourceCohortStartYear: number;
  scheduleIdentifier: string;
  schoolId: string | null;
  schoolName: string | null;
  schoolUrn: string | null;
  leadProviderId: string | null;
  leadProviderName: string | null;
  /** The lead provider of the school's default programme in the destination cohort (who would be paid next). */
  targetLeadProviderName: string | null;
  billableDeclarations: number;
  status: CandidateStatus;
  /** The DfE's messages that refuse the move (empty unless blocked); for already moved, the move's own message. */
  reasons: string[];
  notEligibleBecause: NotEligibleBecause | null;
}

interface Row extends Omit<FrozenCohortCandidate, 'status' | 'reasons' | 'notEligibleBecause'> {
  moved: boolean;
  hasNotes: boolean;
  completedTraining: boolean;
  hasBillableCompleted: boolean;
  hasInductionRecord: boolean;
  hasTargetSchoolCohort: boolean;
  hasTargetProgramme: boolean;
}

export interface Destination {
  startYear: number;
  cohortId: string | null;
  /** The schedule a frozen-cohort move puts people on; null when the destination has neither. */
  scheduleIdentifier: string | null;
}

export async function frozenCohortDestination(): Promise<Destination> {
  const startYear = DESTINATION_START_YEAR_FROM_A_FROZEN_COHORT;
  const cohort = await db().cohort.findUnique({ where: { startYear } });
  if (!cohort) return { startYear, cohortId: null, scheduleIdentifier: null };
  const schedules = await db().schedule.findMany({
    where: { cohortId: cohort.id, scheduleIdentifier: { in: [EXTENDED_SCHEDULE_IDENTIFIER, DEFAULT_SCHEDULE_IDENTIFIER] } },
    select: { scheduleIdentifier: true },
  });
  const has = (identifier: string) => schedules.some((s) => s.scheduleIdentifier === identifier);
  return { startYear, cohortId: cohort.id, scheduleIdentifier: has(EXTENDED_SCHEDULE_IDENTIFIER) ? EXTENDED_SCHEDULE_IDENTIFIER : has(DEFAULT_SCHEDULE_IDENTIFIER) ? DEFAULT_SCHEDULE_IDENTIFIER : null };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One row per participant with the facts the move's checks read. The population: profiles in a frozen
 * cohort, plus profiles now in the destination cohort that have an induction record in a frozen one.
 * `cur` is the latest non-changed induction record in the profile's own cohort, as the move picks it.
 */
function candidateFacts(target: Destination): Prisma.Sql {
  const targetId = target.cohortId;
  return Prisma.sql`
    SELECT p.id AS "participantProfileId", t."fullName", t.trn, t.email, p.type::text AS "participantType",
           coalesce(fc."startYear", mv."startYear") AS "sourceCohortStartYear", sch."scheduleIdentifier",
           fc.id IS NULL AS moved,
           coalesce(btrim(p.notes), '') <> '' AS "hasNotes",
           (CASE p.type WHEN 'ect' THEN p."inductionCompletionDate" ELSE p."mentorCompletionDate" END) IS NOT NULL AS "completedTraining",
           coalesce(d."billableDeclarations", 0) AS "billableDeclarations",
           coalesce(d."hasBillableCompleted", false) AS "hasBillableCompleted",
           cur."inductionProgrammeId" IS NOT NULL AS "hasInductionRecord",
           s.id AS "schoolId", s.name AS "schoolName", s.urn AS "schoolUrn",
           lp.id AS "leadProviderId", lp.name AS "leadProviderName",
           tsc.id IS NOT NULL AS "hasTargetSchoolCohort", tsc."defaultInductionProgrammeId" IS NOT NULL AS "hasTargetProgramme",
           tlp.name AS "targetLeadProviderName"
    FROM (
      SELECT * FROM participant_profiles
      WHERE "cohortId" = ${targetId}::uuid OR "cohortId" IN (SELECT id FROM cohorts WHERE "paymentsFrozenAt" <= CURRENT_DATE)
    ) p
    JOIN teachers t ON t.id = p."teacherId"
    JOIN schedules sch ON sch.id = p."scheduleId"
    LEFT JOIN cohorts fc ON fc.id = p."cohortId" AND fc."paymentsFrozenAt" <= CURRENT_DATE
    LEFT JOIN (
      SELECT ir."participantProfileId", min(c."startYear") AS "startYear"
      FROM induction_records ir
      JOIN induction_programmes ip ON ip.id = ir."inductionProgrammeId"
      JOIN school_cohorts sc ON sc.id = ip."schoolCohortId"
      JOIN cohorts c ON c.id = sc."cohortId" AND c."paymentsFrozenAt" <= CURRENT_DATE
      GROUP BY ir."participantProfileId"
    ) mv ON mv."participantProfileId" = p.id AND p."cohortId" = ${targetId}::uuid
    LEFT JOIN (
      SELECT x."participantProfileId", count(*)::int AS "billableDeclarations",
             bool_or(x."declarationType" = 'completed') AS "hasBillableCompleted"
      FROM declarations x
      JOIN participant_profiles xp ON xp.id = x."participantProfileId"
      JOIN cohorts xc ON xc.id = xp."cohortId" AND xc."paymentsFrozenAt" <= CURRENT_DATE
      WHERE x.state IN ('eligible', 'payable', 'paid')
      GROUP BY x."participantProfileId"
    ) d ON d."participantProfileId" = p.id
    LEFT JOIN LATERAL (
      SELECT ir."inductionProgrammeId"
      FROM induction_records ir
      JOIN induction_programmes irp ON irp.id = ir."inductionProgrammeId"
      JOIN school_cohorts irsc ON irsc.id = irp."schoolCohortId" AND irsc."cohortId" = p."cohortId"
      WHERE ir."participantProfileId" = p.id AND ir."inductionStatus" <> 'changed'
      ORDER BY ${LATEST_INDUCTION_RECORD_ORDER}
      LIMIT 1
    ) cur ON true
    LEFT JOIN induction_programmes ip ON ip.id = cur."inductionProgrammeId"
    LEFT JOIN school_cohorts sc ON sc.id = ip."schoolCohortId"
    LEFT JOIN schools s ON s.id = sc."schoolId"
    LEFT JOIN partnerships pa ON pa.id = ip."partnershipId"
    LEFT JOIN lead_providers lp ON lp.id = pa."leadProviderId"
    LEFT JOIN school_cohorts tsc ON tsc."schoolId" = s.id AND tsc."cohortId" = ${targetId}::uuid
    LEFT JOIN induction_programmes tip ON tip.id = tsc."defaultInductionProgrammeId"
    LEFT JOIN partnerships tpa ON tpa.id = tip."partnershipId"
    LEFT JOIN lead_providers tlp ON tlp.id = tpa."leadProviderId"
    WHERE fc.id IS NOT NULL OR mv."startYear" IS NOT NULL`;
}

/**
 * The move's checks (without force) as SQL over candidateFacts, so pages can filter and count by status.
 * A school without the destination cohort does not block an eligible participant: the move sets it up.
 */
function statusSql(target: Destination): Prisma.Sql {
  const destinationReady = target.cohortId !== null && target.scheduleIdentifier !== null;
  return Prisma.sql`CASE
    WHEN f.moved THEN 'already_moved'
    WHEN ${destinationReady} AND f."hasInductionRecord" AND NOT f."hasNotes" AND NOT f."completedTraining"
         AND NOT f."hasBillableCompleted" AND f."billableDeclarations" > 0 THEN 'eligible'
    ELSE 'blocked' END`;
}

/** Rows of candidateFacts with their status, filtered (aliased `f`, with `f.status`). */
function candidatesQuery(target: Destination, filter: Omit<FrozenCohortCandidateFilter, 'status'>): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`true`];
  if (filter.schoolId) conditions.push(Prisma.sql`f."schoolId" = ${filter.schoolId}::uuid`);
  if (filter.leadProviderId) conditions.push(Prisma.sql`f."leadProviderId" = ${filter.leadProviderId}::uuid`);
  if (filter.sourceStartYear) conditions.push(Prisma.sql`f."sourceCohortStartYear" = ${filter.sourceStartYear}`);
  if (filter.participantProfileIds) conditions.push(Prisma.sql`f."participantProfileId" = ANY(${filter.participantProfileIds}::uuid[])`);
  const search = filter.search?.trim();
  if (search) {
    const like = `%${escapeLike(search)}%`;
    conditions.push(Prisma.sql`(f."fullName" ILIKE ${like} OR f.email ILIKE ${like} OR f.trn = ${search} OR f."schoolName" ILIKE ${like} OR f."schoolUrn" = ${search})`);
  }
  return Prisma.sql`SELECT f.*, ${statusSql(target)} AS status FROM (${candidateFacts(target)}) f WHERE ${Prisma.join(conditions, ' AND ')}`;
}

function notEligibleBecause(row: Row): NotEligibleBecause | null {
  if (row.completedTraining) return 'completed_training';
  if (row.hasBillableCompleted) return 'paid_for_completion';
  if (row.billableDeclarations === 0) return 'no_billable_declarations';
  return null;
}

/** The checks of planMoveFromFrozenCohort (not forced), in the same order and words. */
function reasonsOf(row: Row, target: Destination): string[] {
  const year = target.startYear;
  if (row.moved) return [messages.alreadyInCohort(row.fullName, year)];
  if (!target.cohortId) return [messages.targetCohortNotSetUp(year)];
  if (!row.hasInductionRecord) return [messages.noInductionRecord(row.sourceCohortStartYear)];
  const reasons: string[] = [];
  if (row.hasNotes) reasons.push(messages.notesBlockChange);
  if (!notEligibleBecause(row)) {
    if (!target.scheduleIdentifier) reasons.push(messages.scheduleMissing);
    return reasons;
  }
  reasons.push(messages.notEligible);
  // Only a move refused anyway reports the school's missing set-up (an eligible one would set it up).
  if (!row.hasTargetSchoolCohort) reasons.push(messages.schoolCohortNotSetUp(year, row.schoolName ?? ''));
  else if (!row.hasTargetProgramme) reasons.push(messages.defaultProgrammeNotSetUp(year, row.schoolName ?? ''));
  if (!target.scheduleIdentifier) reasons.push(messages.scheduleMissing);
  return reasons;
}

function toCandidate(row: Row & { status: CandidateStatus }, target: Destination): FrozenCohortCandidate {
  return {
    participantProfileId: row.participantProfileId,
    fullName: row.fullName,
    trn: row.trn,
    participantType: row.participantType,
    sourceCohortStartYear: row.sourceCohortStartYear,
    scheduleIdentifier: row.scheduleIdentifier,
    schoolId: row.schoolId,
    schoolName: row.schoolName,
    schoolUrn: row.schoolUrn,
    leadProviderId: row.leadProviderId,
    leadProviderName: row.leadProviderName,
    targetLeadProviderName: row.targetLeadProviderName,
    billableDeclarations: row.billableDeclarations,
    status: row.status,
    reasons: row.status === 'eligible' ? [] : reasonsOf(row, target),
    notEligibleBecause: row.moved ? null : notEligibleBecause(row),
  };
}

export interface FrozenCohortCandidatesPage {
  rows: FrozenCohortCandidate[];
  total: number;
  page: number;
  perPage: number;
  /** How many match the other filters, by status (for the status tabs). */
  counts: Record<CandidateStatus, number>;
  destination: Destination;
}

/** Those who can move first, then the blocked, then those already moved. */
const STATUS_ORDER = Prisma.sql`array_position(ARRAY['eligible', 'blocked', 'already_moved'], w.status)`;

export async function findFrozenCohortCandidates(
  { page = 1, perPage = 50, status, ...filter }: { page?: number; perPage?: number } & FrozenCohortCandidateFilter,
): Promise<FrozenCohortCandidatesPage> {
  const size = Math.min(Math.max(Math.trunc(perPage), 1), 500);
  const current = Math.max(Math.trunc(page), 1);
  const target = await frozenCohortDestination();
  const query = candidatesQuery(target, filter);
  const byStatus = (name: CandidateStatus) => Prisma.sql`count(*) FILTER (WHERE c.status = ${name}) OVER ()::int`;
  const rows = await db().$queryRaw<(Row & { status: CandidateStatus } & Record<CandidateStatus, number>)[]>(Prisma.sql`
    SELECT * FROM (
      SELECT c.*, ${byStatus('eligible')} AS eligible, ${byStatus('blocked')} AS blocked, ${byStatus('already_moved')} AS already_moved
      FROM (${query}) c
    ) w ${status ? Prisma.sql`WHERE w.status = ${status}` : Prisma.empty}
    ORDER BY ${STATUS_ORDER}, w."fullName", w."participantProfileId"
    LIMIT ${size} OFFSET ${(current - 1) * size}`);
  // The window counts come with the rows; past the last page (or for an empty status) count on their own.
  const counts = { eligible: 0, blocked: 0, already_moved: 0 };
  if (rows[0]) Object.assign(counts, { eligible: rows[0].eligible, blocked: rows[0].blocked, already_moved: rows[0].already_moved });
  else {
    const counted = await db().$queryRaw<{ status: CandidateStatus; n: number }[]>(Prisma.sql`SELECT c.status, count(*)::int AS n FROM (${query}) c GROUP BY c.status`);
    for (const { status: s, n } of counted) counts[s] = n;
  }
  const total = status ? counts[status] : counts.eligible + counts.blocked + counts.already_moved;
  return { rows: rows.map((row) => toCandidate(row, target)), total, page: current, perPage: size, counts, destination: target };
}

/** Every matching candidate's id, for a bulk run (ids only, so even a large frozen cohort is small in memory). */
export async function listFrozenCohortCandidateIds(filter: FrozenCohortCandidateFilter = {}): Promise<string[]> {
  const { status, ...rest } = filter;
  const target = await frozenCohortDestination();
  const rows = await db().$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT c."participantProfileId" AS id FROM (${candidatesQuery(target, rest)}) c
    ${status ? Prisma.sql`WHERE c.status = ${status}` : Prisma.empty}
    ORDER BY c."fullName", c."participantProfileId"`);
  return rows.map((r) => r.id);
}

/** The candidates with these ids, whatever their status, in name order (for a preview of a selection). */
export async function frozenCohortCandidatesByIds(participantProfileIds: string[]): Promise<{ rows: FrozenCohortCandidate[]; destination: Destination }> {
  const target = await frozenCohortDestination();
  if (participantProfileIds.length === 0) return { rows: [], destination: target };
  const rows = await db().$queryRaw<(Row & { status: CandidateStatus })[]>(Prisma.sql`
    SELECT c.* FROM (${candidatesQuery(target, { participantProfileIds })}) c ORDER BY c."fullName", c."participantProfileId"`);
  return { rows: rows.map((row) => toCandidate(row, target)), destination: target };
}
