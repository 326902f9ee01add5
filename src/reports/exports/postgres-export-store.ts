// Exports kept in PostgreSQL: each file's bytes are a large object, its name, size and time a row of
// export_files. A write streams into a new large object in 1 MB chunks inside one transaction and points
// the row at it in that same transaction, so readers see the old file or the new one whole, and a write
// that fails or whose process dies leaves nothing behind (the server rolls the large object back).
// A read streams chunk by chunk inside a repeatable-read transaction, so a file replaced meanwhile is
// still read whole as it was.
import { Readable, Writable } from 'node:stream';
import type pg from 'pg';
import { db } from '../../db/client.js';
import { openConnection } from '../../db/connection.js';
import { isExportName, requireExportName, type ExportStore, type OpenExport, type StoredExport } from './stored-export.js';

const CHUNK_BYTES = 1024 * 1024;

/** A Writable appending to large object `oid`, 1 MB per round trip. */
function largeObjectWriter(client: pg.Client, oid: number): Writable & { bytes: () => number; idle: () => Promise<unknown> } {
  let pending: Buffer[] = [];
  let putting: Promise<unknown> = Promise.resolve();
  let pendingBytes = 0;
  let written = 0;
  const flush = async (all: boolean) => {
    while (pendingBytes >= CHUNK_BYTES || (all && pendingBytes > 0)) {
      const joined = Buffer.concat(pending);
      const chunk = joined.subarray(0, CHUNK_BYTES);
      const rest = joined.subarray(chunk.length);
      putting = client.query('SELECT lo_put($1, $2, $3)', [oid, written, chunk]);
      await putting;
      written += chunk.length;
      pending = rest.length ? [rest] : [];
      pendingBytes = rest.length;
    }
  };
  const writer = new Writable({
    write(chunk: Buffer | string, encoding, callback) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
      pending.push(buffer);
      pendingBytes += buffer.length;
      flush(false).then(() => callback(), callback);
    },
    final(callback) {
      flush(true).then(() => callback(), callback);
    },
  });
  return Object.assign(writer, { bytes: () => written, idle: () => putting });
}

async function finished(out: Writable): Promise<void> {
  if (out.writableFinished) return;
  if (out.destroyed) throw out.errored ?? new Error('The export stream was closed before it finished');
  await new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
    out.once('close', () => (out.writableFinished ? resolve() : reject(out.errored ?? new Error('The export stream was closed before it finished'))));
  });
}

async function write<T>(name: string, produce: (out: Writable) => Promise<T>): Promise<T> {
  requireExportName(name);
  const client = await openConnection();
  let writer: ReturnType<typeof largeObjectWriter> | undefined;
  try {
    await client.query('BEGIN');
    const { rows: [{ oid }] } = await client.query<{ oid: number }>('SELECT lo_create(0) AS oid');
    writer = largeObjectWriter(client, oid);
    const result = await produce(writer);
    await finished(writer);
    // One writer of a name at a time, so the version it replaces is the one it unlinks.
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 727002))', [name]);
    const { rows: previous } = await client.query<{ contentOid: number }>('SELECT "contentOid" FROM export_files WHERE name = $1', [name]);
    await client.query(
      `INSERT INTO export_files (name, "contentOid", bytes, "modifiedAt") VALUES ($1, $2, $3, clock_timestamp())
       ON CONFLICT (name) DO UPDATE SET "contentOid" = EXCLUDED."contentOid", bytes = EXCLUDED.bytes, "modifiedAt" = EXCLUDED."modifiedAt"`,
      [name, oid, writer.bytes()],
    );
    for (const row of previous) await client.query('SELECT lo_unlink($1)', [row.contentOid]);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    writer?.destroy();
    await writer?.idle().catch(() => {});
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

async function open(name: string): Promise<OpenExport | null> {
  if (!isExportName(name)) return null;
  const client = await openConnection();
  let ended = false;
  let reading: Promise<unknown> = Promise.resolve();
  const end = async (how: 'COMMIT' | 'ROLLBACK') => {
    if (ended) return;
    ended = true;
    await reading.catch(() => {});
    await client.query(how).catch(() => {});
    await client.end().catch(() => {});
  };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ contentOid: number; bytes: string }>('SELECT "contentOid", bytes::text AS bytes FROM export_files WHERE name = $1', [name]);
    if (!rows.length) {
      await end('ROLLBACK');
      return null;
    }
    const oid = rows[0].contentOid;
    const bytes = Number(rows[0].bytes);
    async function* chunks(): AsyncGenerator<Buffer> {
      let completed = false;
      try {
        for (let offset = 0; offset < bytes; offset += CHUNK_BYTES) {
          const read = client.query<{ chunk: Buffer }>('SELECT lo_get($1, $2, $3) AS chunk', [oid, offset, Math.min(CHUNK_BYTES, bytes - offset)]);
          reading = read;
          const { rows: [row] } = await read;
          yield row.chunk;
        }
        completed = true;
      } finally {
        await end(completed ? 'COMMIT' : 'ROLLBACK');
      }
    }
    const content = Readable.from(chunks(), { objectMode: false });
    // Destroyed before its first read, the generator never runs: the transaction ends here instead.
    content.once('close', () => void end('ROLLBACK'));
    return { name, bytes, content };
  } catch (error) {
    await end('ROLLBACK');
    throw error;
  }
}

async function list(): Promise<StoredExport[]> {
  const files = await db().exportFile.findMany({ orderBy: [{ modifiedAt: 'desc' }, { name: 'asc' }], select: { name: true, bytes: true, modifiedAt: true } });
  return files.map((f) => ({ name: f.name, bytes: Number(f.bytes), modifiedAt: f.modifiedAt }));
}

async function deleteWrittenBefore(before: Date): Promise<string[]> {
  const gone = await db().$queryRaw<{ name: string }[]>`
    WITH gone AS (DELETE FROM export_files WHERE "modifiedAt" < ${before} RETURNING name, "contentOid")
    SELECT name, lo_unlink("contentOid") AS unlinked FROM gone ORDER BY name`;
  return gone.map((row) => row.name);
}

export function postgresExportStore(): ExportStore {
  return { write, open, list, deleteWrittenBefore };
}
