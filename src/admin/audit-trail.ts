import type { Role } from '@prisma/client';
import { db } from '../db/client.js';
import { eventSummary } from './audit-log/audit-log-rows.js';
import { visibleAuditValueFor } from './model-readers.js';

/** The newest events about one record, for its page, with the values `role` may see. */
export async function auditTrailFor(subjectType: string, subjectId: string, role: Role | undefined, take = 50) {
  const events = await db().auditEvent.findMany({
    where: { subjectType, subjectId },
    orderBy: { createdAt: 'desc' },
    take,
  });
  return events.map((e) => ({
    at: e.createdAt.toISOString(),
    actor: e.actorLabel,
    action: e.action,
    ...eventSummary(role, e),
    reason: e.reason,
    before: visibleAuditValueFor(role, e.subjectType, e.before),
    after: visibleAuditValueFor(role, e.subjectType, e.after),
  }));
}
