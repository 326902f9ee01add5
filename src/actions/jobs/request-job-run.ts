// "Run now" on the Jobs page: a job, or one statement's declarations export, started at once in a
// thread of its own. Who asked is in the audit log; the run itself is in job_runs like any other
// (skipped if the same job is already running). Starting the thread belongs to src/jobs, which calls the
// actions and so is never imported by them: the caller passes it in (src/jobs/job-starter.ts).
import { z } from 'zod';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError, notFound } from '../errors.js';
import { Id } from '../zod.js';
import { auditEvents } from '../audit/events.js';

export const STATEMENT_EXPORT_JOB = 'declaration-exports';

export type JobRunArgs = { statementId?: string };

/** What the action needs of the jobs: whether a name is one, and how to start it at once. */
export interface JobStarter<Report> {
  isJob(name: string): boolean;
  start(name: string, args: JobRunArgs): Promise<Report>;
}

const requestJobRunInput = (jobs: JobStarter<unknown>) => z.object({
  job: z.string().refine((name) => jobs.isJob(name), 'Choose a job to run'),
  statementId: Id.optional(),
});

export interface RequestedJobRun<Report> {
  job: string;
  args: JobRunArgs;
  /** Settles when the thread ends; the page does not wait for it, tests and the CLI may. */
  finished: Promise<Report>;
}

export async function requestJobRun<Report>(ctx: ActorContext, raw: unknown, jobs: JobStarter<Report>): Promise<RequestedJobRun<Report>> {
  const input = requestJobRunInput(jobs).parse(raw);
  requirePermission(ctx, 'jobs.run');
  if (input.statementId && input.job !== STATEMENT_EXPORT_JOB) {
    throw new ActionError('INVALID_INPUT', 'Only the declaration exports can be run for one statement.', [
      { field: 'statementId', message: 'Only the declaration exports can be run for one statement.' },
    ]);
  }
  const args: JobRunArgs = input.statementId ? { statementId: input.statementId } : {};
  await db().$transaction(async (tx) => {
    if (input.statementId && !(await tx.statement.findUnique({ where: { id: input.statementId }, select: { id: true } }))) throw notFound('Statement');
    await recordAudit(tx, ctx, auditEvents.jobRunRequested({ subjectId: input.job, after: args }));
  });
  return { job: input.job, args, finished: jobs.start(input.job, args) };
}
