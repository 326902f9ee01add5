// Every write records who did what to which record, before and after, inside the same transaction
// as the write itself: a rolled-back change leaves no event, and no change is left without one.
// One way to write events, whichever connection the write runs on: Prisma's transaction client or a
// plain pg connection (an import's own), one event, many, or one per row of a query.
import { Prisma } from '@prisma/client';
import type pg from 'pg';
import type { Tx } from '../../db/client.js';
import { actorId, actorLabel, type ActorContext } from '../actor.js';
import { AUDIT_EVENTS, type AuditAction, type AuditEvent } from './events.js';

export type { AuditEvent } from './events.js';

/** Where events are written: the transaction of the write they record. */
export type AuditWriter = Tx | Pick<pg.ClientBase, 'query'>;

/** Timestamps as Prisma stores them (UTC in `timestamp without time zone`), distinct within a transaction. */
const NOW = Prisma.sql`clock_timestamp() AT TIME ZONE 'UTC'`;

const COLUMNS = Prisma.sql`(id, "actorType", "actorId", "actorLabel", "ipAddress", action, "subjectType", "subjectId", before, after, reason, "createdAt")`;

/** Who acted, from where: the first columns of every event. */
const actorValues = ({ actor, ip }: ActorContext) =>
  Prisma.sql`gen_random_uuid(), ${actor.kind}::"ActorType", ${actorId(actor)}::text, ${actorLabel(actor)}::text, ${ip ?? null}::text`;

/** Decimals, dates and bigints become JSON the way a reader expects (exact strings, ISO dates). */
function toJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v)));
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

/** The INSERT of `events` by `ctx`, in their order (a function scan keeps it): one statement and one parameter however many there are. */
export function auditEventsSql(ctx: ActorContext, events: readonly AuditEvent[]): Prisma.Sql {
  const rows = events.map((event) => ({
    action: event.action, subjectType: event.subjectType, subjectId: event.subjectId,
    before: toJson(event.before), after: toJson(event.after), reason: event.reason ?? null,
  }));
  return Prisma.sql`INSERT INTO audit_events ${COLUMNS}
    SELECT ${actorValues(ctx)}, e.action, e."subjectType", e."subjectId", e.before, e.after, e.reason, ${NOW}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS e(action text, "subjectType" text, "subjectId" text, before jsonb, after jsonb, reason text)`;
}

/**
 * One `action` event per row of `rows`, a query giving "subjectId" (text), before and after (jsonb) and
 * reason (text): for writes made set-wise in SQL, where PostgreSQL builds an event per row. `withClause`
 * (the CTEs `rows` reads, data-modifying ones included) goes at the top of the statement, as PostgreSQL requires.
 */
export function auditEventsFromRowsSql<A extends AuditAction>(
  ctx: ActorContext, action: A, subjectType: (typeof AUDIT_EVENTS)[A] extends readonly (infer S)[] ? S : string, rows: Prisma.Sql, withClause?: Prisma.Sql,
): Prisma.Sql {
  return Prisma.sql`${withClause ? Prisma.sql`WITH ${withClause}` : Prisma.empty}
    INSERT INTO audit_events ${COLUMNS}
    SELECT ${actorValues(ctx)}, ${action}::text, ${subjectType}::text, r."subjectId", r.before, r.after, r.reason, ${NOW}
      FROM (${rows}) AS r`;
}

/** Runs an audit INSERT on either kind of connection. */
export async function writeAuditSql(writer: AuditWriter, sql: Prisma.Sql): Promise<void> {
  if ('$executeRaw' in writer) await writer.$executeRaw(sql);
  else await writer.query(sql.text, sql.values);
}

/** Records `events`, by `ctx`, in the transaction of `writer`. */
export async function recordAudit(writer: AuditWriter, ctx: ActorContext, ...events: AuditEvent[]): Promise<void> {
  if (events.length > 0) await writeAuditSql(writer, auditEventsSql(ctx, events));
}
