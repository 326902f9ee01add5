// Turns the DfE's pupil premium and sparsity CSV into one set of flags per URN, with every problem
// located by the file's own line number. Knows nothing of the database: which URNs are our schools
// is decided later (see stage-pupil-premium.ts).
import type { CsvRow, ImportProblem } from '../../../reports/csv/read-csv.js';
import { readCsvFast } from './read-csv-fast.js';

export const URN = 'URN';
export const PUPIL_PREMIUM = 'Pupil Premium Incentive';
export const SPARSITY = 'Sparsity Incentive';
const FLAGS = [
  { column: PUPIL_PREMIUM, key: 'pupilPremium' },
  { column: SPARSITY, key: 'sparsity' },
] as const;
type Column = typeof URN | (typeof FLAGS)[number]['column'];

/** What the DfE writes when it has no figure for a school; read as "no uplift", but the user is told. */
const NOT_AVAILABLE = /^(|na|n\/a|not available)$/i;

export interface PupilPremiumFlags {
  pupilPremium: boolean;
  sparsity: boolean;
}

export interface PupilPremiumRow extends PupilPremiumFlags {
  urn: string;
  /** The line the imported values come from: the last of `lines`. */
  line: number;
  /** Every line the URN is on, in file order. */
  lines: number[];
}

export interface PupilPremiumFile {
  /** Data rows read (blank lines not counted). */
  rowCount: number;
  /** One entry per URN, in order of first appearance; a repeated URN takes its last row's values. */
  rows: PupilPremiumRow[];
  warnings: ImportProblem[];
  errors: ImportProblem[];
}

export function readPupilPremiumFile(file: string, content: string | Uint8Array): PupilPremiumFile {
  const csv = readCsvFast(content, { file, requiredHeaders: [URN, PUPIL_PREMIUM, SPARSITY] });
  const warnings: ImportProblem[] = [];
  const errors = [...csv.errors];
  const byUrn = new Map<string, PupilPremiumRow>();

  for (const row of csv.rows) {
    const urn = row.get(URN);
    const rowErrors = errors.length;
    if (!/^\d+$/.test(urn)) {
      errors.push(row.problem(URN, urn === '' ? 'The URN is blank' : `The URN must be a number, like 100000, not "${urn}"`));
    }
    const pupilPremium = readFlag(row, PUPIL_PREMIUM, warnings, errors);
    const sparsity = readFlag(row, SPARSITY, warnings, errors);
    if (errors.length > rowErrors) continue;

    const { line } = row;
    const earlier = byUrn.get(urn);
    if (!earlier) {
      byUrn.set(urn, { urn, line, lines: [line], pupilPremium, sparsity });
      continue;
    }
    // The DfE's import upserts row by row, so a URN's last row is what it keeps; so do we, but say so.
    warnings.push(row.problem(URN, repeatMessage(urn, earlier, line, { pupilPremium, sparsity })));
    byUrn.set(urn, { urn, line, lines: [...earlier.lines, line], pupilPremium, sparsity });
  }

  if (csv.rows.length === 0 && errors.length === 0) {
    errors.push({ file, line: 1, message: 'The file has a header row but no schools' });
  }
  return { rowCount: csv.rows.length, rows: [...byUrn.values()], warnings: byLine(warnings), errors: byLine(errors) };
}

function repeatMessage(urn: string, earlier: PupilPremiumRow, line: number, flags: PupilPremiumFlags): string {
  const lines = `lines ${earlier.line} and ${line}`;
  const differences = FLAGS.filter(({ key }) => earlier[key] !== flags[key]);
  if (differences.length === 0) return `URN ${urn} is on ${lines} with the same values, so it is imported once`;
  const detail = differences.map(({ column, key }) => `${column} ${cell(earlier[key])} on line ${earlier.line}, ${cell(flags[key])} on line ${line}`);
  return `URN ${urn} is on ${lines} with different values (${detail.join('; ')}): the last row, line ${line}, is imported`;
}

function readFlag(row: CsvRow<Column>, column: Column, warnings: ImportProblem[], errors: ImportProblem[]): boolean {
  const value = row.get(column);
  if (value === '1') return true;
  if (value === '0') return false;
  if (NOT_AVAILABLE.test(value)) {
    const shown = value === '' ? 'blank' : `"${value}"`;
    warnings.push(row.problem(column, `${column} is ${shown}, so it is imported as 0 (no uplift)`));
  } else {
    errors.push(row.problem(column, `${column} must be 1 or 0, not "${value}"`));
  }
  return false;
}

const cell = (flag: boolean) => (flag ? '1' : '0');

/** Stable, so two problems on one line keep their column order. */
const byLine = (problems: ImportProblem[]) => problems.sort((a, b) => a.line - b.line);
