// How our own pg connections (outside Prisma) read columns.
import pg from 'pg';

const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;

/** Prisma stores DateTime columns as UTC in `timestamp` columns; read them back as UTC whatever the process's time zone. */
export const typeParser = ((oid: number, format?: 'text' | 'binary') => {
  if (oid === TIMESTAMP_WITHOUT_TIME_ZONE) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
  return pg.types.getTypeParser(oid, format as 'text');
}) as typeof pg.types.getTypeParser;
