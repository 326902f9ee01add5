// The real public files the demo data is built from (seeds/data, copied from the DfE's repository).
// They are trusted and fixed, so they are read with a small, fast CSV reader rather than the import
// reader (src/reports/csv/read-csv.ts), whose per-cell problem reporting made the 2021 schools list
// alone take over a second: too slow for the small seed the browser tests make.
import { readFileSync } from 'node:fs';

const DATA_DIR = new URL('../data/', import.meta.url);

export interface SeedRow<C extends string> {
  /** The file line the record starts on (header = line 1). */
  line: number;
  /** The cell, trimmed; '' when blank. */
  get(column: C): string;
}

/**
 * Government spreadsheets arrive as UTF-8 or Windows-1252; decode whichever this file is. The 2021 schools
 * list passed through a lossy conversion before it was published: its pound signs and curly apostrophes
 * are U+FFFD replacement characters, which repairName puts right in school names.
 */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** "All Saints\uFFFD Roman Catholic" -> "All Saints' Roman Catholic"; "St Thomas \uFFFD Becket" -> "St Thomas à Becket". */
export function repairName(name: string): string {
  return name.replace(/ \uFFFD /g, ' à ').replace(/\uFFFD/g, "'");
}

/** One record whose cells may be quoted (holding commas, doubled quotes or line breaks). */
function parseQuotedRecord(text: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote === -1) throw new Error(`Unclosed quote in: ${text}`);
        cell += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        cell += '"';
        i++;
      }
    } else {
      const comma = text.indexOf(',', i);
      cell = text.slice(i, comma === -1 ? text.length : comma);
      i = comma === -1 ? text.length : comma;
    }
    cells.push(cell);
    if (text[i] !== ',') return cells;
    i++;
  }
}

const quoteCount = (text: string) => text.split('"').length - 1;

/** RFC 4180 records; lines without quotes (nearly all of them) take the fast path. */
function parseCsv(text: string): { line: number; values: string[] }[] {
  const records: { line: number; values: string[] }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    let record = lines[i];
    if (!record.includes('"')) {
      records.push({ line, values: record.split(',') });
      continue;
    }
    while (quoteCount(record) % 2 === 1 && i + 1 < lines.length) record += `\n${lines[++i]}`;
    records.push({ line, values: parseQuotedRecord(record) });
  }
  return records;
}

export function readSeedFile<C extends string>(fileName: string, requiredHeaders: readonly C[]): SeedRow<C>[] {
  const text = decode(readFileSync(new URL(fileName, DATA_DIR))).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const [header, ...records] = parseCsv(text);
  const index = new Map((header?.values ?? []).map((name, i) => [name.trim(), i]));
  const missing = requiredHeaders.filter((name) => !index.has(name));
  if (missing.length > 0) throw new Error(`seeds/data/${fileName} has no ${missing.map((m) => `"${m}"`).join(', ')} column`);
  return records
    .filter(({ values }) => values.some((value) => value.trim() !== ''))
    .map(({ values, line }) => ({ line, get: (column: C) => (values[index.get(column)!] ?? '').trim() }));
}
