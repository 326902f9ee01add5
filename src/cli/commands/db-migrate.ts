import type { CliCommand } from '../command.js';

// The CLI applies pending migrations before every database command; this one just reports that state.
export const dbMigrate: CliCommand = {
  name: 'db:migrate',
  summary: 'Apply pending database migrations',
  async run(_args, out) {
    const { db } = await import('../../db/client.js');
    const rows = await db().$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`;
    out.say(`Database is up to date: ${rows.length} migration(s) applied, latest ${rows.at(-1)?.migration_name ?? 'none'}.`);
    return { migrations: rows.length, latest: rows.at(-1)?.migration_name ?? null };
  },
};
