// The yearly cohort set-up with the real ECF calendar (6 cohorts, 30 lead provider links and contracts,
// 6 mentor contracts, 60 schedules with 404 milestones, 978 statements) applied to a fresh database on its
// own embedded server. The figure is the median of five applies, the tables emptied between them.
//   npx tsx bench/cohort-setup-import.ts        (BENCH_PG_PORT, default 54350, data in .data/bench-pg-<port>)
import { performance } from 'node:perf_hooks';
import { systemContext } from '../src/actions/actor.js';
import { importCohortSetup } from '../src/actions/cohorts/import-cohort-setup.js';
import { calendarFiles, createDfeLeadProviders, emptySetupTables } from '../test/actions/cohorts/cohort-setup-files.js';
import { median, runWhenMain, withBenchDatabase, type BenchResult } from './support.js';

const NAME = 'cohort-setup-import (real calendar, apply)';
const TARGET_MS = 1000;
const ROUNDS = 5;

export async function run(): Promise<BenchResult> {
  const port = Number(process.env.BENCH_PG_PORT ?? 54350);
  return withBenchDatabase({ port }, async () => {
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
    const ours = Math.round(median(timings));
    return { name: NAME, ours_ms: ours, baseline_ms: null, ratio: null, target: `< ${TARGET_MS} ms`, pass: ours < TARGET_MS };
  });
}

await runWhenMain(import.meta, run);
