// The jobs as the "run now" action sees them (src/actions/jobs/request-job-run.ts): a name from the
// registry, started at once in a thread of its own.
import type { JobStarter } from '../actions/jobs/request-job-run.js';
import { startJobThread } from './job-thread-file.js';
import type { JobThreadReport } from './job-thread.js';
import { findJob } from './registry.js';

export const jobThreads: JobStarter<JobThreadReport> = {
  isJob: (name) => findJob(name) !== undefined,
  start: startJobThread,
};
