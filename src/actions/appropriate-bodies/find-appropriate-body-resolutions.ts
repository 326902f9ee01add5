// For each ECT: the appropriate body (and training programme type) the school reported, the one the body itself
// confirmed, and the resolved one. One SQL query, paged, so support can list mismatches across the whole country.
import { LATEST_INDUCTION_RECORD_ORDER } from '../../rules/latest-induction-record.js';
import { Prisma, type TrainingProgramme } from '@prisma/client';
import { db } from '../../db/client.js';
import { TRAINING_PROGRAMMES } from '../schools/training-programmes.js';
import {
  resolveReportedBodies, resolveReportedProgrammes, type AppropriateBodyResolution, type SchoolReportOrigin, type TrainingProgrammeResolution,
} from './reported-bodies.js';

export interface AppropriateBodyResolutionRow extends AppropriateBodyResolution {
  /** The training programme type, resolved the same way as the body. */
  trainingProgramme: TrainingProgrammeResolution;
  participantProfileId: string;
  fullName: string;
  trn: string | null;
  schoolId: string;
  schoolName: string;
  urn: string;
  cohortStartYear: number;
}

export interface ResolutionFilter {
  participantProfileId?: string;
  schoolId?: string;
  /** ECTs either side reports under this body. */
  appropriateBodyId?: string;
  mismatchesOnly?: boolean;
  limit?: number;
  offset?: number;
}

interface Row {
  participantProfileId: string;
  fullName: string;
  trn: string | null;
  schoolId: string;
  schoolName: string;
  urn: string;
  cohortStartYear: number;
  schoolBodyId: string | null;
  schoolBodyName: string | null;
  schoolOrigin: SchoolReportOrigin | null;
  bodyId: string | null;
  bodyName: string | null;
  schoolProgramme: TrainingProgramme | null;
  schoolProgrammeOrigin: SchoolReportOrigin | null;
  bodyProgramme: TrainingProgramme | null;
}

const MAX_PAGE = 1000;

