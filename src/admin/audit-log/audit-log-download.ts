// The audit log as filtered, as CSV: streamed from PostgreSQL through the shared cursor reader, each event
// as the page shows it to the role (values masked, titles only where seen), every cell made inert for
// spreadsheets by the list file writer, and the download audited as any list's is (`list.exported`).
import type { CurrentAdmin } from 'adminjs';
import type { Response } from 'express';
import { recordListExport } from '../../actions/lists/record-list-export.js';
import { AUDIT_LOG_COLUMNS, auditLogQuery, type AuditLogFilter, type AuditLogRow } from '../../reports/audit-log/audit-log-query.js';
import { changesAsText } from '../../reports/audit-log/event-words.js';
import { DownloadCancelled } from '../../reports/csv/write-chunk.js';
import { cursorBatches } from '../../reports/exports/cursor-batches.js';
import { writeListFile, type ListFileColumn } from '../../reports/lists/list-file.js';
import { actorFromAdmin } from '../actor.js';
import { roleOf } from '../rbac.js';
import { auditLogEntry, titledSubjectTypes } from './audit-log-rows.js';

const COLUMNS: ListFileColumn[] = [
  { label: 'When', kind: 'datetime' }, { label: 'Who', kind: 'text' }, { label: 'Name', kind: 'text' }, { label: 'What', kind: 'text' },
  { label: 'Event', kind: 'text' }, { label: 'Record', kind: 'text' }, { label: 'Kind of record', kind: 'text' }, { label: 'Changes', kind: 'text' },
  { label: 'Reason', kind: 'text' },
];

export async function sendAuditLogCsv(currentAdmin: CurrentAdmin | undefined, filter: AuditLogFilter, rootPath: string, ip: string | undefined, out: Response): Promise<void> {
  const role = roleOf(currentAdmin);
  await recordListExport(actorFromAdmin(currentAdmin, ip), {
    resource: 'AuditEvent', format: 'csv', filters: { ...filter }, sort: { sortBy: 'createdAt', direction: 'desc' },
  });
  const titled = titledSubjectTypes(role);
  async function* rows(): AsyncGenerator<unknown[][]> {
    for await (const batch of cursorBatches(auditLogQuery(filter, titled), 1000)) {
      yield batch.map((cells) => {
        const entry = auditLogEntry(Object.fromEntries(AUDIT_LOG_COLUMNS.map((column, i) => [column, cells[i]])) as unknown as AuditLogRow, role, rootPath);
        return [new Date(entry.at), entry.who.label, entry.who.name, entry.what.words, entry.what.action, entry.record.title, entry.record.kind, changesAsText(entry.changes), entry.reason];
      });
    }
  }
  out.status(200).set({
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  try {
    await writeListFile('csv', COLUMNS, rows(), out);
  } catch (error) {
    if (error instanceof DownloadCancelled || out.destroyed) return;
    if (!out.headersSent) throw error;
    out.destroy(error as Error);
  }
}
