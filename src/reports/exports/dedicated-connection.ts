// A PostgreSQL connection of its own, outside Prisma's pool, for what must stay on one session:
// an advisory lock held for a whole job run, or a cursor read batch by batch.
import pg from 'pg';
import { typeParser } from '../../db/type-parser.js';

export async function openDedicatedConnection(): Promise<pg.Client> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set: call openDatabase() first.');
  const client = new pg.Client({ connectionString, types: { getTypeParser: typeParser } });
  await client.connect();
  return client;
}
