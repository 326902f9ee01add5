// Compares the file's flags with the stored ones set-based: every row goes to PostgreSQL in one
// statement (as arrays) into a temporary table, so a 22,000-school file costs a few queries, not 22,000.
import { Prisma } from '@prisma/client';
import type { Tx } from '../../../db/client.js';
import type { PupilPremiumRow } from './read-pupil-premium-file.js';

/** Dropped when the transaction ends; write-pupil-premium.ts reads it. */
export const STAGED = Prisma.raw('pupil_premium_staged');
/** A staged row of a known school whose stored flags for the year are missing or different. */
export const NEEDS_WRITE = Prisma.raw(
  `"schoolId" IS NOT NULL AND ("existingId" IS NULL OR ("wasPupilPremium", "wasSparsity") IS DISTINCT FROM ("pupilPremium", "sparsity"))`,
);

export interface FlagCounts {
  /** Schools whose flag becomes 1 (it was 0 or not yet recorded for the year). */
  set: number;
  /** Schools whose flag goes from 1 to 0. */
  unset: number;
}

export interface PupilPremiumComparison {
  /** Known schools with no flags yet for the year. */
  created: number;
  updated: number;
  unchanged: number;
  flags: { pupilPremium: FlagCounts; sparsity: FlagCounts };
  /** URNs that are not our schools, in file order. */
  unknownUrns: string[];
}

/** `rows` has one entry per URN (readPupilPremiumFile sees to that). */
export async function stagePupilPremium(tx: Tx, startYear: number, rows: PupilPremiumRow[]): Promise<PupilPremiumComparison> {
  await tx.$executeRaw`
    CREATE TEMPORARY TABLE ${STAGED} (
      urn text NOT NULL,
      line integer NOT NULL,
      "pupilPremium" boolean NOT NULL,
      "sparsity" boolean NOT NULL,
      "schoolId" uuid,
      "existingId" uuid,
      "wasPupilPremium" boolean,
      "wasSparsity" boolean
    ) ON COMMIT DROP`;
  // Each column travels as one comma-separated string: the client converts a 22,000-element array
  // parameter several times slower, and URNs are digits, so a comma cannot be inside one.
  const column = (value: (row: PupilPremiumRow) => string | number) => rows.map(value).join(',');
  await tx.$executeRaw`
    INSERT INTO ${STAGED}
    SELECT f.urn, f.line, f."pupilPremium", f."sparsity", s.id, p.id, p."pupilPremiumIncentive", p."sparsityIncentive"
    FROM unnest(
      string_to_array(${column((row) => row.urn)}, ','),
      string_to_array(${column((row) => row.line)}, ',')::integer[],
      string_to_array(${column((row) => (row.pupilPremium ? 1 : 0))}, ',')::boolean[],
      string_to_array(${column((row) => (row.sparsity ? 1 : 0))}, ',')::boolean[]
    ) AS f(urn, line, "pupilPremium", "sparsity")
    LEFT JOIN schools s ON s.urn = f.urn
    LEFT JOIN pupil_premiums p ON p."schoolId" = s.id AND p."startYear" = ${startYear}`;

  const [counts] = await tx.$queryRaw<Record<string, number>[]>`
    SELECT
      count(*) FILTER (WHERE "schoolId" IS NOT NULL AND "existingId" IS NULL)::int AS created,
      count(*) FILTER (WHERE "existingId" IS NOT NULL AND ${NEEDS_WRITE})::int AS updated,
      count(*) FILTER (WHERE "existingId" IS NOT NULL AND NOT (${NEEDS_WRITE}))::int AS unchanged,
      count(*) FILTER (WHERE "schoolId" IS NOT NULL AND "pupilPremium" AND "wasPupilPremium" IS NOT TRUE)::int AS "pupilPremiumSet",
      count(*) FILTER (WHERE NOT "pupilPremium" AND "wasPupilPremium")::int AS "pupilPremiumUnset",
      count(*) FILTER (WHERE "schoolId" IS NOT NULL AND "sparsity" AND "wasSparsity" IS NOT TRUE)::int AS "sparsitySet",
      count(*) FILTER (WHERE NOT "sparsity" AND "wasSparsity")::int AS "sparsityUnset"
    FROM ${STAGED}`;
  const [unknown] = await tx.$queryRaw<{ urns: string[] | null }[]>`
    SELECT array_agg(urn ORDER BY line) AS urns FROM ${STAGED} WHERE "schoolId" IS NULL`;

  return {
    created: counts.created,
    updated: counts.updated,
    unchanged: counts.unchanged,
    flags: {
      pupilPremium: { set: counts.pupilPremiumSet, unset: counts.pupilPremiumUnset },
      sparsity: { set: counts.sparsitySet, unset: counts.sparsityUnset },
    },
    unknownUrns: unknown.urns ?? [],
  };
}
