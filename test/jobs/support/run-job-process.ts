// Runs one job in a process of its own (DATABASE_URL from the environment), so a test
// can kill it half way as a crash would.
import { runJob } from '../../../src/actions/jobs/run-job.js';
import { disconnectDb } from '../../../src/db/client.js';
import { findJob } from '../../../src/jobs/registry.js';

const job = findJob(process.argv[2] ?? '');
if (!job) throw new Error(`Unknown job ${process.argv[2]}`);
await runJob(job, JSON.parse(process.argv[3] ?? '{}'));
await disconnectDb();
