// Every list downloaded from the back office leaves an audit event: who took which list, with which
// filters and sort, in which format. Recorded before the file is sent, so no file leaves without its record.
import { z } from 'zod';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { auditEvents } from '../audit/events.js';

export const RecordListExportInput = z.object({
  /** The listed kind of record (the back office's resource, e.g. Declaration). */
  resource: z.string().min(1).max(100),
  format: z.enum(['csv', 'xlsx']),
  filters: z.record(z.string(), z.unknown()),
  sort: z.object({ sortBy: z.string().max(100), direction: z.enum(['asc', 'desc']) }),
});

export async function recordListExport(ctx: ActorContext, raw: unknown): Promise<void> {
  const input = RecordListExportInput.parse(raw);
  requirePermission(ctx, 'lists.export');
  await db().$transaction(async (tx) => {
    await recordAudit(tx, ctx, auditEvents.listExported({
      subjectType: input.resource, subjectId: 'list',
      after: { format: input.format, filters: input.filters, sort: input.sort },
    }));
  });
}
