// npm start: database (embedded unless DATABASE_URL), migrations, demo data once, then the web app.
import path from 'node:path';
import { MigrationChangedError } from './db/migration-changed-error.js';
import { ConfigError, loadConfig } from './server/config.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const { openDatabase } = await import('./db/database.js');
  const { applyMigrations } = await import('./db/migrate.js');
  const { disconnectDb } = await import('./db/client.js');

  const database = await openDatabase();
  const { embedded } = database;
  console.log(embedded ? `PostgreSQL (embedded, data in ${path.relative(process.cwd(), embedded.dataDir)}) on 127.0.0.1:${embedded.port}` : 'PostgreSQL from DATABASE_URL');
  const applied = await applyMigrations(database.url);
  if (applied.length) console.log(`Applied ${applied.length} migration(s).`);

  const { isSeeded, seedDemo } = await import('../seeds/seed-demo.js');
  if (!(await isSeeded()) && process.env.SEED_DEMO_DATA !== 'false') {
    console.log(`Seeding demo data (${config.seedSize})…`);
    const started = Date.now();
    await seedDemo({ size: config.seedSize, log: (line) => console.log(`  ${line}`) });
    console.log(`Demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }

  const { createApp } = await import('./server/app.js');
  const app = await createApp(config, database.url);
  const server = app.listen(config.port, () => {
    void printWelcome(config.port);
  });
  const { jobsEnabled, startScheduler } = await import('./jobs/scheduler.js');
  const stopJobs = jobsEnabled() ? await startScheduler({ log: (line) => console.log(line) }) : async () => {};

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    server.close();
    await stopJobs();
    await disconnectDb();
    await database.release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function printWelcome(port: number): Promise<void> {
  const { DEMO_LOGINS } = await import('../seeds/demo-logins.js');
  const { db } = await import('./db/client.js');
  const present = new Set((await db().user.findMany({ where: { email: { in: DEMO_LOGINS.map((l) => l.email) } } })).map((u) => u.email));
  console.log(`\nECF back office: http://localhost:${port}/admin`);
  const logins = DEMO_LOGINS.filter((l) => present.has(l.email));
  if (logins.length) {
    console.log('Demo logins (one per role):');
    for (const login of logins) console.log(`  ${login.role.padEnd(11)} ${login.email.padEnd(28)} ${login.password}`);
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError || error instanceof MigrationChangedError ? `Cannot start: ${error.message}` : error);
  process.exit(1);
});
