// Writing a streamed file to a response: wait while the reader is slower than us, and stop when the
// person cancels the download (the response closes) instead of waiting for a drain that never comes.
import type { Writable } from 'node:stream';

export class DownloadCancelled extends Error {
  constructor() {
    super('The download was cancelled.');
  }
}

export function writeChunk(out: Writable, chunk: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.destroyed) return reject(new DownloadCancelled());
    if (out.write(chunk)) return resolve();
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

/** Waits until `out` has room again (for writers that write to it themselves, such as a spreadsheet's zip). */
export function roomIn(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.destroyed) return reject(new DownloadCancelled());
    if (!out.writableNeedDrain) return resolve();
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
