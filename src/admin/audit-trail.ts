import { db } from '../db/client.js';

/** The newest events about one record, for its page. */
export async function auditTrailFor(subjectType: string, subjectId: string, take = 50) {
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
    before: e.before,
    after: e.after,
  }));
}
