// GET /api/v3/participants/ecf?page[per_page]=100 for a lead provider with 100,000 participants (each
// with four declarations), as a lead provider's system walks the list: every page once, 8 requests in
// flight, from a client on a thread of its own (a provider's system runs elsewhere). Target: p95 under
// 100 ms and at least 200 requests a second. The baseline is a `SELECT 1` round trip through the same
// Express app and database pool, measured in the same run.
//   npx tsx bench/api-participants.ts        (BENCH_API_PG_PORT, default 54511; the data is kept in .data/bench-pg-<port>)
import { Worker } from 'node:worker_threads';
import express from 'express';
import { createApiRouter } from '../src/api/router.js';
import { generateApiToken, hashApiToken } from '../src/auth/api-token.js';
import { db } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrate.js';
import { generateDeclarationData } from './declarations-data.js';
import type { ClientReport, ClientWork } from './http-client-worker.js';
import { listenLocally, percentile, runWhenMain, withBenchDatabase, type BenchResult } from './support.js';

const PARTICIPANTS = 100_000;
const PER_PAGE = 100;
const IN_FLIGHT = 8;
const TARGET_P95_MS = 100;
const TARGET_RPS = 200;
// Generating the data takes minutes, so the database is kept between runs (migrations still apply);
// a change to the data's shape needs a new name.
const DATABASE = 'ecf_bench_api_participants_v1';
const TAG = 'api-bench';
const CLIENT = new URL('./http-client-worker.ts', import.meta.url);

async function createToken(): Promise<string> {
  const leadProvider = await db().leadProvider.findUniqueOrThrow({ where: { name: `Bench Provider ${TAG}` } });
  // The generated ids are md5s, not the RFC 4122 UUIDs the token action's input accepts.
  const token = generateApiToken();
  await db().apiToken.create({ data: { cpdLeadProviderId: leadProvider.cpdLeadProviderId, hashedToken: hashApiToken(token), description: 'benchmark' } });
  return token;
}

interface Load {
  p95: number;
  rps: number;
  distinctIds: number;
}

/** Every path once, IN_FLIGHT at a time, from a client on its own thread; latency of each request and throughput over the whole run. */
function measure(paths: string[], headers: Record<string, string>, base: string): Promise<Load> {
  return new Promise((resolve, reject) => {
    // tsx compiles the client's TypeScript on its thread too.
    const source = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(CLIENT.href)}); })`;
    const client = new Worker(source, { eval: true, workerData: { base, paths, headers, inFlight: IN_FLIGHT } satisfies ClientWork });
    client.once('error', reject);
    client.once('message', (report: ClientReport) => {
      resolve({ p95: percentile(report.latencies, 95), rps: (paths.length / report.elapsedMs) * 1000, distinctIds: report.distinctIds });
      void client.terminate();
    });
  });
}

export async function run(): Promise<BenchResult> {
  const port = Number(process.env.BENCH_API_PG_PORT ?? 54511);
  const prepare = async () => {
    await generateDeclarationData({ tag: TAG, participants: PARTICIPANTS });
  };
  return withBenchDatabase({ port, keep: DATABASE, prepare }, async (url) => {
    await applyMigrations(url);
    await db().$executeRawUnsafe('VACUUM ANALYZE lead_provider_participants');
    const token = await createToken();
    const app = express();
    app.get('/baseline', async (_req, res) => {
      await db().$queryRaw`SELECT 1`;
      res.json({ ok: true });
    });
    app.use('/api/v3', createApiRouter());
    const { server, base } = await listenLocally(app);
    try {
      const headers = { authorization: `Bearer ${token}` };
      const pages = Array.from({ length: PARTICIPANTS / PER_PAGE }, (_, i) => `/api/v3/participants/ecf?page[per_page]=${PER_PAGE}&page[page]=${i + 1}`);
      await measure(pages.slice(0, 40), headers, base);
      const baseline = await measure(pages.map(() => '/baseline'), {}, base);
      const walk = await measure(pages, headers, base);

      if (walk.distinctIds !== PARTICIPANTS) throw new Error(`The walk saw ${walk.distinctIds} participants, not ${PARTICIPANTS}`);
      return {
        name: `api-participants (${PARTICIPANTS} participants, ${PER_PAGE} per page, ${IN_FLIGHT} in flight, p95)`,
        ours_ms: Math.round(walk.p95),
        baseline_ms: Math.round(baseline.p95 * 10) / 10,
        ratio: walk.p95 / baseline.p95,
        target: `p95 < ${TARGET_P95_MS} ms and >= ${TARGET_RPS} req/s`,
        pass: walk.p95 < TARGET_P95_MS && walk.rps >= TARGET_RPS,
        detail: `${Math.round(walk.rps)} req/s (baseline SELECT 1: ${Math.round(baseline.rps)} req/s)`,
      };
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
}

await runWhenMain(import.meta, run);
