// The one Prisma client of the process, created on first use from DATABASE_URL
// (set by openDatabase() at start-up, or by the test set-up per test file).
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '@prisma/client';
import { appDatabaseUrl, logLostConnection } from './connection.js';
import { closePreparedStatements } from './prepared-statements.js';
import { closeSettingsWatch } from './settings-changes.js';

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

let client: PrismaClient | undefined;

export function db(): PrismaClient {
  if (!client) {
    // The adapter's pool listens for a lost connection itself (so it never ends the process); these log it.
    const adapter = new PrismaPg(
      { connectionString: appDatabaseUrl(), max: Number(process.env.DB_POOL_SIZE ?? 10) },
      { onPoolError: logLostConnection("connection of Prisma's pool"), onConnectionError: logLostConnection("connection of Prisma's in a transaction") },
    );
    client = new PrismaClient({ adapter });
  }
  return client;
}

export async function disconnectDb(): Promise<void> {
  if (client) await client.$disconnect();
  client = undefined;
  await closePreparedStatements();
  await closeSettingsWatch();
}
