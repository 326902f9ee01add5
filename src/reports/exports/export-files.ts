// The exports folder (EXPORTS_DIR, default .data/exports): files the jobs write, finance downloads
// through the back office only. A file appears complete or not at all: it is written under a hidden
// temporary name, flushed to disk, then renamed over the previous version.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';

export interface ExportFile {
  name: string;
  bytes: number;
  modifiedAt: Date;
}

/** Names the jobs give their files; a leading dot marks a file still being written. */
const EXPORT_NAME = /^[\w-][\w.-]*\.csv$/;
const TEMPORARY_NAME = /^\..+\.tmp$/;

export const exportsDir = (): string => path.resolve(process.env.EXPORTS_DIR ?? '.data/exports');

/** The file's path when `name` is one of ours (never a path, never a temporary file); otherwise null. */
export function exportPath(name: string): string | null {
  return EXPORT_NAME.test(name) ? path.join(exportsDir(), name) : null;
}

/** Writes the export `name` through `write` (which must end the stream it is given), replacing any earlier version. */
export async function writeExportAtomically<T>(name: string, write: (out: Writable) => Promise<T>): Promise<T> {
  const target = exportPath(name);
  if (!target) throw new Error(`Not an export file name: ${name}`);
  await mkdir(exportsDir(), { recursive: true });
  return writeFileAtomically(target, write);
}

/** Writes `target` under a hidden temporary name beside it, flushes it to disk, then renames it into place. */
export async function writeFileAtomically<T>(target: string, write: (out: Writable) => Promise<T>): Promise<T> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
  const out = createWriteStream(temporary);
  try {
    const result = await write(out);
    if (!out.closed) await once(out, 'close');
    const file = await open(temporary, 'r');
    try {
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, target);
    return result;
  } catch (error) {
    out.destroy();
    await unlink(temporary).catch(() => {});
    throw error;
  }
}

/** Finished exports, newest first. */
export async function listExports(): Promise<ExportFile[]> {
  const names = await readdir(exportsDir()).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const files: ExportFile[] = [];
  for (const name of names.filter((n) => EXPORT_NAME.test(n))) {
    const info = await stat(path.join(exportsDir(), name)).catch(() => null);
    if (info?.isFile()) files.push({ name, bytes: info.size, modifiedAt: info.mtime });
  }
  return files.sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime() || a.name.localeCompare(b.name));
}

/**
 * Deletes exports last written before `exportsBefore`, and temporary files (left by a run that was
 * killed) last touched before `temporaryBefore`. Returns the exports deleted.
 */
export async function deleteOldExports(exportsBefore: Date, temporaryBefore: Date): Promise<{ exports: string[]; temporary: number }> {
  const names = await readdir(exportsDir()).catch(() => [] as string[]);
  const deleted = { exports: [] as string[], temporary: 0 };
  for (const name of names) {
    const isExport = EXPORT_NAME.test(name);
    if (!isExport && !TEMPORARY_NAME.test(name)) continue;
    const file = path.join(exportsDir(), name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || info.mtime >= (isExport ? exportsBefore : temporaryBefore)) continue;
    await unlink(file);
    if (isExport) deleted.exports.push(name);
    else deleted.temporary++;
  }
  return deleted;
}
