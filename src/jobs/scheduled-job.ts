import { z } from 'zod';
import type { JobOutput, RunnableJob } from '../actions/jobs/run-job.js';

/** A job the scheduler runs and the Jobs page lists: a runnable job with its name for people and its schedule. */
export interface ScheduledJob<A = unknown> extends RunnableJob<A> {
  label: string;
  description: string;
  /** The environment variable holding its cron schedule ("off" to not schedule it), and the schedule when unset. */
  schedule: { env: string; default: string };
  /** One line for the Jobs page about what a finished run did. */
  summarise(output: JobOutput): string;
}

/** The arguments of a job that takes none. */
export const NoArgs = z.object({}).strict();
export type NoArgs = z.infer<typeof NoArgs>;
