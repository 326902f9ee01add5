// "Download" on every back-office list: the list as CSV or xlsx with its current filters and sort,
// streamed from the database (./list-export-query.ts), holding only what the signed-in role may see.
// The drawer (components/list-download.tsx) asks for the count first; the file is a plain GET of the
// same action with `format`.
import { Filter, flat, type Action, type ActionHandler, type ActionResponse, type IsFunction, type RecordJSON } from 'adminjs';
import type { Response } from 'express';
import { recordListExport } from '../../actions/lists/record-list-export.js';
import { cursorBatches } from '../../reports/exports/cursor-batches.js';
import { DownloadCancelled } from '../../reports/csv/write-chunk.js';
import { writeListFile, type ListFormat } from '../../reports/lists/list-file.js';
import { actorFromAdmin } from '../actor.js';
import { labels, propertyLabels } from '../labels.js';
import { Components } from '../components/index.js';
import type { EcfResource } from '../prisma-resource.js';
import { visibleRecordJson } from '../record-visibility.js';
import { listExportQuery, sentenceCase, type ListExportColumn } from './list-export-query.js';

const CONTENT_TYPES: Record<ListFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const fileName = (resourceName: string, format: ListFormat, at: Date) =>
  `${resourceName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'list'}-${at.toISOString().slice(0, 10)}.${format}`;

/**
 * Rows whose values are JSON (an audit event's before and after) go through the same rule as the record's
 * page (src/admin/record-visibility.ts); other columns a role may not see are not selected at all.
 */
function visibleRows(resource: EcfResource, columns: ListExportColumn[], currentAdmin: Parameters<typeof visibleRecordJson>[2]) {
  const needsRule = columns.some((column) => column.kind === 'json');
  return async function* (batches: AsyncIterable<unknown[][]>): AsyncGenerator<unknown[][]> {
    for await (const batch of batches) {
      if (!needsRule) {
        yield batch;
        continue;
      }
      yield batch.map((row) => {
        const record = Object.fromEntries(columns.map((column, i) => [column.property, row[i]]));
        const params = visibleRecordJson(resource, { params: flat.flatten(record) } as RecordJSON, currentAdmin).params;
        const shown = flat.unflatten(params) as Record<string, unknown>;
        return columns.map((column) => shown[column.property] ?? null);
      });
    }
  };
}

const handler: ActionHandler<ActionResponse> = async (request, response, context) => {
  const resource = context.resource as EcfResource;
  const query = (request.query ?? {}) as Record<string, unknown>;
  const format = query.format === 'csv' || query.format === 'xlsx' ? query.format : undefined;
  if (!format) {
    const { filters = {} } = flat.unflatten(query) as { filters?: Record<string, unknown> };
    return { total: await resource.count(new Filter(filters, resource)) };
  }
  const { currentAdmin } = context;
  const exported = listExportQuery(resource, query, currentAdmin, (property) => propertyLabels[property] ?? sentenceCase(property));
  await recordListExport(actorFromAdmin(currentAdmin), {
    resource: resource.id(), format, filters: exported.filters, sort: exported.sort,
  });
  const out = response as Response;
  out.status(200).set({
    'Content-Type': CONTENT_TYPES[format],
    'Content-Disposition': `attachment; filename="${fileName(labels[resource.id()] ?? resource.id(), format, new Date())}"`,
    'Cache-Control': 'no-store',
  });
  try {
    await writeListFile(format, exported.columns, visibleRows(resource, exported.columns, currentAdmin)(cursorBatches(exported.sql)), out);
  } catch (error) {
    // The person cancelled the download: nothing is left to answer.
    if (error instanceof DownloadCancelled || out.destroyed) return undefined as unknown as ActionResponse;
    if (!out.headersSent) throw error;
    out.destroy(error as Error);
  }
  return undefined as unknown as ActionResponse;
};

/** The list's download action, for everyone who may read the list. */
export function listDownloadAction(isAccessible: IsFunction): Partial<Action<ActionResponse>> {
  return {
    actionType: 'resource',
    icon: 'Download',
    showInDrawer: true,
    component: Components.ListDownload,
    isAccessible,
    handler,
  };
}
