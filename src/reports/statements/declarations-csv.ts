// "Download declarations (CSV)": one row per line item of a statement, ordered by participant name,
// with the DfE's columns. Streamed in keyset batches so memory stays flat however big the statement.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Prisma } from '@prisma/client';
import { db, type Tx } from '../../db/client.js';
import { inertCellSql } from '../csv/inert-cells.js';
import { writeChunk } from '../csv/write-chunk.js';
import { openConnection } from '../../db/connection.js';
import { notFound } from '../../rules/action-error.js';
import { LATEST_INDUCTION_RECORD_ORDER } from '../../rules/latest-induction-record.js';
import { shownWithdrawalReasonSql } from '../../rules/programme-type-names.js';

const BATCH_SIZE = 2000;

/** ECF-Declarations-<lead provider>-Cohort<year>-<statement>.csv, names without non-word characters. */
export function declarationsCsvFilename(statement: { leadProviderName: string; cohortStartYear: number; name: string }): string {
  const word = (text: string) => text.replace(/\W/g, '');
  return `ECF-Declarations-${word(statement.leadProviderName)}-Cohort${statement.cohortStartYear}-${word(statement.name)}.csv`;
}

export async function statementDeclarationsCsvFilename(statementId: string, client: Tx = db()): Promise<string> {
  const statement = await client.statement.findUnique({
    where: { id: statementId },
    select: { name: true, cohort: { select: { startYear: true } }, cpdLeadProvider: { select: { name: true, leadProvider: { select: { name: true } } } } },
  });
  if (!statement) throw notFound('Statement');
  return declarationsCsvFilename({
    leadProviderName: statement.cpdLeadProvider.leadProvider?.name ?? statement.cpdLeadProvider.name,
    cohortStartYear: statement.cohort.startYear,
    name: statement.name,
  });
}

/** Writes the statement's declarations CSV to `out` and ends it; resolves with the number of rows once all are written. */
export function writeStatementDeclarationsCsv(statementId: string, out: Writable, options: { batchSize?: number } = {}): Promise<{ rows: number }> {
  const query = Prisma.sql`${declarationLinesSql(Prisma.sql`li."statementId" = ${statementId}::uuid`)} ORDER BY t."fullName", li.id`;
  return writeDeclarationRowsCsv(query, out, options);
}

/**
 * Writes the declarations CSV of any `declarationLinesSql` query (with its ORDER BY) to `out` and ends
 * it. The rows come from one server-side cursor on a connection of their own, sorted once and fetched
 * a batch at a time as `out` takes them, in one read-only snapshot: memory stays flat at any size.
 */
export async function writeDeclarationRowsCsv(
  query: Prisma.Sql,
  out: Writable,
  options: { batchSize?: number; onRows?: (rows: number) => Promise<void> } = {},
): Promise<{ rows: number }> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('batchSize must be a positive whole number');
  const client = await openConnection();
  let rows = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // The whole result is read, so plan for all rows rather than the first few.
    await client.query('SET LOCAL cursor_tuple_fraction = 1');
    await client.query(`DECLARE declaration_rows NO SCROLL CURSOR FOR ${query.text}`, query.values);
    await writeChunk(out, `${DECLARATIONS_CSV_HEADERS.join(',')}\n`);
    const fetch = () => client.query<[string]>({ text: `FETCH FORWARD ${batchSize} FROM declaration_rows`, rowMode: 'array' });
    // The next batch is asked for before this one is written, so the database works while we do.
    let next = fetch();
    try {
      for (;;) {
        const batch = await next;
        if (batch.rows.length === 0) break;
        next = fetch();
        let text = '';
        for (const [line] of batch.rows) text += `${line}\n`;
        await writeChunk(out, text);
        rows += batch.rows.length;
        await options.onRows?.(batch.rows.length);
      }
    } finally {
      await next.catch(() => {});
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  out.end();
  await once(out, 'finish');
  return { rows };
}

