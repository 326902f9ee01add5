// The real 2024 pupil premium file against every school it names (but the three published with two
// different rows): preview, first apply, re-import, an apply that changes a third of the schools, and a
// baseline in the same run: plain csv-parse, the rows into a temporary table in one statement (as the
// import sends them; COPY would need another package), then one INSERT ... ON CONFLICT.
//   npx tsx bench/pupil-premium-import.ts        (BENCH_PG_PORT, default 54403, for its own embedded server)
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import { importPupilPremium } from '../src/actions/schools/import-pupil-premium.js';
import { systemContext } from '../src/actions/actor.js';
import { db, disconnectDb } from '../src/db/client.js';
import { createDatabaseIfMissing } from '../src/db/database.js';
import { embeddedUrl, ensureEmbeddedServer } from '../src/db/embedded.js';
import { applyMigrations } from '../src/db/migrate.js';

const FILE = 'pupil_premium_and_sparsity_2024.csv';
const CONFLICTING = new Set(['103895', '118159', '146558']);
const content = readFileSync(new URL(`../seeds/data/${FILE}`, import.meta.url));
const ctx = systemContext('bench');

async function timed<T>(label: string, run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  const ms = performance.now() - started;
  console.log(`${label.padEnd(42)} ${ms.toFixed(0).padStart(6)} ms`);
  return { ms, value };
}

const counts = ({ rows, created, updated, unchanged, unknownUrns, warnings, errors }: Awaited<ReturnType<typeof importPupilPremium>>) =>
  JSON.stringify({ rows, created, updated, unchanged, unknown: unknownUrns.length, warnings: warnings.length, errors: errors.length });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function baseline(startYear: number): Promise<void> {
  const records = parse(content, { columns: true, bom: true }) as Record<string, string>[];
  const last = new Map(records.map((r) => [r.URN, r]));
  const rows = [...last.values()];
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`CREATE TEMPORARY TABLE baseline (urn text, pp boolean, sp boolean) ON COMMIT DROP`;
    const column = (name: string) => rows.map((r) => (r[name] === '1' ? 1 : name === 'URN' ? r.URN : 0)).join(',');
    await tx.$executeRaw`INSERT INTO baseline SELECT * FROM unnest(string_to_array(${column('URN')}, ','),
      string_to_array(${column('Pupil Premium Incentive')}, ',')::boolean[], string_to_array(${column('Sparsity Incentive')}, ',')::boolean[])`;
    await tx.$executeRaw`
      INSERT INTO pupil_premiums (id, "schoolId", "startYear", "pupilPremiumIncentive", "sparsityIncentive", "updatedAt")
      SELECT gen_random_uuid(), s.id, ${startYear}, b.pp, b.sp, now() FROM baseline b JOIN schools s ON s.urn = b.urn
      ON CONFLICT ("schoolId", "startYear") DO UPDATE SET "pupilPremiumIncentive" = EXCLUDED."pupilPremiumIncentive",
        "sparsityIncentive" = EXCLUDED."sparsityIncentive", "updatedAt" = now()
      WHERE (pupil_premiums."pupilPremiumIncentive", pupil_premiums."sparsityIncentive") IS DISTINCT FROM (EXCLUDED."pupilPremiumIncentive", EXCLUDED."sparsityIncentive")`;
  }, { timeout: 120_000 });
}

async function main(): Promise<void> {
  const port = Number(process.env.BENCH_PG_PORT ?? 54403);
  const server = await ensureEmbeddedServer({ dataDir: `.data/bench-pg-${port}`, port });
  const name = `ecf_bench_${randomBytes(4).toString('hex')}`;
  await createDatabaseIfMissing(embeddedUrl('postgres', port), name);
  process.env.DATABASE_URL = embeddedUrl(name, port);
  try {
    await applyMigrations(process.env.DATABASE_URL);
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
    const urns = [...new Set(content.toString('utf8').split(/\r?\n/).slice(1).map((line) => line.split(',')[0]).filter(Boolean))]
      .filter((urn) => !CONFLICTING.has(urn));
    await db().school.createMany({ data: urns.map((urn) => ({ urn, name: `School ${urn}` })) });
    console.log(`${content.toString('utf8').trimEnd().split('\n').length - 1} rows, ${urns.length} schools`);
    console.log(`machine: ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)}\n`);

    const run = (mode: 'preview' | 'apply') => importPupilPremium(ctx, { startYear: 2024, fileName: FILE, content, mode });
    const preview = await timed('preview (nothing stored yet)', () => run('preview'));
    console.log(`  ${counts(preview.value)}`);
    // The first apply and the baseline alternate, three times each, and are compared by their medians.
    const applies: number[] = [];
    const baselines: number[] = [];
    for (let round = 1; round <= 3; round++) {
      await db().$executeRaw`DELETE FROM pupil_premiums`;
      const first = await timed(`apply (every school created) #${round}`, () => run('apply'));
      if (round === 1) console.log(`  ${counts(first.value)}`);
      applies.push(first.ms);
      baselines.push((await timed(`baseline (every school created) #${round}`, () => baseline(2023))).ms);
    }
    const again = await timed('apply again (every school unchanged)', () => run('apply'));
    console.log(`  ${counts(again.value)}`);
    await db().$executeRaw`UPDATE pupil_premiums SET "pupilPremiumIncentive" = NOT "pupilPremiumIncentive" WHERE "startYear" = 2024 AND random() < 0.33`;
    const changed = await timed('apply (a third of the schools updated)', () => run('apply'));
    console.log(`  ${counts(changed.value)}`);

    const apply = median(applies);
    const ratio = apply / median(baselines);
    const met = apply < 2000 && ratio <= 1.5;
    console.log(`\nfirst apply median ${apply.toFixed(0)} ms (target < 2000), ${ratio.toFixed(2)}x the baseline's median (target <= 1.5x): ${met ? 'met' : 'NOT met'}`);
    if (!met) process.exitCode = 1;
  } finally {
    await disconnectDb();
    const admin = embeddedUrl('postgres', port);
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
    await server.stop();
  }
}

await main();
