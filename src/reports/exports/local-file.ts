// A file on this machine written whole or not at all (the CLI's --out files): written under a hidden
// temporary name beside the target, flushed to disk, then renamed over any previous version.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';

/** Writes `target` through `write` (which must end the stream it is given). */
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
