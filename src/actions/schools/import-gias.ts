// The school data refresh from Get Information about Schools: GIAS's "all establishments" file adds the
// schools we lack, closes those GIAS closed, and updates changed fields. A preview compares and writes
// nothing; an apply compares again and writes everything, with one audit event per school, or nothing
// (src/actions/imports/run-import.ts: a file with any error is refused, ImportRefused).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Prisma } from '@prisma/client';
import type { Tx } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { auditEventsFromRowsSql, writeAuditSql } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { inputRefused } from '../errors.js';
import type { ImportProblem } from '../imports/import-refused.js';
import { prismaTransaction } from '../imports/import-transaction.js';
import { runImport } from '../imports/run-import.js';
import { eligibleSchoolSql, OPEN_STATUS_CODES } from './eligibility.js';
import { readGiasFile, type GiasSchool } from './gias/read-gias-file.js';
import { auditEvents } from '../audit/events.js';

const MAX_BYTES = 200 * 1024 * 1024;

export const ImportGiasInput = z.object({
  fileName: z.string().trim().min(1, 'Choose a file'),
  content: z.union([z.string(), z.instanceof(Uint8Array)]).refine((c) => c.length > 0, 'Choose a file').refine((c) => c.length <= MAX_BYTES, 'The file is larger than 200 MB'),
  mode: z.enum(['preview', 'apply']).default('preview'),
});

export const GIAS_IMPORTED = 'gias.imported' as const;

/** The fields a refresh compares (and writes), as the file and the schools table name them. */
const COMPARED = [
  ['name', 'EstablishmentName'], ['schoolTypeCode', 'TypeOfEstablishment (code)'], ['schoolStatusCode', 'EstablishmentStatus (code)'],
  ['administrativeDistrictCode', 'DistrictAdministrative (code)'], ['section41Approved', 'Section41Approved (name)'], ['ukprn', 'UKPRN'], ['postcode', 'Postcode'],
] as const;
type Compared = (typeof COMPARED)[number][0];
/** Descriptions kept beside their codes; a file without them leaves ours as they are. */
const DESCRIPTIONS = ['schoolTypeName', 'schoolStatusName', 'administrativeDistrictName', 'localAuthorityCode', 'localAuthorityName'] as const;

export interface GiasChange {
  urn: string;
  name: string;
  line: number;
  eligibleBefore: boolean;
  eligibleAfter: boolean;
  fields: { field: Compared; column: string; before: string; after: string }[];
}

export interface GiasImportResult {
  applied: boolean;
  file: string;
  rows: number;
  toAdd: { urn: string; name: string; line: number; eligible: boolean }[];
  toClose: GiasChange[];
  changed: GiasChange[];
  unchanged: number;
  /** Closed establishments we never had: left out. */
  closedNotAdded: number;
  errors: ImportProblem[];
}

export async function importGias(ctx: ActorContext, raw: unknown): Promise<GiasImportResult> {
  const parsed = ImportGiasInput.safeParse(raw);
  if (!parsed.success) {
    throw inputRefused(parsed.error, 'Choose the GIAS file');
  }
  const { fileName, content, mode } = parsed.data;
  requirePermission(ctx, 'schools.edit');
  return runImport(ctx, mode, {
    lock: [GIAS_IMPORTED],
    transaction: prismaTransaction(),
    read: () => readGiasFile(fileName, content),
    stage: async (tx, file) => {
      await stage(tx, file.schools);
      return file;
    },
    compare: async (tx, file) => ({ applied: false, file: fileName, rows: file.rowCount, ...(await compare(tx)), errors: file.errors }),
    problems: (result) => result.errors,
    apply: (tx) => write(tx, ctx, fileName),
    audit: (_file, result) => auditEvents.giasImported({
      subjectId: randomUUID(),
      after: { file: fileName, rows: result.rows, added: result.toAdd.length, closed: result.toClose.length, changed: result.changed.length, unchanged: result.unchanged },
      reason: `School data refresh from GIAS file ${fileName}`,
    }),
  });
}

async function stage(tx: Tx, schools: GiasSchool[]): Promise<void> {
  await tx.$executeRaw`CREATE TEMP TABLE gias_import (
    line int, urn text PRIMARY KEY, name text, "schoolTypeCode" int, "schoolTypeName" text, "schoolStatusCode" int, "schoolStatusName" text,
    "administrativeDistrictCode" text, "administrativeDistrictName" text, "localAuthorityCode" text, "localAuthorityName" text,
    "section41Approved" boolean, ukprn text, postcode text) ON COMMIT DROP`;
  const col = <K extends keyof GiasSchool>(key: K) => schools.map((s) => s[key]);
  await tx.$executeRaw`INSERT INTO gias_import SELECT * FROM unnest(
    ${col('line')}::int[], ${col('urn')}::text[], ${col('name')}::text[], ${col('schoolTypeCode')}::int[], ${col('schoolTypeName')}::text[],
    ${col('schoolStatusCode')}::int[], ${col('schoolStatusName')}::text[], ${col('administrativeDistrictCode')}::text[],
    ${col('administrativeDistrictName')}::text[], ${col('localAuthorityCode')}::text[], ${col('localAuthorityName')}::text[],
    ${col('section41Approved')}::boolean[], ${col('ukprn')}::text[], ${col('postcode')}::text[])`;
}

