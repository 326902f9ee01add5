// Compares the file's flags with the stored ones set-based: the rows go to PostgreSQL with COPY into a
// temporary table, joined once to our schools and their flags for the year, so a 22,000-school file costs a
// few statements, not 22,000.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PupilPremiumRow } from './read-pupil-premium-file.js';

/** Dropped when the transaction ends; write-pupil-premium.ts reads it. */
export const STAGED = 'pupil_premium_staged';
/** A staged row of a known school whose stored flags for the year are missing or different. */
export const NEEDS_WRITE = `"schoolId" IS NOT NULL AND ("existingId" IS NULL OR ("wasPupilPremium", "wasSparsity") IS DISTINCT FROM ("pupilPremium", "sparsity"))`;

export interface FlagCounts {
  /** Schools whose flag becomes 1 (it was 0 or not yet recorded for the year). */
  set: number;
  /** Schools whose flag goes from 1 to 0. */
  unset: number;
  /** Schools whose flag stays as it was: 1 stays 1, 0 stays 0, or a new record's flag is 0. */
  unchanged: number;
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
export async function stagePupilPremium(client: pg.Client, startYear: number, rows: PupilPremiumRow[]): Promise<PupilPremiumComparison> {
  await client.query(`
    CREATE TEMPORARY TABLE pupil_premium_file (
      position integer NOT NULL, urn text NOT NULL, line integer NOT NULL, "pupilPremium" boolean NOT NULL, sparsity boolean NOT NULL
    ) ON COMMIT DROP`);
  // COPY's text format: URNs are digits, so no value needs escaping.
  const text = rows.map((row, position) => `${position}\t${row.urn}\t${row.line}\t${flag(row.pupilPremium)}\t${flag(row.sparsity)}\n`).join('');
  await pipeline(Readable.from([text]), client.query(copyFrom('COPY pupil_premium_file FROM STDIN')));

  await client.query(`
    CREATE TEMPORARY TABLE ${STAGED} (
      position integer NOT NULL, urn text NOT NULL, line integer NOT NULL, "pupilPremium" boolean NOT NULL, sparsity boolean NOT NULL,
      "schoolId" uuid, "existingId" uuid, "wasPupilPremium" boolean, "wasSparsity" boolean
    ) ON COMMIT DROP`);
  await client.query(`
    INSERT INTO ${STAGED}
    SELECT f.*, s.id, p.id, p."pupilPremiumIncentive", p."sparsityIncentive"
    FROM pupil_premium_file f
    LEFT JOIN schools s ON s.urn = f.urn
    LEFT JOIN pupil_premiums p ON p."schoolId" = s.id AND p."startYear" = $1`, [startYear]);

  const known = `"schoolId" IS NOT NULL`;
  const { rows: [counts] } = await client.query<Record<string, number> & { unknownUrns: string[] | null }>(`
    SELECT
      count(*) FILTER (WHERE ${known} AND "existingId" IS NULL)::int AS created,
      count(*) FILTER (WHERE "existingId" IS NOT NULL AND ${NEEDS_WRITE})::int AS updated,
      count(*) FILTER (WHERE "existingId" IS NOT NULL AND NOT (${NEEDS_WRITE}))::int AS unchanged,
      ${flagCounts('pupilPremium', 'wasPupilPremium', known)},
      ${flagCounts('sparsity', 'wasSparsity', known)},
      array_agg(urn ORDER BY position) FILTER (WHERE "schoolId" IS NULL) AS "unknownUrns"
    FROM ${STAGED}`);

  return {
    created: counts.created,
    updated: counts.updated,
    unchanged: counts.unchanged,
    flags: {
      pupilPremium: { set: counts.pupilPremiumSet, unset: counts.pupilPremiumUnset, unchanged: counts.pupilPremiumUnchanged },
      sparsity: { set: counts.sparsitySet, unset: counts.sparsityUnset, unchanged: counts.sparsityUnchanged },
    },
    unknownUrns: counts.unknownUrns ?? [],
  };
}

const flag = (value: boolean) => (value ? 't' : 'f');

/** A school without flags for the year counts as 0 before: its flag is set if the file says 1, unchanged if 0. */
function flagCounts(now: string, was: string, known: string): string {
  return `
      count(*) FILTER (WHERE ${known} AND "${now}" AND "${was}" IS NOT TRUE)::int AS "${now}Set",
      count(*) FILTER (WHERE ${known} AND NOT "${now}" AND "${was}")::int AS "${now}Unset",
      count(*) FILTER (WHERE ${known} AND "${now}" IS NOT DISTINCT FROM coalesce("${was}", false))::int AS "${now}Unchanged"`;
}
