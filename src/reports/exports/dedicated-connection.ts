// A PostgreSQL connection of its own, outside Prisma's pool, for what must stay on one session:
// an advisory lock held for a whole job run, or a cursor read batch by batch.
import pg from 'pg';

const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;

/** Prisma stores DateTime columns as UTC in `timestamp` columns; read them back as UTC whatever the process's time zone. */
function typeParser(oid: number, format?: 'text' | 'binary') {
  if (oid === TIMESTAMP_WITHOUT_TIME_ZONE) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
  return pg.types.getTypeParser(oid, format as 'text');
}

export async function openDedicatedConnection(): Promise<pg.Client> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set: call openDatabase() first.');
  const client = new pg.Client({ connectionString, types: { getTypeParser: typeParser as typeof pg.types.getTypeParser } });
  await client.connect();
  return client;
}
