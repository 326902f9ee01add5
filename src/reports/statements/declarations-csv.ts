// "Download declarations (CSV)": one row per line item of a statement, ordered by participant name,
// with the DfE's columns. Streamed in keyset batches so memory stays flat however big the statement.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Prisma } from '@prisma/client';
import { db, type Tx } from '../../db/client.js';
import { csvLines } from '../exports/csv-lines.js';
import { openDedicatedConnection } from '../exports/dedicated-connection.js';
import { notFound } from '../../actions/errors.js';

export const DECLARATIONS_CSV_HEADERS = [
  'Participant ID',
  'Participant Name',
  'TRN',
  'Type',
  'Mentor Profile ID',
  'Schedule',
  'Eligible For Funding',
  'Eligible For Funding Reason',
  'Sparsity Uplift',
  'Pupil Premium Uplift',
  'Sparsity And Pp',
  'Lead Provider Name',
  'Delivery Partner Name',
  'School Urn',
  'School Name',
  'Training Status',
  'Training Status Reason',
  'Declaration ID',
  'Declaration Status',
  'Declaration Type',
  'Declaration Date',
  'Declaration Created At',
  'Statement Name',
  'Statement ID',
  'Uplift Payable',
] as const;

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
  const query = Prisma.sql`${declarationRowsSql(Prisma.sql`li."statementId" = ${statementId}::uuid`)} ORDER BY t."fullName", li.id`;
  return writeDeclarationRowsCsv(query, out, options);
}

/**
 * Writes the declarations CSV of any `declarationRowsSql` query (with its ORDER BY) to `out` and ends
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
  const client = await openDedicatedConnection();
  let rows = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // The whole result is read, so plan for all rows rather than the first few.
    await client.query('SET LOCAL cursor_tuple_fraction = 1');
    await client.query(`DECLARE declaration_rows NO SCROLL CURSOR FOR ${query.text}`, query.values);
    await write(out, csvLines([DECLARATIONS_CSV_HEADERS]));
    // Every column is already text in the CSV's form, so rows come as arrays and go straight out.
    const fetch = () => client.query<(string | null)[]>({ text: `FETCH FORWARD ${batchSize} FROM declaration_rows`, rowMode: 'array' });
    // The next batch is asked for before this one is written, so the database works while we do.
    let next = fetch();
    try {
      for (;;) {
        const batch = await next;
        if (batch.rows.length === 0) break;
        next = fetch();
        await write(out, csvLines(batch.rows));
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

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** ISO 8601 to the second, as the DfE writes times ("2024-11-01T10:00:00Z"); times are stored in UTC. */
const isoSecond = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/**
 * The CSV's columns in order, each as the text the CSV holds (so COPY of this query writes our very bytes),
 * for line items (of declarations of their statement's own lead provider) matching `where`, which may use the aliases li (line item), s (statement), d (declaration), pp (profile) and t (teacher). Schedule,
 * school and training status come from the participant's latest induction record under that lead
 * provider; the delivery partner is the declaration's, else that record's. The training status reason
 * is the provider's latest action on the profile when that was a withdrawal.
 */
export function declarationRowsSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT
      t.id::text AS "Participant ID",
      t."fullName" AS "Participant Name",
      t.trn AS "TRN",
      CASE pp.type WHEN 'ect' THEN 'ParticipantProfile::ECT' ELSE 'ParticipantProfile::Mentor' END AS "Type",
      pp."mentorProfileId"::text AS "Mentor Profile ID",
      sch."scheduleIdentifier" AS "Schedule",
      (pp."eligibilityStatus" = 'eligible')::text AS "Eligible For Funding",
      CASE WHEN pp."eligibilityStatus" <> 'eligible' THEN pp."eligibilityReason"::text END AS "Eligible For Funding Reason",
      pp."sparsityUplift"::text AS "Sparsity Uplift",
      pp."pupilPremiumUplift"::text AS "Pupil Premium Uplift",
      (pp."sparsityUplift" AND pp."pupilPremiumUplift")::text AS "Sparsity And Pp",
      lp.name AS "Lead Provider Name",
      dp.name AS "Delivery Partner Name",
      sc.urn AS "School Urn",
      sc.name AS "School Name",
      lir."trainingStatus"::text AS "Training Status",
      CASE WHEN latest_action.state = 'withdrawn' THEN latest_action.reason END AS "Training Status Reason",
      d.id::text AS "Declaration ID",
      li.state::text AS "Declaration Status",
      d."declarationType"::text AS "Declaration Type",
      ${isoSecond(Prisma.sql`d."declarationDate"`)} AS "Declaration Date",
      ${isoSecond(Prisma.sql`d."createdAt"`)} AS "Declaration Created At",
      s.name AS "Statement Name",
      s.id::text AS "Statement ID",
      (pp."sparsityUplift" OR pp."pupilPremiumUplift")::text AS "Uplift Payable"
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
      ORDER BY ir."createdAt" DESC
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
