// A test hook (mounted only outside production, with TEST_SLOW_REQUESTS=true): answers after `?ms=`
// milliseconds (at most a minute) and a database read, so a test can stop the app while it is in flight;
// `?fail=1` fails instead, as an unexpected error would.
import type { RequestHandler } from 'express';
import { db } from '../db/client.js';

export const slowRequest: RequestHandler = (request, response, next) => {
  if (request.query.fail) return next(new Error('A failure made on purpose by the test hook'));
  const ms = Math.min(60_000, Math.max(0, Number(request.query.ms) || 0));
  request.log.info({ ms }, 'Slow test request started');
  setTimeout(() => {
    db().$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`
      .then(([row]) => response.type('text').send(`slept ${ms} ms, database answered ${row.ok}`))
      .catch(next);
  }, ms);
};
