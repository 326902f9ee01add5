// "Run now" on the Jobs page: a job, or one statement's declarations export, started at once in a
// thread of its own. Who asked is in the audit log; the run itself is in job_runs like any other
// (skipped if the same job is already running).
import { z } from 'zod';
import { db } from '../../db/client.js';
import { startJobThread } from '../../jobs/job-thread-file.js';
import type { JobThreadReport } from '../../jobs/job-thread.js';
import { findJob } from '../../jobs/registry.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError, notFound } from '../errors.js';
import { Id } from '../zod.js';

export const STATEMENT_EXPORT_JOB = 'declaration-exports';

export const RequestJobRunInput = z.object({
  job: z.string().refine((name) => !!findJob(name), 'Choose a job to run'),
  statementId: Id.optional(),
});

export interface RequestedJobRun {
  job: string;
  args: { statementId?: string };
  /** Settles when the thread ends; the page does not wait for it, tests and the CLI may. */
  finished: Promise<JobThreadReport>;
}

export async function requestJobRun(ctx: ActorContext, raw: unknown): Promise<RequestedJobRun> {
  const input = RequestJobRunInput.parse(raw);
  requirePermission(ctx, 'jobs.run');
  if (input.statementId && input.job !== STATEMENT_EXPORT_JOB) {
    throw new ActionError('INVALID_INPUT', 'Only the declaration exports can be run for one statement.', [
      { field: 'statementId', message: 'Only the declaration exports can be run for one statement' },
    ]);
  }
  const args = input.statementId ? { statementId: input.statementId } : {};
  await db().$transaction(async (tx) => {
    if (input.statementId && !(await tx.statement.findUnique({ where: { id: input.statementId }, select: { id: true } }))) throw notFound('Statement');
    await recordAudit(tx, ctx, { action: 'job.run_requested', subjectType: 'Job', subjectId: input.job, after: args });
  });
  return { job: input.job, args, finished: startJobThread(input.job, args) };
}
