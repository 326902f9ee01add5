// The one Prisma client of the process, created on first use from DATABASE_URL
// (set by openDatabase() at start-up, or by the test set-up per test file).
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '@prisma/client';
import { appDatabaseUrl } from './connection.js';
import { closePreparedStatements } from './prepared-statements.js';
import { closeSettingsWatch } from './settings-changes.js';

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

let client: PrismaClient | undefined;

export function db(): PrismaClient {
  if (!client) {
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: appDatabaseUrl(), max: Number(process.env.DB_POOL_SIZE ?? 10) }) });
  }
  return client;
}

export async function disconnectDb(): Promise<void> {
  if (client) await client.$disconnect();
  client = undefined;
  await closePreparedStatements();
  await closeSettingsWatch();
}
