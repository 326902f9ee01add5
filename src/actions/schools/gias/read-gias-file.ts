// Reads GIAS's public "all establishments" CSV (edubasealldata*.csv): only the columns we keep, every
// problem located by the file's own line and column. Other columns are ignored; Windows-1252 is accepted.
import type { CsvRow, ImportProblem } from '../../../reports/csv/read-csv.js';
import { readCsvFast } from '../pupil-premium/read-csv-fast.js';

const REQUIRED = [
  'URN', 'EstablishmentName', 'TypeOfEstablishment (code)', 'EstablishmentStatus (code)',
  'DistrictAdministrative (code)', 'Section41Approved (name)', 'UKPRN', 'Postcode',
] as const;
const OPTIONAL = ['TypeOfEstablishment (name)', 'EstablishmentStatus (name)', 'DistrictAdministrative (name)', 'LA (code)', 'LA (name)'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

export const GIAS_STATUS_NAMES: Record<number, string> = { 1: 'Open', 2: 'Closed', 3: 'Open, but proposed to close', 4: 'Proposed to open' };
const SECTION_41: Record<string, boolean> = { approved: true, 'not approved': false, 'not applicable': false, '': false };

/** One establishment as our schools table keeps it. */
export interface GiasSchool {
  line: number;
  urn: string;
  name: string;
  schoolTypeCode: number;
  schoolTypeName: string | null;
  schoolStatusCode: number;
  schoolStatusName: string;
  administrativeDistrictCode: string | null;
  administrativeDistrictName: string | null;
  localAuthorityCode: string | null;
  localAuthorityName: string | null;
  section41Approved: boolean;
  ukprn: string | null;
  postcode: string | null;
}

export interface GiasFile {
  rowCount: number;
  schools: GiasSchool[];
  errors: ImportProblem[];
}

export function readGiasFile(file: string, content: string | Uint8Array): GiasFile {
  const csv = readCsvFast<(typeof REQUIRED)[number], (typeof OPTIONAL)[number]>(content, { file, requiredHeaders: REQUIRED, optionalHeaders: OPTIONAL });
  const errors = [...csv.errors];
  const schools: GiasSchool[] = [];
  const lineOfUrn = new Map<string, number>();
  for (const row of csv.rows) {
    const before = errors.length;
    const school = readRow(row, errors);
    if (errors.length > before || !school) continue;
    const earlier = lineOfUrn.get(school.urn);
    if (earlier) {
      errors.push(row.problem('URN', `URN ${school.urn} is also on line ${earlier}: each establishment must be on one line`));
      continue;
    }
    lineOfUrn.set(school.urn, row.line);
    schools.push(school);
  }
  if (csv.rows.length === 0 && errors.length === 0) errors.push({ file, line: 1, message: 'The file has a header row but no establishments' });
  return { rowCount: csv.rows.length, schools, errors: errors.sort((a, b) => a.line - b.line) };
}

function readRow(row: CsvRow<Column>, errors: ImportProblem[]): GiasSchool | null {
  const bad = (column: Column, message: string) => errors.push(row.problem(column, message));
  const urn = row.get('URN');
  if (!/^\d{6}$/.test(urn)) bad('URN', urn === '' ? 'The URN is blank' : `The URN must be 6 digits, like 100000, not "${urn}"`);
  const name = row.get('EstablishmentName');
  if (name === '') bad('EstablishmentName', 'The establishment name is blank');
  const type = code(row, 'TypeOfEstablishment (code)', bad);
  const status = code(row, 'EstablishmentStatus (code)', bad);
  if (status !== null && !GIAS_STATUS_NAMES[status]) bad('EstablishmentStatus (code)', `The status code must be 1, 2, 3 or 4, not "${status}"`);
  const section41 = SECTION_41[row.get('Section41Approved (name)').toLowerCase()];
  if (section41 === undefined) bad('Section41Approved (name)', `Section41Approved (name) must be "Approved", "Not approved" or "Not applicable", not "${row.get('Section41Approved (name)')}"`);
  const ukprn = row.get('UKPRN');
  if (ukprn !== '' && !/^\d{8}$/.test(ukprn)) bad('UKPRN', `The UKPRN must be 8 digits or blank, not "${ukprn}"`);
  if (type === null || status === null || section41 === undefined) return null;
  const text = (column: Column) => row.get(column) || null;
  return {
    line: row.line, urn, name,
    schoolTypeCode: type, schoolTypeName: text('TypeOfEstablishment (name)'),
    schoolStatusCode: status, schoolStatusName: text('EstablishmentStatus (name)') ?? GIAS_STATUS_NAMES[status] ?? String(status),
    administrativeDistrictCode: text('DistrictAdministrative (code)'), administrativeDistrictName: text('DistrictAdministrative (name)'),
    localAuthorityCode: text('LA (code)'), localAuthorityName: text('LA (name)'),
    section41Approved: section41, ukprn: ukprn || null, postcode: text('Postcode'),
  };
}

function code(row: CsvRow<Column>, column: Column, bad: (column: Column, message: string) => void): number | null {
  const value = row.get(column);
  if (/^\d{1,3}$/.test(value)) return Number(value);
  bad(column, value === '' ? `${column} is blank` : `${column} must be a number, not "${value}"`);
  return null;
}
