// The real 2024 pupil premium file (22,452 rows, 22,436 URNs, every one a school here) applied to a fresh
// database on its own embedded server, against a baseline measured in the same run: COPY of the file into a
// temporary table plus one INSERT ... ON CONFLICT (the last row of a repeated URN winning, as ours does).
// Both start from the file's bytes, open their own connection and commit; each round empties the flags
// first, so every apply creates every school's row. Ours and the baseline alternate; medians are compared.
//   npx tsx bench/pupil-premium-import.ts        (BENCH_PG_PORT, default 54403, data in .data/bench-pg-<port>)
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { systemContext } from '../src/actions/actor.js';
import { importPupilPremium } from '../src/actions/schools/import-pupil-premium.js';
import { db } from '../src/db/client.js';
import { median, runWhenMain, timed, withBenchDatabase, type BenchResult } from './support.js';

const NAME = 'pupil-premium-import (real 2024 file, apply)';
const TARGET_MS = 2000;
const TARGET_RATIO = 1.5;
const ROUNDS = 7;
const FILE = 'pupil_premium_and_sparsity_2024.csv';
const URNS = 22436;

export async function run(): Promise<BenchResult> {
  const port = Number(process.env.BENCH_PG_PORT ?? 54403);
  return withBenchDatabase({ port }, async () => {
    const content = readFileSync(new URL(`../seeds/data/${FILE}`, import.meta.url));
    await createCohortsAndSchools(content);

    const ours: number[] = [];
    const baselines: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await db().$executeRaw`DELETE FROM pupil_premiums`;
      ours.push(await timed(async () => {
        const result = await importPupilPremium(systemContext('bench'), { startYear: 2024, fileName: FILE, content, mode: 'apply' });
        if (!result.applied || result.created !== URNS) throw new Error(`The import created ${result.created} rows, not ${URNS}`);
      }));
      baselines.push(await timed(async () => {
        const written = await baseline(content, 2023);
        if (written !== URNS) throw new Error(`The baseline wrote ${written} rows, not ${URNS}`);
      }));
    }
    const oursMs = Math.round(median(ours));
    const baselineMs = Math.round(median(baselines));
    const ratio = Math.round((oursMs / baselineMs) * 100) / 100;
    return {
      name: NAME,
      ours_ms: oursMs,
      baseline_ms: baselineMs,
      ratio,
      target: `< ${TARGET_MS} ms and <= ${TARGET_RATIO}x the baseline`,
      pass: oursMs < TARGET_MS && ratio <= TARGET_RATIO,
    };
  });
}

/** The simplest correct import: the file as it is into a temporary table, then one upsert. Returns rows written. */
async function baseline(content: Buffer, startYear: number): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('CREATE TEMPORARY TABLE baseline (line serial, urn text, pp text, sp text) ON COMMIT DROP');
    await pipeline(Readable.from([content]), client.query(copyFrom('COPY baseline (urn, pp, sp) FROM STDIN (FORMAT csv, HEADER true)')));
    const { rowCount } = await client.query(`
      INSERT INTO pupil_premiums (id, "schoolId", "startYear", "pupilPremiumIncentive", "sparsityIncentive", "updatedAt")
      SELECT DISTINCT ON (b.urn) gen_random_uuid(), s.id, $1, b.pp = '1', b.sp = '1', now()
      FROM baseline b JOIN schools s ON s.urn = b.urn
      ORDER BY b.urn, b.line DESC
      ON CONFLICT ("schoolId", "startYear") DO UPDATE
      SET "pupilPremiumIncentive" = EXCLUDED."pupilPremiumIncentive", "sparsityIncentive" = EXCLUDED."sparsityIncentive", "updatedAt" = now()`,
    [startYear]);
    await client.query('COMMIT');
    return rowCount ?? 0;
  } finally {
    await client.end();
  }
}

async function createCohortsAndSchools(content: Buffer): Promise<void> {
  for (const startYear of [2023, 2024]) {
    await db().cohort.create({
      data: {
        startYear,
        registrationStartDate: new Date(`${startYear}-05-10`),
        academicYearStartDate: new Date(`${startYear}-09-01`),
        automaticAssignmentPeriodEndDate: new Date(`${startYear + 1}-03-31`),
      },
    });
  }
  const urns = new Set(content.toString('utf8').split(/\r?\n/).slice(1).map((line) => line.split(',')[0]).filter(Boolean));
  await db().school.createMany({ data: [...urns].map((urn) => ({ urn, name: `School ${urn}` })) });
}

await runWhenMain(import.meta, run);
