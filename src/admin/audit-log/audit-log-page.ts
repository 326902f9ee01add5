// The back office's "Audit log" page: every audit event the role may read, searched by who, what, which
// record (by its title) and when, a page at a time; the same search as CSV (GET ?download=csv); and the
// person's own saved searches (POST op=saveFilter / deleteFilter). One handler behind AdminJS's session;
// who may open it: src/admin/page-access.ts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdminPage, ComponentLoader, PageHandler } from 'adminjs';
import type { Response } from 'express';
import { deleteSavedFilter } from '../../actions/saved-filters/delete-saved-filter.js';
import { findSavedFilters } from '../../actions/saved-filters/find-saved-filters.js';
import { AUDIT_LOG_LIST } from '../../actions/saved-filters/saved-filter-lists.js';
import { saveFilter } from '../../actions/saved-filters/save-filter.js';
import { db } from '../../db/client.js';
import { auditLogCountQuery, auditLogQuery, cleanAuditLogFilter, type AuditLogRow } from '../../reports/audit-log/audit-log-query.js';
import { eventKinds } from '../../reports/audit-log/event-words.js';
import { actorFromAdmin } from '../actor.js';
import { mayOpenPage } from '../page-access.js';
import { runPageOperation, said, type OperationReply, type PageOperation } from '../pages/page-operations.js';
import { roleOf } from '../rbac.js';
import { sendAuditLogCsv } from './audit-log-download.js';
import { auditLogEntry, titledSubjectTypes } from './audit-log-rows.js';

export const AUDIT_LOG_PAGE = 'auditLog';
const COMPONENT = 'AuditLogPage';
const PER_PAGE = 50;
/** Counting stops here: "more than 10,000" says enough, and a full count of a large log reads all of it. */
const COUNT_CAP = 10_000;

const here = path.dirname(fileURLToPath(import.meta.url));

export function registerAuditLogComponent(loader: ComponentLoader): void {
  loader.add(COMPONENT, path.join(here, 'audit-log-view.tsx'));
}

type Params = Record<string, unknown>;
interface PageRequest { method?: string; query?: Params; payload?: Params; ip?: string }

type Ctx = ReturnType<typeof actorFromAdmin>;

const OPERATIONS: Record<string, PageOperation<Ctx, Params, OperationReply>> = {
  async saveFilter(ctx, payload) {
    const saved = await saveFilter(ctx, { list: AUDIT_LOG_LIST, name: payload.name, query: cleanAuditLogFilter(payload) });
    return said(`Filter "${saved.name}" saved.`);
  },
  async deleteFilter(ctx, payload) {
    await deleteSavedFilter(ctx, { id: payload.id });
    return said('Saved filter deleted.');
  },
};

export const auditLogHandler: PageHandler = async (req, res, context) => {
  const request = req as PageRequest;
  const role = roleOf(context.currentAdmin);
  if (!mayOpenPage(role, AUDIT_LOG_PAGE)) return { allowed: false };
  const rootPath = context._admin.options.rootPath ?? '/admin';
  const ctx = actorFromAdmin(context.currentAdmin, request.ip);
  const query = request.query ?? {};
  const filter = cleanAuditLogFilter(query);
  if (query.download === 'csv') {
    await sendAuditLogCsv(context.currentAdmin, filter, rootPath, request.ip, res as Response);
    return undefined;
  }
  const payload = request.payload ?? {};
  const { notice } = request.method === 'post' ? await runPageOperation(OPERATIONS, payload.op, ctx, payload) : { notice: undefined };
  const page = Math.max(1, Math.min(10_000, Number.parseInt(String(query.page ?? '1'), 10) || 1));
  const titled = titledSubjectTypes(role);
  const [rows, [{ count }], savedFilters] = await Promise.all([
    db().$queryRaw<AuditLogRow[]>`${auditLogQuery(filter, titled)} LIMIT ${PER_PAGE} OFFSET ${(page - 1) * PER_PAGE}`,
    db().$queryRaw<{ count: number }[]>(auditLogCountQuery(filter, titled, COUNT_CAP + 1)),
    findSavedFilters(ctx, { list: AUDIT_LOG_LIST }),
  ]);
  return {
    allowed: true,
    filter,
    kinds: eventKinds(),
    events: rows.map((row) => auditLogEntry(row, role, rootPath)),
    page,
    perPage: PER_PAGE,
    total: Math.min(count, COUNT_CAP),
    more: count > COUNT_CAP,
    savedFilters,
    ...(notice ? { notice } : {}),
  };
};

export const auditLogPage: AdminPage = { component: COMPONENT, icon: 'FileText', handler: auditLogHandler };