export async function findAppropriateBodyResolutions(filter: ResolutionFilter = {}): Promise<AppropriateBodyResolutionRow[]> {
  const conditions: Prisma.Sql[] = [Prisma.sql`pp.type = 'ect'`];
  if (filter.participantProfileId) conditions.push(Prisma.sql`pp.id = ${filter.participantProfileId}::uuid`);
  if (filter.schoolId) conditions.push(Prisma.sql`s.id = ${filter.schoolId}::uuid`);
  if (filter.appropriateBodyId) {
    conditions.push(Prisma.sql`(school_ab.id = ${filter.appropriateBodyId}::uuid OR body_ab.id = ${filter.appropriateBodyId}::uuid)`);
  }
  if (filter.mismatchesOnly) conditions.push(Prisma.sql`school_ab.id <> body_ab.id`);
  const limit = Math.min(Math.max(filter.limit ?? 100, 1), MAX_PAGE);

  const rows = await db().$queryRaw<Row[]>(Prisma.sql`
    SELECT pp.id AS "participantProfileId", t."fullName", t.trn, s.id AS "schoolId", s.name AS "schoolName", s.urn,
           c."startYear" AS "cohortStartYear",
           school_ab.id AS "schoolBodyId", school_ab.name AS "schoolBodyName",
           CASE WHEN school_claim."appropriateBodyId" IS NOT NULL THEN 'claim'
                WHEN latest_record."appropriateBodyId" IS NOT NULL THEN 'induction_record'
                WHEN sc."appropriateBodyId" IS NOT NULL THEN 'school_cohort' END AS "schoolOrigin",
           body_ab.id AS "bodyId", body_ab.name AS "bodyName",
           COALESCE(school_claim."trainingProgramme", latest_record."trainingProgramme", school_choice.programme) AS "schoolProgramme",
           CASE WHEN school_claim."trainingProgramme" IS NOT NULL THEN 'claim'
                WHEN latest_record."trainingProgramme" IS NOT NULL THEN 'induction_record'
                WHEN school_choice.programme IS NOT NULL THEN 'school_cohort' END AS "schoolProgrammeOrigin",
           body_claim."trainingProgramme" AS "bodyProgramme"
    FROM participant_profiles pp
    JOIN teachers t ON t.id = pp."teacherId"
    JOIN school_cohorts sc ON sc.id = pp."schoolCohortId"
    JOIN schools s ON s.id = sc."schoolId"
    JOIN cohorts c ON c.id = pp."cohortId"
    LEFT JOIN LATERAL (
      SELECT "appropriateBodyId", "trainingProgramme" FROM appropriate_body_claims
      WHERE "participantProfileId" = pp.id AND source = 'school' AND "withdrawnAt" IS NULL
      ORDER BY "claimedAt" DESC LIMIT 1) school_claim ON true
    LEFT JOIN LATERAL (
      SELECT "appropriateBodyId", "trainingProgramme" FROM appropriate_body_claims
      WHERE "participantProfileId" = pp.id AND source = 'appropriate_body' AND "withdrawnAt" IS NULL
      ORDER BY "claimedAt" DESC LIMIT 1) body_claim ON true
    LEFT JOIN LATERAL (
      SELECT ir."appropriateBodyId", ip."trainingProgramme" FROM induction_records ir
      JOIN induction_programmes ip ON ip.id = ir."inductionProgrammeId"
      WHERE ir."participantProfileId" = pp.id
      ORDER BY ${LATEST_INDUCTION_RECORD_ORDER} LIMIT 1) latest_record ON true
    -- The school cohort's choice counts as a programme report only when it is a programme type.
    LEFT JOIN LATERAL (
      SELECT CASE WHEN sc."inductionProgrammeChoice"::text IN (${Prisma.join([...TRAINING_PROGRAMMES])})
                  THEN sc."inductionProgrammeChoice"::text::"TrainingProgramme" END AS programme) school_choice ON true
    LEFT JOIN appropriate_bodies school_ab
      ON school_ab.id = COALESCE(school_claim."appropriateBodyId", latest_record."appropriateBodyId", sc."appropriateBodyId")
    LEFT JOIN appropriate_bodies body_ab ON body_ab.id = body_claim."appropriateBodyId"
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY t."fullName", pp.id
    LIMIT ${limit} OFFSET ${Math.max(filter.offset ?? 0, 0)}`);

  return rows.map((r) => ({
    participantProfileId: r.participantProfileId,
    fullName: r.fullName,
    trn: r.trn,
    schoolId: r.schoolId,
    schoolName: r.schoolName,
    urn: r.urn,
    cohortStartYear: r.cohortStartYear,
    ...resolveReportedBodies(
      r.schoolBodyId && r.schoolBodyName && r.schoolOrigin ? { id: r.schoolBodyId, name: r.schoolBodyName, origin: r.schoolOrigin } : null,
      r.bodyId && r.bodyName ? { id: r.bodyId, name: r.bodyName } : null,
    ),
    trainingProgramme: resolveReportedProgrammes(
      r.schoolProgramme && r.schoolProgrammeOrigin ? { programme: r.schoolProgramme, origin: r.schoolProgrammeOrigin } : null,
      r.bodyProgramme,
    ),
  }));
}

/** One ECT's resolution, or null when the profile is not an ECT's. */
export async function resolveAppropriateBody(participantProfileId: string): Promise<AppropriateBodyResolutionRow | null> {
  const [row] = await findAppropriateBodyResolutions({ participantProfileId, limit: 1 });
  return row ?? null;
}

/** For support: ECTs whose school and appropriate body name different bodies. */
export const findAppropriateBodyMismatches = (filter: Omit<ResolutionFilter, 'mismatchesOnly'> = {}) =>
  findAppropriateBodyResolutions({ ...filter, mismatchesOnly: true });
