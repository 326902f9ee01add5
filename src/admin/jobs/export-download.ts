// Streams a finished export to the signed-in finance user. Reached only through the Jobs page's
// AdminJS API route (GET <admin root>/api/pages/jobs?download=<file>), so AdminJS's own session check
// runs first and the role is the user's current one; the action re-checks `exports.download`, accepts
// only a file of the export store, and records the download. Never served from a static path.
import { pipeline } from 'node:stream/promises';
import type { CurrentAdmin } from 'adminjs';
import type { Response } from 'express';
import { asActionError } from '../../actions/errors.js';
import { recordExportDownload } from '../../actions/jobs/record-export-download.js';
import { actorFromAdmin } from '../actor.js';

export async function sendExport(admin: CurrentAdmin | undefined, file: string, response: Response): Promise<void> {
  let download;
  try {
    download = await recordExportDownload(actorFromAdmin(admin), { file });
  } catch (error) {
    const refusal = asActionError(error);
    if (!refusal) throw error;
    response.status(refusal.code === 'NOT_FOUND' ? 404 : refusal.code === 'FORBIDDEN' ? 403 : 400).type('text/plain').send(refusal.message);
    return;
  }
  response.set({
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Length': String(download.bytes),
    'Content-Disposition': `attachment; filename="${download.name}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  await pipeline(download.content, response);
}
