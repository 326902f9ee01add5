// The check data CSV: exactly the rows of the filtered, searched view, in its order, streamed through a
// database cursor in batches so a large delivery partner never sits in memory. Headers and values are
// the DfE's (app/serializers/delivery_partners/induction_records_serializer.rb); like the DfE, no rows means an empty body.
import type { Writable } from 'node:stream';
import { csvLine, csvLines } from '../csv/csv-lines.js';
import { inertCell } from '../csv/inert-cells.js';
import { writeChunk } from '../csv/write-chunk.js';
import { cursorRecordBatches } from '../exports/cursor-batches.js';
import { checkDataRowsSql, type CheckDataQuery, type CheckDataRow } from './participants-query.js';
import { ROLE_LABELS, STATUS_LABELS, statusOf } from './statuses.js';

export const CHECK_DATA_CSV_HEADERS = [
  'full_name', 'email_address', 'trn', 'role', 'lead_provider', 'school', 'school_unique_reference_number',
  'academic_year', 'training_status', 'status',
] as const;

const BATCH_SIZE = 1000;

export function checkDataCsvRecord(row: CheckDataRow): string[] {
  return [
    row.fullName, row.email, row.trn ?? '', ROLE_LABELS[row.role], row.leadProvider, row.school, row.schoolUrn,
    String(row.academicYear), row.trainingStatus, STATUS_LABELS[statusOf(row.recordState)],
  ].map(inertCell);
}

/**
 * Writes the CSV to `out` (not ended) and returns how many participants it held: one server-side cursor
 * on a connection of its own (a slow download never holds one of Prisma's), in one read-only snapshot.
 */
export async function writeCheckDataCsv(query: CheckDataQuery, out: Writable): Promise<number> {
  const sql = checkDataRowsSql({ ...query, asOf: query.asOf ?? new Date() });
  let written = 0;
  for await (const batch of cursorRecordBatches<CheckDataRow>(sql, BATCH_SIZE)) {
    await writeChunk(out, (written === 0 ? csvLine(CHECK_DATA_CSV_HEADERS) : '') + csvLines(batch.map(checkDataCsvRecord)));
    written += batch.length;
  }
  return written;
}
