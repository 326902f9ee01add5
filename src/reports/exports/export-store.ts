// Where finished exports live, so that every app process serves what any one of them wrote:
// PostgreSQL large objects by default (nothing else to run), or an S3-compatible bucket with
// EXPORT_STORAGE=s3 (src/reports/exports/s3-export-store.ts). Both stream in and out; a file appears
// whole or not at all, replacing its previous version.
import { exportStorageOf, s3SettingsFrom } from './export-storage.js';
import type { ExportStore } from './stored-export.js';
import { postgresExportStore } from './postgres-export-store.js';
import { s3ExportStore } from './s3-export-store.js';
export { isExportName, type ExportStore, type OpenExport, type StoredExport } from './stored-export.js';

let current: { key: string; store: ExportStore } | undefined;

/** The store the environment chooses (made again if the environment changed, as tests do). */
export function exportStore(): ExportStore {
  const storage = exportStorageOf();
  const key = storage === 's3' ? `s3:${JSON.stringify(s3SettingsFrom(process.env))}` : 'postgres';
  if (current?.key !== key) current = { key, store: storage === 's3' ? s3ExportStore(s3SettingsFrom(process.env)) : postgresExportStore() };
  return current.store;
}
