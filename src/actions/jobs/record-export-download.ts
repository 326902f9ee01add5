// Finance downloads a finished export: only a user with `exports.download`, only a file of the export
// store, and never without an audit event saying who took which file.
import { z } from 'zod';
import { db } from '../../db/client.js';
import { exportStore, type OpenExport } from '../../reports/exports/export-store.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { notFound } from '../errors.js';
import { auditEvents } from '../audit/events.js';

export const RecordExportDownloadInput = z.object({ file: z.string().trim().min(1, 'Choose a file') });

/** The export opened for reading (the caller streams `content` and must consume or destroy it). */
export async function recordExportDownload(ctx: ActorContext, raw: unknown): Promise<OpenExport> {
  const input = RecordExportDownloadInput.parse(raw);
  requirePermission(ctx, 'exports.download');
  const opened = await exportStore().open(input.file);
  if (!opened) throw notFound('Export');
  try {
    await db().$transaction(async (tx) => {
      await recordAudit(tx, ctx, auditEvents.exportDownloaded({ subjectId: opened.name, after: { bytes: opened.bytes } }));
    });
  } catch (error) {
    opened.content.destroy();
    throw error;
  }
  return opened;
}
