// npm run jobs: the scheduler on its own, for a separate worker process (run the web app with
// START_JOBS=false then). Stops cleanly on SIGINT/SIGTERM.
import { disconnectDb } from '../db/client.js';
import { openDatabase } from '../db/database.js';
import { applyMigrations } from '../db/migrate.js';
import { startScheduler } from './scheduler.js';

const database = await openDatabase();
await applyMigrations(database.url);
const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);
const stopScheduler = await startScheduler({ log });

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping the jobs…`);
  await stopScheduler();
  await disconnectDb();
  await database.release();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