/** ISO 8601 to the second, as the DfE writes times ("2024-11-01T10:00:00Z"); times are stored in UTC. */
const isoSecond = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** Each column: its header, its SQL (as the text the CSV holds) and whether it may hold commas, quotes or line breaks. */
const FREE_TEXT = true;
const columns = (): [header: string, sql: Prisma.Sql, freeText?: boolean][] => [
  ['Participant ID', Prisma.sql`t.id::text`],
  ['Participant Name', Prisma.sql`t."fullName"`, FREE_TEXT],
  ['TRN', Prisma.sql`t.trn`, FREE_TEXT],
  ['Type', Prisma.sql`CASE pp.type WHEN 'ect' THEN 'ParticipantProfile::ECT' ELSE 'ParticipantProfile::Mentor' END`],
  ['Mentor Profile ID', Prisma.sql`pp."mentorProfileId"::text`],
  ['Schedule', Prisma.sql`sch."scheduleIdentifier"`, FREE_TEXT],
  ['Eligible For Funding', Prisma.sql`(pp."eligibilityStatus" = 'eligible')::text`],
  ['Eligible For Funding Reason', Prisma.sql`CASE WHEN pp."eligibilityStatus" <> 'eligible' THEN pp."eligibilityReason"::text END`, FREE_TEXT],
  ['Sparsity Uplift', Prisma.sql`pp."sparsityUplift"::text`],
  ['Pupil Premium Uplift', Prisma.sql`pp."pupilPremiumUplift"::text`],
  ['Sparsity And Pp', Prisma.sql`(pp."sparsityUplift" AND pp."pupilPremiumUplift")::text`],
  ['Lead Provider Name', Prisma.sql`lp.name`, FREE_TEXT],
  ['Delivery Partner Name', Prisma.sql`dp.name`, FREE_TEXT],
  ['School Urn', Prisma.sql`sc.urn`, FREE_TEXT],
  ['School Name', Prisma.sql`sc.name`, FREE_TEXT],
  ['Training Status', Prisma.sql`lir."trainingStatus"::text`],
  ['Training Status Reason', Prisma.sql`CASE WHEN latest_action.state = 'withdrawn' THEN ${shownWithdrawalReasonSql(Prisma.sql`latest_action.reason`)} END`, FREE_TEXT],
  ['Declaration ID', Prisma.sql`d.id::text`],
  ['Declaration Status', Prisma.sql`li.state::text`],
  ['Declaration Type', Prisma.sql`d."declarationType"::text`],
  ['Declaration Date', isoSecond(Prisma.sql`d."declarationDate"`)],
  ['Declaration Created At', isoSecond(Prisma.sql`d."createdAt"`)],
  ['Statement Name', Prisma.sql`s.name`, FREE_TEXT],
  ['Statement ID', Prisma.sql`s.id::text`],
  ['Uplift Payable', Prisma.sql`(pp."sparsityUplift" OR pp."pupilPremiumUplift")::text`],
];

export const DECLARATIONS_CSV_HEADERS = columns().map(([header]) => header);

/** Free text as the CSV holds it: never a live spreadsheet formula (src/reports/csv/inert-cells.ts). */
const cellText = (sql: Prisma.Sql, freeText?: boolean) => (freeText ? inertCellSql(sql) : sql);

/** A cell as CSV writes it: quoted only when it holds a comma, a quote or a line break; null is empty. */
const csvCell = (raw: Prisma.Sql, freeText?: boolean) => {
  const sql = cellText(raw, freeText);
  return freeText ? Prisma.sql`COALESCE(CASE WHEN ${sql} ~ '[",\r\n]' THEN '"' || replace(${sql}, '"', '""') || '"' ELSE ${sql} END, '')` : Prisma.sql`COALESCE(${sql}, '')`;
};

/**
 * The CSV's rows as one column of whole lines, for line items (of declarations of their statement's own
 * lead provider) matching `where`. `where` and the caller's ORDER BY may use the aliases li (line item),
 * s (statement), d (declaration), pp (profile) and t (teacher). The database formats every cell, so a
 * million rows cost Node one string each.
 */
export const declarationLinesSql = (where: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`SELECT ${Prisma.join(columns().map(([, sql, freeText]) => csvCell(sql, freeText)), " || ',' || ")} AS line ${declarationsFrom(where)}`;

/** The same rows as the CSV's columns, named by its headers: COPY of this query writes the same bytes as we do. */
export const declarationColumnsSql = (where: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`SELECT ${Prisma.join(columns().map(([header, sql, freeText]) => Prisma.sql`${cellText(sql, freeText)} AS ${Prisma.raw(`"${header}"`)}`))} ${declarationsFrom(where)}`;

/**
 * Schedule, school and training status come from the participant's latest induction record under the
 * declaration's lead provider; the delivery partner is the declaration's, else that record's. The
 * training status reason is the provider's latest action on the profile when that was a withdrawal.
 */
function declarationsFrom(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    FROM statement_line_items li
    JOIN statements s ON s.id = li."statementId"
    JOIN declarations d ON d.id = li."declarationId" AND d."cpdLeadProviderId" = s."cpdLeadProviderId"
    JOIN lead_providers lp ON lp."cpdLeadProviderId" = d."cpdLeadProviderId"
    JOIN participant_profiles pp ON pp.id = d."participantProfileId"
    JOIN teachers t ON t.id = pp."teacherId"
    LEFT JOIN LATERAL (
      SELECT ir."scheduleId", ir."trainingStatus", p."schoolId", p."deliveryPartnerId"
      FROM induction_records ir
      JOIN induction_programmes ip ON ip.id = ir."inductionProgrammeId"
      JOIN partnerships p ON p.id = ip."partnershipId"
      WHERE ir."participantProfileId" = pp.id AND p."leadProviderId" = lp.id
      ORDER BY ${LATEST_INDUCTION_RECORD_ORDER}
      LIMIT 1
    ) lir ON true
    LEFT JOIN schedules sch ON sch.id = lir."scheduleId"
    LEFT JOIN schools sc ON sc.id = lir."schoolId"
    LEFT JOIN delivery_partners dp ON dp.id = COALESCE(d."deliveryPartnerId", lir."deliveryPartnerId")
    LEFT JOIN LATERAL (
      SELECT ps.state, ps.reason
      FROM participant_profile_states ps
      WHERE ps."participantProfileId" = pp.id AND ps."cpdLeadProviderId" = d."cpdLeadProviderId"
      ORDER BY ps."createdAt" DESC
      LIMIT 1
    ) latest_action ON true
    WHERE ${where}`;
}
