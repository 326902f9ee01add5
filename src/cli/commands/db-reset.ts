import { CliUsageError, type CliCommand } from '../command.js';

export const dbReset: CliCommand = {
  name: 'db:reset',
  summary: 'Drop all data, migrate and seed demo data again (never in production)',
  usage: '--yes [--size small|full]',
  migrateFirst: false,
  async run(args, out) {
    if (process.env.NODE_ENV === 'production') throw new CliUsageError('db:reset refuses to run when NODE_ENV=production.');
    if (args.options.yes !== 'true') throw new CliUsageError('This deletes every record. Run again with --yes to confirm.');
    const { disconnectDb } = await import('../../db/client.js');
    const { applyMigrations } = await import('../../db/migrate.js');
    const url = process.env.DATABASE_URL!;
    await disconnectDb();
    const { openConnection } = await import('../../db/connection.js');
    const client = await openConnection(url);
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await client.end();
    const applied = await applyMigrations(url);
    out.say(`Dropped all data and applied ${applied.length} migration(s).`);
    const { seedDemo } = await import('../../../seeds/seed-demo.js');
    const size = args.options.size === 'small' ? 'small' : 'full';
    const started = Date.now();
    const summary = await seedDemo({ size, log: out.say });
    out.say(`Seeded ${size} demo data in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return { migrations: applied.length, size, seed: summary as unknown as Record<string, unknown> };
  },
};
