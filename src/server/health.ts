// Health for the platform: /livez says the process is up (restart it if not); /readyz (and /healthz, its
// older name) says whether it can serve: the database answers and every migration this build ships is
// applied. A load balancer sends traffic only to ready machines.
import type { Express } from 'express';
import { db } from '../db/client.js';
import { migrationNames } from '../db/migrate.js';

const CHECK_TIMEOUT_MS = 3_000;

type Readiness = { status: 'ok' | 'unavailable'; database: 'ok' | 'unreachable'; migrations: 'ok' | 'pending' | 'unknown' };

const withTimeout = <T>(work: Promise<T>): Promise<T> =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref())]);

async function readiness(shipped: Promise<string[]>): Promise<Readiness> {
  let applied: Set<string>;
  try {
    const rows = await withTimeout(db().$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
    applied = new Set(rows.map((r) => r.name));
  } catch {
    return { status: 'unavailable', database: 'unreachable', migrations: 'unknown' };
  }
  const pending = (await shipped).some((name) => !applied.has(name));
  return pending ? { status: 'unavailable', database: 'ok', migrations: 'pending' } : { status: 'ok', database: 'ok', migrations: 'ok' };
}

export function healthRoutes(app: Express): void {
  const shipped = migrationNames();
  shipped.catch(() => undefined);
  app.get('/livez', (_request, response) => {
    response.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  for (const path of ['/readyz', '/healthz']) {
    app.get(path, (_request, response, next) => {
      readiness(shipped)
        .then((answer) => response.set('Cache-Control', 'no-store').status(answer.status === 'ok' ? 200 : 503).json(answer))
        .catch(next);
    });
  }
}
