// The one Prisma client of the process, created on first use from DATABASE_URL
// (set by openDatabase() at start-up, or by the test set-up per test file).
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '@prisma/client';
import { closePreparedStatements } from './prepared-statements.js';

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

let client: PrismaClient | undefined;

export function db(): PrismaClient {
  if (!client) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('DATABASE_URL is not set: call openDatabase() first.');
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: Number(process.env.DB_POOL_SIZE ?? 10) }) });
  }
  return client;
}

export async function disconnectDb(): Promise<void> {
  if (client) await client.$disconnect();
  client = undefined;
  await closePreparedStatements();
}
