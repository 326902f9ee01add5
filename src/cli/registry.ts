import type { CliCommand } from './command.js';
import { dbMigrate } from './commands/db-migrate.js';
import { dbReset } from './commands/db-reset.js';
import { usersCreate } from './commands/users-create.js';

export const commands: CliCommand[] = [dbMigrate, dbReset, usersCreate];
