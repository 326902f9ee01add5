/**
 * A migration already applied to this database whose file has changed since: the database was built by
 * different SQL than the file now says, so the app refuses to start rather than run on a schema nobody
 * can reproduce. The message names the migration and says what to do.
 */
export class MigrationChangedError extends Error {
  constructor(readonly migrations: string[]) {
    super([
      `${migrations.length === 1 ? 'Migration' : 'Migrations'} ${migrations.join(', ')} changed after being applied to this database (the file's checksum no longer matches the one recorded in _prisma_migrations).`,
      'An applied migration must never be edited: put the file back as it was (`git log -p prisma/migrations/<name>/migration.sql` shows its history) and make the change in a new migration (`npm run migrate:new -- <name>`).',
      'If this database is disposable (development, tests, benchmarks), rebuild it instead: `npm run cli -- db:reset --yes`, or delete its data folder.',
    ].join('\n'));
    this.name = 'MigrationChangedError';
  }
}
