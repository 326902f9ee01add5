// npm start: database (embedded unless DATABASE_URL), migrations, demo data once, then the web app.
// Logs are JSON lines (src/logging/logger.ts); the welcome with the demo logins is plain text for a person.
import path from 'node:path';
import { EmbeddedServerError } from './db/embedded-errors.js';
import { MigrationChangedError } from './db/migration-changed-error.js';
import { logger } from './logging/logger.js';
import { ConfigError, loadConfig } from './server/config.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const { openDatabase } = await import('./db/database.js');
  const { applyMigrations } = await import('./db/migrate.js');
  const { disconnectDb } = await import('./db/client.js');
  const { drainServer, stopOnSignals } = await import('./server/shutdown.js');

  const database = await openDatabase();
  const { embedded } = database;
  logger.info(embedded ? `PostgreSQL (embedded, data in ${path.relative(process.cwd(), embedded.dataDir)}) on 127.0.0.1:${embedded.port}` : 'PostgreSQL from DATABASE_URL');
  const applied = await applyMigrations(database.url);
  if (applied.length) logger.info(`Applied ${applied.length} migration(s).`);

  const { isSeeded, seedDemo } = await import('../seeds/seed-demo.js');
  if (config.seedDemoData && !(await isSeeded())) {
    logger.info(`Seeding demo data (${config.seedSize})…`);
    const started = Date.now();
    await seedDemo({ size: config.seedSize, log: (line) => logger.info(`  ${line}`) });
    logger.info(`Demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }

  const { createApp } = await import('./server/app.js');
  const app = await createApp(config, database.url);
  const server = app.listen(config.port, () => {
    void printWelcome(config.port);
  });
  const { jobsEnabled, startScheduler } = await import('./jobs/scheduler.js');
  const { stopJobThreads } = await import('./jobs/job-thread-file.js');
  const stopJobs = jobsEnabled() ? await startScheduler({ log: (line) => logger.info(line) }) : async () => {};

  stopOnSignals([
    { name: 'web server', run: (deadline) => drainServer(server, deadline) },
    { name: 'jobs', run: async (deadline) => { await Promise.all([stopJobs(deadline), stopJobThreads(deadline)]); } },
    { name: 'session stores', run: () => app.close() },
    { name: 'database pools', run: () => disconnectDb() },
    { name: 'embedded PostgreSQL', run: () => database.release() },
  ], config.shutdownGraceSeconds);
}

async function printWelcome(port: number): Promise<void> {
  const { DEMO_LOGINS } = await import('../seeds/demo-logins.js');
  const { db } = await import('./db/client.js');
  const present = new Set((await db().user.findMany({ where: { email: { in: DEMO_LOGINS.map((l) => l.email) } } })).map((u) => u.email));
  const logins = DEMO_LOGINS.filter((l) => present.has(l.email));
  const lines = [`\nECF back office: http://localhost:${port}/admin`];
  if (logins.length) {
    lines.push('Demo logins (one per role):', ...logins.map((login) => `  ${login.role.padEnd(11)} ${login.email.padEnd(28)} ${login.password}`));
  }
  // One write: whoever waits for the address (a script, a test) has the logins with it.
  console.log(lines.join('\n'));
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof MigrationChangedError || error instanceof EmbeddedServerError) {
    console.error(`Cannot start: ${error.message}`);
  } else {
    logger.fatal({ err: error }, 'Cannot start');
  }
  process.exit(1);
});
