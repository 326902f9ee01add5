import type { Role } from '@prisma/client';
import { visibleJson } from '../actions/field-visibility.js';
import { db } from '../db/client.js';

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
    reason: e.reason,
    before: visibleJson(role, e.before),
    after: visibleJson(role, e.after),
  }));
}
