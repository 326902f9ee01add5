// The API's hottest reads run as named prepared statements on a small pool beside Prisma's: PostgreSQL
// plans each once per connection instead of on every request, and planning their joins cost more than
// running them. Each distinct text is its own statement, named by its hash.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Prisma } from '@prisma/client';
import { openPool } from './connection.js';

let pool: pg.Pool | undefined;

function preparedPool(): pg.Pool {
  if (!pool) {
    pool = openPool(Number(process.env.DB_PREPARED_POOL_SIZE ?? 4));
  }
  return pool;
}

const names = new Map<string, string>();
const nameOf = (text: string) => {
  let name = names.get(text);
  if (!name) names.set(text, (name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`));
  return name;
};

export async function queryPrepared<T>(sql: Prisma.Sql): Promise<T[]> {
  const result = await preparedPool().query({ name: nameOf(sql.text), text: sql.text, values: sql.values });
  return result.rows as T[];
}

export async function closePreparedStatements(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.end();
}
