// When the embedded PostgreSQL cannot start, the message says why and what to do.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EmbeddedServerError } from '../../src/db/embedded-errors.js';
import { embeddedMajorVersion, ensureEmbeddedServer } from '../../src/db/embedded.js';
import { freePort } from '../support/app-process.js';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'embedded-errors-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the embedded PostgreSQL refusing to start', () => {
  it('names a port another program holds, and the setting that changes it', async () => {
    const other = net.createServer((socket) => { socket.on('error', () => {}); socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'); });
    const port = await freePort();
    await new Promise<void>((resolve) => other.listen(port, '127.0.0.1', resolve));
    try {
      const started = ensureEmbeddedServer({ port, dataDir: path.join(folder, 'port-taken') });
      await expect(started).rejects.toBeInstanceOf(EmbeddedServerError);
      await expect(started).rejects.toThrow(`port ${port} on 127.0.0.1 is used by another program (not a PostgreSQL this app can sign in to). Stop that program, or give the embedded PostgreSQL another port with EMBEDDED_PG_PORT=<free port>.`);
    } finally {
      other.close();
    }
  });

  it("says a data folder is another version's, and how to start afresh or keep its data", async () => {
    const dataDir = path.join(folder, 'old-version');
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, 'PG_VERSION'), '16\n');
    const started = ensureEmbeddedServer({ port: await freePort(), dataDir });
    await expect(started).rejects.toBeInstanceOf(EmbeddedServerError);
    await expect(started).rejects.toThrow(new RegExp(`was made by PostgreSQL 16; this app runs PostgreSQL ${embeddedMajorVersion()}\\. To start afresh with demo data, move that folder away \\(or point EMBEDDED_PG_DIR at a new folder\\)`));
    await expect(started).rejects.toThrow(/pg_dump/);
  });

  // Only root runs PostgreSQL as another user ("postgres"); anyone else owns the folder it cannot open.
  (process.getuid?.() === 0 ? it : it.skip)('says when, running as root, PostgreSQL\'s own user cannot open the data folder', async () => {
    const closed = path.join(folder, 'closed');
    await mkdir(closed, { mode: 0o700 });
    const started = ensureEmbeddedServer({ port: await freePort(), dataDir: path.join(closed, 'pg') });
    await expect(started).rejects.toThrow(`the embedded PostgreSQL cannot reach ${path.join(closed, 'pg')}. Running as root, the app runs PostgreSQL as the user "postgres"`);
  }, 120_000);
});
