// Finance downloads a finished export: only a user with `exports.download`, only a file of the exports
// folder, and never without an audit event saying who took which file.
import { stat } from 'node:fs/promises';
import { z } from 'zod';
import { db } from '../../db/client.js';
import { exportPath } from '../../reports/exports/export-files.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit.js';
import { requirePermission } from '../authz.js';
import { notFound } from '../errors.js';

export const RecordExportDownloadInput = z.object({ file: z.string().trim().min(1, 'Choose a file') });

export interface ExportDownload {
  file: string;
  path: string;
  bytes: number;
}

export async function recordExportDownload(ctx: ActorContext, raw: unknown): Promise<ExportDownload> {
  const input = RecordExportDownloadInput.parse(raw);
  requirePermission(ctx, 'exports.download');
  const path = exportPath(input.file);
  const info = path ? await stat(path).catch(() => null) : null;
  if (!path || !info?.isFile()) throw notFound('Export');
  await db().$transaction(async (tx) => {
    await recordAudit(tx, ctx, { action: 'export.downloaded', subjectType: 'Export', subjectId: input.file, after: { bytes: info.size } });
  });
  return { file: input.file, path, bytes: info.size };
}
