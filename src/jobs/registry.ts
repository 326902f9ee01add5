// Every job the scheduler runs and the Jobs page lists.
import { declarationExportsJob } from './declaration-exports-job.js';
import { housekeepingJob } from './housekeeping-job.js';
import type { ScheduledJob } from './scheduled-job.js';
import { statementsJob } from './statements-job.js';
import { trnChecksJob } from './trn-checks-job.js';

export const JOBS: readonly ScheduledJob[] = [statementsJob, declarationExportsJob, housekeepingJob, trnChecksJob];

export const JOB_NAMES = JOBS.map((job) => job.name);

export function findJob(name: string): ScheduledJob | undefined {
  return JOBS.find((job) => job.name === name);
}
