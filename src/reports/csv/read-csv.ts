import { parse } from 'csv-parse/sync';

/** One thing wrong with an uploaded file, told in plain English. `line` is the file's own (header = line 1). */
export interface ImportProblem {
  file: string;
  line: number;
  column?: string;
  message: string;
}

export interface CsvRow<C extends string = string> {
  /** The file line the row starts on (header = line 1). */
  readonly line: number;
  /** The cell's value with surrounding whitespace removed; '' when blank or the column is absent. */
  get(column: C): string;
  /** A problem about this row, ready to report. */
  problem(column: C | undefined, message: string): ImportProblem;
}

export interface ReadCsvOptions<R extends string, O extends string> {
  /** The name shown to users in problems, usually the uploaded file's name. */
  file: string;
  /** Columns that must be present; a missing one is reported naming the column. */
  requiredHeaders: readonly R[];
  /** Columns that may be present; `get` returns '' when they are not. */
  optionalHeaders?: readonly O[];
  /** Report any other column as a problem (a misspelt or stray column) instead of ignoring it. */
  refuseOtherHeaders?: boolean;
}

export interface CsvReadResult<C extends string> {
  headers: string[];
  /** Rows with at least one non-blank cell. Empty when a required header is missing. */
  rows: CsvRow<C>[];
  /** Problems with the file's structure (missing/duplicate headers, unreadable CSV, wrong number of values). */
  errors: ImportProblem[];
}

/**
 * Reads a CSV file with a header row into rows addressed by column name, collecting every structural
 * problem instead of stopping at the first. Takes text or the uploaded bytes (UTF-8, or Windows-1252 when
 * they are not valid UTF-8); handles a byte order mark and Windows line endings.
 * Extra columns are ignored unless `refuseOtherHeaders` is set.
 */
export function readCsv<R extends string, O extends string = never>(
  text: string | Uint8Array,
  options: ReadCsvOptions<R, O>,
): CsvReadResult<R | O> {
  const { file } = options;
  const errors: ImportProblem[] = [];
  const records = parseRecords(toText(text), file, errors);

  const header = records.shift();
  if (!header) {
    const expected = options.requiredHeaders.join(',');
    errors.push({ file, line: 1, message: `The file is empty: it needs a header row with the columns ${expected}` });
    return { headers: [], rows: [], errors };
  }
  const headers = header.values.map((name) => name.trim());
  const columnIndex = new Map<string, number>();
  headers.forEach((name, index) => {
    if (name === '') return;
    if (columnIndex.has(name)) {
      errors.push({ file, line: header.line, column: name, message: `The "${name}" column appears more than once` });
    } else {
      columnIndex.set(name, index);
    }
  });
  const missing = options.requiredHeaders.filter((name) => !columnIndex.has(name));
  for (const name of missing) {
    errors.push({ file, line: header.line, column: name, message: `The "${name}" column is missing from the header row` });
  }
  if (options.refuseOtherHeaders) {
    const known = new Set<string>([...options.requiredHeaders, ...(options.optionalHeaders ?? [])]);
    for (const name of columnIndex.keys()) {
      if (!known.has(name)) {
        errors.push({ file, line: header.line, column: name, message: `The "${name}" column is not one this file can have: check its spelling, or remove it` });
      }
    }
  }
  if (missing.length > 0) return { headers, rows: [], errors: byLine(errors) };

  const rows: CsvRow<R | O>[] = [];
  for (const record of records) {
    if (record.values.every((value) => value.trim() === '')) continue;
    if (record.values.length !== headers.length) {
      errors.push({
        file,
        line: record.line,
        message: `This line has ${record.values.length} values but the header row has ${headers.length} columns`,
      });
    }
    rows.push(toRow(record, columnIndex, file));
  }
  return { headers, rows, errors: byLine(errors) };
}

interface RawRecord {
  line: number;
  values: string[];
}

const byLine = (problems: ImportProblem[]) => problems.sort((a, b) => a.line - b.line);

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/** Bytes are UTF-8 when they are valid UTF-8, otherwise Windows-1252 (what Excel writes for "CSV"). */
function toText(text: string | Uint8Array): string {
  let decoded: string;
  if (typeof text === 'string') decoded = text;
  else {
    try {
      decoded = utf8.decode(text);
    } catch {
      decoded = windows1252.decode(text);
    }
  }
  // One line-ending style keeps csv-parse's line counting exact.
  return decoded.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function parseRecords(text: string, file: string, errors: ImportProblem[]): RawRecord[] {
  const records: RawRecord[] = [];
  try {
    parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (values: string[], context) => {
        // `lines` is where the record ends; quoted values may span several lines.
        records.push({ line: context.lines - newlinesWithin(values), values });
        return null;
      },
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? (records.at(-1)?.line ?? 0) + 1;
    const reason = error instanceof Error ? error.message.replace(/ at line \d+.*$/, '') : String(error);
    errors.push({ file, line, message: `The file could not be read from this line on (${reason})` });
  }
  return records;
}

function newlinesWithin(values: string[]): number {
  return values.reduce((count, value) => count + (value.match(/\n/g) ?? []).length, 0);
}

function toRow<C extends string>(record: RawRecord, columnIndex: Map<string, number>, file: string): CsvRow<C> {
  return {
    line: record.line,
    get: (column) => {
      const index = columnIndex.get(column);
      return index === undefined ? '' : (record.values[index] ?? '').trim();
    },
    problem: (column, message) => (column === undefined ? { file, line: record.line, message } : { file, line: record.line, column, message }),
  };
}
