// Reading and placing files of the export store in tests.
import { text } from 'node:stream/consumers';
import { db } from '../../src/db/client.js';
import { exportStore } from '../../src/reports/exports/export-store.js';

export async function readExport(name: string): Promise<string | null> {
  const opened = await exportStore().open(name);
  return opened ? text(opened.content) : null;
}

export const putExport = (name: string, content: string) => exportStore().write(name, async (out) => { out.end(content); });

/** Large objects no export file points at (what a killed or failed write must not leave behind). */
export async function strayLargeObjects(): Promise<number> {
  const [row] = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_largeobject_metadata m WHERE NOT EXISTS (SELECT 1 FROM export_files f WHERE f."contentOid" = m.oid)`;
  return row.n;
}
