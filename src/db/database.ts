// Decides which PostgreSQL the process uses: DATABASE_URL when set, otherwise the embedded server.
import { openConnection, utcUrl } from './connection.js';
import { APP_DATABASE, embeddedUrl, ensureEmbeddedServer, type EmbeddedServer } from './embedded.js';

export interface DatabaseHandle {
  url: string;
  embedded?: EmbeddedServer;
  /** Stops the embedded server if this process started it. */
  release(): Promise<void>;
}

export async function createDatabaseIfMissing(serverUrl: string, name: string, template?: string): Promise<void> {
  const client = await openConnection(serverUrl);
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    }
  } finally {
    await client.end();
  }
}

export async function openDatabase(): Promise<DatabaseHandle> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: utcUrl(configured), release: async () => {} };

  const embedded = await ensureEmbeddedServer();
  await createDatabaseIfMissing(embeddedUrl('postgres', embedded.port), APP_DATABASE);
  const url = embeddedUrl(APP_DATABASE, embedded.port);
  process.env.DATABASE_URL = url;
  return { url: utcUrl(url), embedded, release: () => embedded.stop() };
}
