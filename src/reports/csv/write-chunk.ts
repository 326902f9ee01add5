// Writing a streamed file to a response: wait while the reader is slower than us, and stop when the
// person cancels the download (the response closes) instead of waiting for a drain that never comes.
import type { Writable } from 'node:stream';

export class DownloadCancelled extends Error {
  constructor() {
    super('The download was cancelled.');
  }
}

/** Resolves when `out` drains, rejects when it closes first. */
function drainOf(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', drained);
      out.off('close', closed);
      if (error) reject(error);
      else resolve();
    };
    const drained = () => done();
    const closed = () => done(new DownloadCancelled());
    out.once('drain', drained);
    out.once('close', closed);
  });
}

export async function writeChunk(out: Writable, chunk: string | Buffer): Promise<void> {
  if (out.destroyed) throw new DownloadCancelled();
  if (!out.write(chunk)) await drainOf(out);
}

/** Waits until `out` has room again (for writers that write to it themselves, such as a spreadsheet's zip). */
export async function roomIn(out: Writable): Promise<void> {
  if (out.destroyed) throw new DownloadCancelled();
  if (out.writableNeedDrain) await drainOf(out);
}
