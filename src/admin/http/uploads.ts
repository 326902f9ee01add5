// Request bodies of the back office's own API (AdminJS's forms and our pages): parsed only for signed-in
// users (this runs after the sign-in check), files accepted only by the actions that take them, sizes
// and counts bounded, and every temporary file deleted when the request ends, whatever happened.
import { unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';

// formidable 1.x, the parser @adminjs/express uses, loaded as express-formidable's own dependency.
interface IncomingForm {
  maxFileSize: number;
  maxFields: number;
  maxFieldsSize: number;
  multiples: boolean;
  on(event: 'fileBegin', listener: (name: string, file: { path: string }) => void): void;
  parse(request: IncomingMessage, done: (error: Error | null, fields: Record<string, unknown>, files: Record<string, unknown>) => void): void;
  _error(error: Error): void;
}
const requireFromExpressFormidable = createRequire(createRequire(import.meta.url).resolve('express-formidable'));
const formidable = requireFromExpressFormidable('formidable') as { IncomingForm: new () => IncomingForm };

export interface UploadLimits {
  /** Largest file, in bytes. */
  maxFileBytes: number;
  /** Most files in one request. */
  maxFiles: number;
}

export class BodyRefused extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** `acceptsFiles(path)` says whether the route (relative to the back office's root) is one that takes files. */
export function parseBodies(limits: UploadLimits, acceptsFiles: (path: string) => boolean): RequestHandler {
  return (request, response, next) => {
    if (request.method === 'GET' || request.method === 'HEAD') return next();
    const temporaryFiles: string[] = [];
    response.once('close', () => {
      for (const file of temporaryFiles) unlink(file).catch(() => undefined);
    });
    const filesAllowed = acceptsFiles(request.path);
    const form = new formidable.IncomingForm();
    form.maxFileSize = limits.maxFileBytes;
    form.maxFields = 500;
    form.maxFieldsSize = 2 * 1024 * 1024;
    form.multiples = false;
    let refused: BodyRefused | undefined;
    form.on('fileBegin', (_name, file) => {
      temporaryFiles.push(file.path);
      if (!filesAllowed) refused ??= new BodyRefused(400, 'This page does not take files.');
      else if (temporaryFiles.length > limits.maxFiles) refused ??= new BodyRefused(413, `Send at most ${limits.maxFiles} files at once.`);
      if (refused) form._error(refused);
    });
    form.parse(request, (error, fields, files) => {
      if (refused || error) return next(refused ?? asBodyError(error!, limits));
      Object.assign(request, { fields, files, express_formidable: { parsed: true } });
      next();
    });
  };
}

function asBodyError(error: Error, limits: UploadLimits): BodyRefused {
  if (/maxFileSize/.test(error.message)) return new BodyRefused(413, `A file may be at most ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB.`);
  if (/maxFields|maxFieldsSize/.test(error.message)) return new BodyRefused(413, 'The form is too large.');
  if (/content-type/i.test(error.message)) return new BodyRefused(415, 'The form was sent in a format the back office does not read.');
  return new BodyRefused(400, 'The form could not be read. Reload the page and try again.');
}
