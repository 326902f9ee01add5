// What every export store offers (src/reports/exports/export-store.ts chooses one), and the names exports may have.
import type { Readable, Writable } from 'node:stream';

export interface StoredExport {
  name: string;
  bytes: number;
  modifiedAt: Date;
}

/** An export opened for reading: the caller consumes `content` or destroys it. */
export interface OpenExport {
  name: string;
  bytes: number;
  content: Readable;
}

export interface ExportStore {
  /** Writes `name` through `write` (which must end the stream it is given); replaces any earlier version. */
  write<T>(name: string, write: (out: Writable) => Promise<T>): Promise<T>;
  /** The export, or null when there is none of that name. */
  open(name: string): Promise<OpenExport | null>;
  /** Finished exports, newest first. */
  list(): Promise<StoredExport[]>;
  /** Deletes exports last written before `before`; returns their names. */
  deleteWrittenBefore(before: Date): Promise<string[]>;
}

/** Names the jobs give their files: never a path. */
const EXPORT_NAME = /^[\w-][\w.-]*\.csv$/;
export const isExportName = (name: string): boolean => EXPORT_NAME.test(name) && !name.includes('..');

export function requireExportName(name: string): void {
  if (!isExportName(name)) throw new Error(`Not an export file name: ${name}`);
}
