// The yearly cohort set-up with the real ECF calendar (6 cohorts, 30 lead provider links and contracts,
// 6 mentor contracts, 60 schedules with 404 milestones, 978 statements) applied to a fresh database on its
// own embedded server. The figure is the median of five applies, the tables emptied between them.
//   npx tsx bench/cohort-setup-import.ts        (BENCH_PG_PORT, default 54350, data in .data/bench-pg)
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { systemContext } from '../src/actions/actor.js';
import { importCohortSetup } from '../src/actions/cohorts/import-cohort-setup.js';
import { disconnectDb } from '../src/db/client.js';
import { createDatabaseIfMissing } from '../src/db/database.js';
import { embeddedUrl, ensureEmbeddedServer } from '../src/db/embedded.js';
import { applyMigrations } from '../src/db/migrate.js';
import { calendarFiles, createDfeLeadProviders, emptySetupTables } from '../test/actions/cohorts/cohort-setup-files.js';

const NAME = 'cohort-setup-import (real calendar, apply)';
const TARGET_MS = 1000;
const ROUNDS = 5;

export interface BenchResult {
  name: string;
  ours_ms: number;
  baseline_ms: number | null;
  ratio: number | null;
  target: string;
  pass: boolean;
}

export async function run(): Promise<BenchResult> {
  const port = Number(process.env.BENCH_PG_PORT ?? 54350);
  const server = await ensureEmbeddedServer({ dataDir: '.data/bench-pg', port });
  const database = `ecf_bench_${randomBytes(4).toString('hex')}`;
  const previousUrl = process.env.DATABASE_URL;
  await createDatabaseIfMissing(embeddedUrl('postgres', port), database);
  process.env.DATABASE_URL = embeddedUrl(database, port);
  try {
    await applyMigrations(process.env.DATABASE_URL);
    const files = calendarFiles();
    const timings: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await emptySetupTables();
      await createDfeLeadProviders();
      const started = performance.now();
      const result = await importCohortSetup(systemContext('bench'), { files, mode: 'apply' });
      timings.push(performance.now() - started);
      if (!result.applied || result.counts.statements.created !== 978) throw new Error('The calendar did not import as expected');
    }
    const ours = Math.round(timings.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]);
    return { name: NAME, ours_ms: ours, baseline_ms: null, ratio: null, target: `< ${TARGET_MS} ms`, pass: ours < TARGET_MS };
  } finally {
    await disconnectDb();
    await dropDatabase(embeddedUrl('postgres', port), database);
    await server.stop();
    process.env.DATABASE_URL = previousUrl;
  }
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await run();
  console.log(`${result.name}: ${result.ours_ms} ms (target ${result.target}) ${result.pass ? 'pass' : 'FAIL'}`);
  if (!result.pass) process.exitCode = 1;
}
