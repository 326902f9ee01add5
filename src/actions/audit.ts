// Every write records who did what to which record, before and after, inside the same transaction
// as the write itself: a rolled-back change leaves no event, and no change is left without one.
import type { Prisma } from '@prisma/client';
import type { Tx } from '../db/client.js';
import { actorId, actorLabel, type ActorContext } from './actor.js';

export interface AuditEntry {
  /** Dotted verb, e.g. `school.updated`, `partnership.challenged`. */
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Decimals, dates and bigints become JSON the way a reader expects (exact strings, ISO dates). */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

/** Only the fields that changed, so the timeline reads as a diff. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

export async function recordAudit(tx: Tx, ctx: ActorContext, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorType: ctx.actor.kind,
      actorId: actorId(ctx.actor),
      actorLabel: actorLabel(ctx.actor),
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      before: toJson(entry.before),
      after: toJson(entry.after),
      reason: entry.reason ?? null,
    },
  });
}
