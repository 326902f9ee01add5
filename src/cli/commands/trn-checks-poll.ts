// npm run cli -- trn-checks:poll [--json]: the `trn-checks` job now (send new manual TRN checks as tickets,
// collect answers), recorded in job_runs like a scheduled run.
import { ActionError } from '../../actions/errors.js';
import { runJob, SKIPPED } from '../../actions/jobs/run-job.js';
import { trnChecksJob } from '../../jobs/trn-checks-job.js';
import type { CliCommand } from '../command.js';

export const trnChecksPoll: CliCommand = {
  name: 'trn-checks:poll',
  summary: 'Send new manual TRN checks as tickets and collect the answers (the daily trn-checks job, now)',
  async run(_args, out) {
    const { run, skipped } = await runJob(trnChecksJob, {});
    if (run.state === 'failed') throw new ActionError('INVALID_STATE', `${trnChecksJob.label} failed (run ${run.id}): ${run.error}`);
    const output = (run.output ?? {}) as Record<string, unknown>;
    out.say(skipped ? SKIPPED : `${trnChecksJob.label}: ${trnChecksJob.summarise(output)}.`);
    return { runId: run.id, state: skipped ? 'skipped' : run.state, output };
  },
};
