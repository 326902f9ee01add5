// The audit log as people search it, in SQL: who (a person's name or email, a lead provider's or portal
// user's, a system job's label), what (one kind of event), which record (its title, ./subject-titles.ts) and
// when (a date range, days as people in England count them), newest first. The page reads one page of it
// and a capped count; the download streams the same query through a cursor. Nothing loads the table: each
// filter narrows on an index of audit_events (action, actorId, subject, createdAt).
import { Prisma } from '@prisma/client';
import { SUBJECT_TITLES } from './subject-titles.js';

export interface AuditLogFilter {
  who?: string;
  /** An event's name, e.g. `school.updated`. */
  what?: string;
  record?: string;
  /** Days, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
}

export interface AuditLogRow {
  id: string;
  createdAt: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  subjectTitle: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** The columns of a row, in order (the download reads rows as arrays). */
export const AUDIT_LOG_COLUMNS = ['id', 'createdAt', 'actorType', 'actorId', 'actorLabel', 'actorName', 'action', 'subjectType', 'subjectId', 'subjectTitle', 'before', 'after', 'reason'] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID_TEXT = Prisma.raw(`'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'`);
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

const validDay = (text: string | undefined) => (text && DAY.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ? text : undefined);

/** The filter as given, with anything unusable left out (a date that is not a date, empty text). */
export function cleanAuditLogFilter(raw: Record<string, unknown>): AuditLogFilter {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : undefined);
  const filter: AuditLogFilter = { who: text(raw.who), what: text(raw.what), record: text(raw.record), from: validDay(text(raw.from)), to: validDay(text(raw.to)) };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as AuditLogFilter;
}

function conditions(filter: AuditLogFilter, titled: readonly string[]): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (filter.what) where.push(Prisma.sql`e.action = ${filter.what}`);
  if (filter.who) {
    const like = likePattern(filter.who);
    // People and providers by their records (the actorId index); jobs and the CLI by their label.
    where.push(Prisma.sql`(e."actorId" IN (
        SELECT id::text FROM users WHERE "fullName" ILIKE ${like} OR email ILIKE ${like}
        UNION ALL SELECT id::text FROM portal_users WHERE "fullName" ILIKE ${like} OR email ILIKE ${like}
        UNION ALL SELECT id::text FROM cpd_lead_providers WHERE name ILIKE ${like})
      OR (e."actorId" IS NULL AND e."actorLabel" ILIKE ${like}))`);
  }
  if (filter.record) {
    const like = likePattern(filter.record);
    const searchable = titled.filter((type) => Object.hasOwn(SUBJECT_TITLES, type));
    where.push(searchable.length
      ? Prisma.sql`(${Prisma.join(searchable.map((type) => Prisma.sql`(e."subjectType" = ${type} AND e."subjectId" IN (SELECT s.id::text FROM (${Prisma.raw(SUBJECT_TITLES[type].sql)}) s WHERE s.title ILIKE ${like}))`), ' OR ')})`
      : Prisma.sql`FALSE`);
  }
  if (filter.from) where.push(Prisma.sql`e."createdAt" >= ((${filter.from}::date)::timestamp AT TIME ZONE 'Europe/London') AT TIME ZONE 'UTC'`);
  if (filter.to) where.push(Prisma.sql`e."createdAt" < ((${filter.to}::date + 1)::timestamp AT TIME ZONE 'Europe/London') AT TIME ZONE 'UTC'`);
  return where;
}

const whereOf = (filter: AuditLogFilter, titled: readonly string[]) => {
  const where = conditions(filter, titled);
  return where.length ? Prisma.join(where, ' AND ') : Prisma.sql`TRUE`;
};

/** The title of each event's record, for the subject types whose titles the reader may see (`titled`). */
function titleColumn(titled: readonly string[]): Prisma.Sql {
  const shown = titled.filter((type) => Object.hasOwn(SUBJECT_TITLES, type));
  if (!shown.length) return Prisma.sql`NULL::text`;
  const branches = shown.map((type) =>
    Prisma.sql`WHEN ${type} THEN (SELECT s.title FROM (${Prisma.raw(SUBJECT_TITLES[type].sql)}) s WHERE s.id = e."subjectId"::uuid)`);
  // Only ids that are uuids are looked up (a job's or an export's subject is a name).
  return Prisma.sql`CASE WHEN e."subjectId" ~ ${UUID_TEXT} THEN CASE e."subjectType" ${Prisma.join(branches, ' ')} END END`;
}

/** Every matching event, newest first; `titled`: the subject types whose titles the reader may see. */
export function auditLogQuery(filter: AuditLogFilter, titled: readonly string[]): Prisma.Sql {
  return Prisma.sql`SELECT e.id::text, e."createdAt", e."actorType"::text, e."actorId", e."actorLabel",
      CASE WHEN e."actorType" = 'user' AND e."actorId" ~ ${UUID_TEXT} THEN (SELECT u."fullName" FROM users u WHERE u.id = e."actorId"::uuid) END AS "actorName",
      e.action, e."subjectType", e."subjectId", ${titleColumn(titled)} AS "subjectTitle", e.before, e.after, e.reason
    FROM audit_events e WHERE ${whereOf(filter, titled)}
    ORDER BY e."createdAt" DESC, e.id DESC`;
}

/** How many events match, counting at most `cap` (a count of a huge log would read it all). */
export function auditLogCountQuery(filter: AuditLogFilter, titled: readonly string[], cap: number): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS count FROM (SELECT 1 FROM audit_events e WHERE ${whereOf(filter, titled)} LIMIT ${cap}) matched`;
}
