// What a record is called wherever the back office names it: its list row's link, a reference to it on
// another record's list or page, an audit event's subject and the list downloads. Most records have a
// title column of their own (a school's name); records that are only links between others (a partnership,
// a participant profile, a declaration) are named from the records they join, here, once, in SQL.
import { Prisma, type Role } from '@prisma/client';
import { seesField } from '../../actions/field-visibility.js';
import { db } from '../../db/client.js';
import { dmmfDatamodel } from '../dmmf.js';
import { mayReadModel } from '../model-readers.js';
import { enumValueInWords, enumValuesOf } from '../value-words.js';

const nameOf = (table: string, column: string, alias: string, key: string) =>
  `(SELECT x.${column} FROM ${table} x WHERE x.id = ${alias}."${key}")`;
const teacher = (alias: string) => nameOf('teachers', '"fullName"', alias, 'teacherId');
const year = (alias: string) => `(SELECT x."startYear"::text FROM cohorts x WHERE x.id = ${alias}."cohortId")`;

/** Titles made of other records' names, by model: SQL over the record's row aliased `alias`. */
const JOINED_TITLES: Partial<Record<Prisma.ModelName, (alias: string) => string>> = {
  ParticipantProfile: (a) => `${teacher(a)} || CASE WHEN ${a}.type = 'ect' THEN ' (ECT)' ELSE ' (mentor)' END`,
  Declaration: (a) => `${teacher(a)} || ', ' || ${a}."declarationType"::text`,
  Partnership: (a) => `${nameOf('schools', 'name', a, 'schoolId')} || ', ' || ${nameOf('lead_providers', 'name', a, 'leadProviderId')} || ', ' || ${year(a)}`,
  SchoolCohort: (a) => `${nameOf('schools', 'name', a, 'schoolId')} || ', ' || ${year(a)}`,
  ProviderRelationship: (a) => `${nameOf('lead_providers', 'name', a, 'leadProviderId')} || ' with ' || ${nameOf('delivery_partners', 'name', a, 'deliveryPartnerId')} || ', ' || ${year(a)}`,
  InductionRecord: (a) => `(SELECT t."fullName" FROM participant_profiles p JOIN teachers t ON t.id = p."teacherId" WHERE p.id = ${a}."participantProfileId")`
    + ` || ', from ' || to_char(${a}."startDate", 'FMDD FMMonth YYYY')`,
  PortalRole: (a) => `${nameOf('portal_users', 'email', a, 'portalUserId')} || COALESCE(', ' || ${nameOf('delivery_partners', 'name', a, 'deliveryPartnerId')},`
    + ` ', ' || ${nameOf('lead_providers', 'name', a, 'leadProviderId')}, ', ' || ${nameOf('appropriate_bodies', 'name', a, 'appropriateBodyId')}, '')`,
  ParticipantBand: (a) => `'Band ' || COALESCE(${a}.min::text, '0') || ' to ' || COALESCE(${a}.max::text, 'any')`,
};

const tableOf = (model: string) => dmmfDatamodel.models.find((m) => m.name === model)?.dbName ?? model;
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export const hasJoinedTitle = (model: string): boolean => model in JOINED_TITLES;

/**
 * A title column in SQL: an enum value in words ("Full induction programme", a programme titled by its kind), so
 * downloads and audit subjects name the record as its page does (storedValueInWords, src/admin/prisma-resource.ts).
 */
function titleColumnSql(model: string, alias: string, column: string): string {
  const values = enumValuesOf(model, column);
  const text = `${alias}.${quoted(column)}::text`;
  if (!values) return text;
  const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
  return `CASE ${text} ${values.map((v) => `WHEN ${literal(v)} THEN ${literal(enumValueInWords(v))}`).join(' ')} ELSE ${text} END`;
}

/**
 * The SQL of the title `role` may see of a `model` row aliased `alias`: a title made of other records'
 * names only for roles that may read the model (it would otherwise tell them those names), a title
 * column when the role may see that field, else the id.
 */
export function titleSql(role: Role | undefined, model: string, alias: string, titleColumn: string): string {
  const joined = JOINED_TITLES[model as Prisma.ModelName];
  if (joined) return mayShowJoinedTitle(role, model) ? `COALESCE(${joined(alias)}, ${alias}.id::text)` : `${alias}.id::text`;
  return seesField(role, model, titleColumn) ? titleColumnSql(model, alias, titleColumn) : `${alias}.id::text`;
}

export const mayShowJoinedTitle = (role: Role | undefined, model: string): boolean => mayReadModel(role, model);

/** Titles of the `model` records with `ids`, as `role` may see them. */
export async function recordTitles(role: Role | undefined, model: string, titleColumn: string, ids: string[]): Promise<Map<string, string>> {
  return titlesBy(titleSql(role, model, 'r', titleColumn), model, ids);
}

/**
 * The joined titles of `model` records (none for a model with a title column), before any role's rule:
 * the back office's records carry them and apply `mayShowJoinedTitle` for the reader (src/admin/prisma-resource.ts).
 */
export async function joinedTitles(model: string, ids: string[]): Promise<Map<string, string>> {
  const joined = JOINED_TITLES[model as Prisma.ModelName];
  return joined ? titlesBy(`COALESCE(${joined('r')}, r.id::text)`, model, ids) : new Map();
}

async function titlesBy(sql: string, model: string, ids: string[]): Promise<Map<string, string>> {
  const uuids = [...new Set(ids.map(String))].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (!uuids.length) return new Map();
  const rows = await db().$queryRaw<{ id: string; title: string | null }[]>(Prisma.sql`
    SELECT r.id::text AS id, ${Prisma.raw(sql)} AS title
    FROM ${Prisma.raw(quoted(tableOf(model)))} r WHERE r.id = ANY(${uuids}::uuid[])`);
  return new Map(rows.map((row) => [row.id, row.title ?? row.id]));
}