const quoted = (alias: string, field: string) => Prisma.raw(`${alias}."${field}"`);
const tuple = (alias: string) => Prisma.join(COMPARED.map(([field]) => quoted(alias, field)));
const DIFFERS = Prisma.sql`(${tuple('s')}) IS DISTINCT FROM (${tuple('g')})`;

interface ChangeRow { line: number; urn: string; before: Record<Compared, unknown>; after: Record<Compared, unknown>; eligibleBefore: boolean; eligibleAfter: boolean }

/** The compared fields of a school row as JSON (for the preview and the audit trail). */
const json = (alias: string) => Prisma.sql`jsonb_build_object(${Prisma.join(COMPARED.map(([field]) => Prisma.sql`${field}::text, ${quoted(alias, field)}`))})`;

async function compare(tx: Tx): Promise<Pick<GiasImportResult, 'toAdd' | 'toClose' | 'changed' | 'unchanged' | 'closedNotAdded'>> {
  const changes = await tx.$queryRaw<ChangeRow[]>`
    SELECT g.line, g.urn, ${json('s')} AS before, ${json('g')} AS after,
           ${eligibleSchoolSql('s')} AS "eligibleBefore", ${eligibleSchoolSql('g')} AS "eligibleAfter"
      FROM gias_import g JOIN schools s ON s.urn = g.urn WHERE ${DIFFERS} ORDER BY g.line`;
  const toAdd = await tx.$queryRaw<{ urn: string; name: string; line: number; eligible: boolean }[]>`
    SELECT g.urn, g.name, g.line, ${eligibleSchoolSql('g')} AS eligible
      FROM gias_import g WHERE g."schoolStatusCode" <> 2 AND NOT EXISTS (SELECT 1 FROM schools s WHERE s.urn = g.urn) ORDER BY g.line`;
  const [counts] = await tx.$queryRaw<{ matched: bigint; closedNotAdded: bigint }[]>`
    SELECT (SELECT count(*) FROM gias_import g JOIN schools s ON s.urn = g.urn) AS matched,
           (SELECT count(*) FROM gias_import g WHERE g."schoolStatusCode" = 2 AND NOT EXISTS (SELECT 1 FROM schools s WHERE s.urn = g.urn)) AS "closedNotAdded"`;

  const toClose: GiasChange[] = [];
  const changed: GiasChange[] = [];
  for (const row of changes) {
    const change: GiasChange = {
      urn: row.urn, name: String(row.after.name), line: row.line, eligibleBefore: row.eligibleBefore, eligibleAfter: row.eligibleAfter,
      fields: COMPARED.filter(([field]) => String(row.before[field] ?? '') !== String(row.after[field] ?? ''))
        .map(([field, column]) => ({ field, column, before: shown(row.before[field]), after: shown(row.after[field]) })),
    };
    const closing = row.after.schoolStatusCode === 2 && OPEN_STATUS_CODES.includes(Number(row.before.schoolStatusCode));
    (closing ? toClose : changed).push(change);
  }
  return { toAdd, toClose, changed, unchanged: Number(counts.matched) - changes.length, closedNotAdded: Number(counts.closedNotAdded) };
}

const shown = (value: unknown) => (value === null || value === undefined || value === '' ? '(blank)' : String(value));

async function write(tx: Tx, ctx: ActorContext, fileName: string): Promise<void> {
  const reason = `School data refresh from GIAS file ${fileName}`;
  // The audit events first, while the schools still hold their old values.
  await writeAuditSql(tx, auditEventsFromRowsSql(ctx, 'school.updated_from_gias', 'School', Prisma.sql`
    SELECT s.id::text AS "subjectId", ${json('s')} AS before, ${json('g')} AS after, ${reason}::text AS reason
      FROM gias_import g JOIN schools s ON s.urn = g.urn WHERE ${DIFFERS}`));
  const descriptions = Prisma.raw(DESCRIPTIONS.map((field) => `"${field}" = COALESCE(g."${field}", s."${field}")`).join(', '));
  const fromFile = Prisma.raw(COMPARED.map(([field]) => `"${field}" = g."${field}"`).join(', '));
  await tx.$executeRaw`UPDATE schools s SET ${fromFile},
      ${descriptions}, "updatedAt" = now()
    FROM gias_import g WHERE s.urn = g.urn AND ${DIFFERS}`;
  const all = ['urn', ...COMPARED.map(([field]) => field), ...DESCRIPTIONS];
  const columns = Prisma.raw(all.map((field) => `"${field}"`).join(', '));
  const values = Prisma.raw(all.map((field) => `g."${field}"`).join(', '));
  const added = Prisma.sql`added AS (
      INSERT INTO schools (id, ${columns}, "updatedAt")
      SELECT gen_random_uuid(), ${values}, now() FROM gias_import g
       WHERE g."schoolStatusCode" <> 2 AND NOT EXISTS (SELECT 1 FROM schools s WHERE s.urn = g.urn)
      RETURNING id, ${json('schools')} AS after)`;
  await writeAuditSql(tx, auditEventsFromRowsSql(ctx, 'school.created_from_gias', 'School', Prisma.sql`
    SELECT added.id::text AS "subjectId", NULL::jsonb AS before, added.after, ${reason}::text AS reason FROM added`, added));
}
