// npm run cli -- jobs:run NAME [--statement ID] [--json]: a job run now in this process, under the
// same lock and recorded in job_runs like a scheduled run.
import { ActionError } from '../../actions/errors.js';
import { runJob, SKIPPED } from '../../actions/jobs/run-job.js';
import { findJob, JOB_NAMES } from '../../jobs/registry.js';
import { CliUsageError, type CliCommand } from '../command.js';

export const jobsRun: CliCommand = {
  name: 'jobs:run',
  summary: `Run a job now, recorded like a scheduled run (${JOB_NAMES.join(', ')})`,
  usage: `NAME [--statement ID]   (NAME: ${JOB_NAMES.join(' | ')}; --statement only for declaration-exports)`,
  async run(args, out) {
    const name = args.positional[0];
    if (!name) throw new CliUsageError('Give the name of the job to run');
    const job = findJob(name);
    if (!job) throw new CliUsageError(`There is no job "${name}"`);
    const statementId = args.options.statement;
    if (statementId === 'true') throw new CliUsageError('--statement needs a statement id');
    const { run, skipped } = await runJob(job, statementId ? { statementId } : {});
    if (run.state === 'failed') throw new ActionError('INVALID_STATE', `${job.label} failed (run ${run.id}): ${run.error}`);
    const output = (run.output ?? {}) as Record<string, unknown>;
    out.say(skipped ? SKIPPED : `${job.label} succeeded (run ${run.id}): ${job.summarise(output)}.`);
    return { runId: run.id, job: job.name, state: skipped ? 'skipped' : run.state, output };
  },
};
