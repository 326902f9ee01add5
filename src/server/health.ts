// Health for the platform: /livez says the process is up (restart it if not); /readyz (and /healthz, its
// older name) says whether it can serve: the database answers, every migration this build ships is applied,
// and so are the read models' functions and triggers this build ships (prisma/read-models.sql, recorded by
// its checksum in "_read_models"). A load balancer sends traffic only to ready machines.
import type { Express } from 'express';
import { db } from '../db/client.js';
import { migrationNames } from '../db/migrate.js';
import { APPLIED_READ_MODELS_CHECKSUM, shippedReadModelsChecksum } from '../db/read-models.js';

const CHECK_TIMEOUT_MS = 3_000;

type Readiness = {
  status: 'ok' | 'unavailable';
  database: 'ok' | 'unreachable';
  migrations: 'ok' | 'pending' | 'unknown';
  /** 'stale': the database runs other read-model triggers than this build's file (or none yet). */
  readModels: 'ok' | 'stale' | 'unknown';
};

interface Shipped {
  migrations: Promise<string[]>;
  readModelsChecksum: Promise<string>;
}

const withTimeout = <T>(work: Promise<T>): Promise<T> =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref())]);

async function readiness(shipped: Shipped): Promise<Readiness> {
  let applied: Set<string>;
  let readModelsChecksum: string | null;
  try {
    const rows = await withTimeout(db().$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
    applied = new Set(rows.map((r) => r.name));
  } catch {
    return { status: 'unavailable', database: 'unreachable', migrations: 'unknown', readModels: 'unknown' };
  }
  try {
    const rows = await withTimeout(db().$queryRawUnsafe<{ checksum: string }[]>(APPLIED_READ_MODELS_CHECKSUM));
    readModelsChecksum = rows[0]?.checksum ?? null;
  } catch {
    // The database answered the query before: no "_read_models" table means the file was never applied.
    readModelsChecksum = null;
  }
  const migrations = (await shipped.migrations).some((name) => !applied.has(name)) ? 'pending' : 'ok';
  const readModels = readModelsChecksum === (await shipped.readModelsChecksum) ? 'ok' : 'stale';
  const ready = migrations === 'ok' && readModels === 'ok';
  return { status: ready ? 'ok' : 'unavailable', database: 'ok', migrations, readModels };
}

export function healthRoutes(app: Express): void {
  const shipped: Shipped = { migrations: migrationNames(), readModelsChecksum: shippedReadModelsChecksum() };
  shipped.migrations.catch(() => undefined);
  shipped.readModelsChecksum.catch(() => undefined);
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
