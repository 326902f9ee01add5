// npm run jobs: the scheduler on its own, for a separate worker process (run the web app with
// START_JOBS=false then). On SIGTERM/SIGINT it starts no new run, lets a running job finish its current
// step (within SHUTDOWN_GRACE_SECONDS), then closes its pools.
import { disconnectDb } from '../db/client.js';
import { openDatabase } from '../db/database.js';
import { applyMigrations } from '../db/migrate.js';
import { logger } from '../logging/logger.js';
import { shutdownGraceSeconds } from '../server/config.js';
import { stopOnSignals } from '../server/shutdown.js';
import { startScheduler } from './scheduler.js';

const database = await openDatabase();
await applyMigrations(database.url);
const stopScheduler = await startScheduler({ log: (line) => logger.info(line) });

stopOnSignals([
  { name: 'jobs', run: (deadline) => stopScheduler(deadline) },
  { name: 'database pools', run: () => disconnectDb() },
  { name: 'embedded PostgreSQL', run: () => database.release() },
], shutdownGraceSeconds());
