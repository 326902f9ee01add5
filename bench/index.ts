// npm run bench: every benchmark, one line each — name, our figure, the baseline measured in the same run,
// the ratio, and pass or fail against the target. Exits 1 when any misses its target.
import { run as cohortSetupImport } from './cohort-setup-import.js';
import { run as pupilPremiumImport } from './pupil-premium-import.js';

const benchmarks = [cohortSetupImport, pupilPremiumImport];

let failed = 0;
for (const benchmark of benchmarks) {
  const r = await benchmark();
  if (!r.pass) failed++;
  const baseline = r.baseline_ms === null ? 'no baseline' : `baseline ${r.baseline_ms} ms`;
  const ratio = r.ratio === null ? '' : `, ratio ${r.ratio.toFixed(2)}`;
  console.log(`${r.pass ? 'PASS' : 'FAIL'}  ${r.name}: ${r.ours_ms} ms, ${baseline}${ratio} (target ${r.target})`);
}
process.exitCode = failed ? 1 : 0;
