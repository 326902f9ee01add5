// What every benchmark shares: its result line and a database of its own on an embedded server of its own.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { disconnectDb } from '../src/db/client.js';
import { createDatabaseIfMissing } from '../src/db/database.js';
import { embeddedUrl, ensureEmbeddedServer } from '../src/db/embedded.js';
import { applyMigrations } from '../src/db/migrate.js';

export interface BenchResult {
  name: string;
  ours_ms: number;
  baseline_ms: number | null;
  ratio: number | null;
  target: string;
  pass: boolean;
  /** Anything else worth a reader's eye (rows, memory, requests per second). */
  detail?: string;
}

export function formatResult(r: BenchResult): string {
  const baseline = r.baseline_ms === null ? 'no baseline' : `baseline ${r.baseline_ms} ms`;
  const ratio = r.ratio === null ? '' : `, ratio ${r.ratio.toFixed(2)}`;
  const detail = r.detail ? `; ${r.detail}` : '';
  return `${r.pass ? 'PASS' : 'FAIL'}  ${r.name}: ${r.ours_ms} ms, ${baseline}${ratio} (target ${r.target})${detail}`;
}

export interface BenchDatabaseOptions {
  port: number;
  /** Keep the database under this name and reuse it next time (skipping `prepare`). */
  keep?: string;
  /** Fills a new database (DATABASE_URL already points at it). */
  prepare?: () => Promise<void>;
}

/**
 * Runs `body` with DATABASE_URL on a migrated database of its own on an embedded server on `port`
 * (fsync off: a benchmark's data is disposable). The database is dropped afterwards unless kept.
 */
export async function withBenchDatabase<T>(options: BenchDatabaseOptions, body: (url: string) => Promise<T>): Promise<T> {
  const { port, keep } = options;
  process.env.EMBEDDED_PG_FSYNC = 'off';
  const server = await ensureEmbeddedServer({ dataDir: `.data/bench-pg-${port}`, port });
  const name = keep ?? `ecf_bench_${randomBytes(4).toString('hex')}`;
  const serverUrl = embeddedUrl('postgres', port);
  const previousUrl = process.env.DATABASE_URL;
  const reuse = !!keep && (await databaseExists(serverUrl, name));
  await createDatabaseIfMissing(serverUrl, name);
  const url = embeddedUrl(name, port);
  process.env.DATABASE_URL = url;
  try {
    if (!reuse) {
      await applyMigrations(url);
      await options.prepare?.();
    }
    return await body(url);
  } finally {
    await disconnectDb();
    if (!keep) await dropDatabase(serverUrl, name);
    await server.stop();
    process.env.DATABASE_URL = previousUrl;
  }
}

async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** How long `work` takes, in milliseconds. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Serves `app` on a free loopback port; `base` is its address. */
export async function listenLocally(app: { listen(port: number, host: string, ready: () => void): Server }): Promise<{ server: Server; base: string }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** Lets a benchmark file run on its own: `npx tsx bench/<name>.ts`. */
export async function runWhenMain(meta: ImportMeta, run: () => Promise<BenchResult>): Promise<void> {
  if (meta.url !== pathToFileURL(process.argv[1] ?? '').href) return;
  const result = await run();
  console.log(formatResult(result));
  if (!result.pass) process.exitCode = 1;
}
