// The one CSV writer for every file we write (list downloads, the check data download, import reports and
// run outcomes): comma-separated, a field quoted only when it holds a quote, a comma or a line break (quotes
// doubled), each line ending in \n, as csv-stringify wrote them. Written by hand: a million-row list spends
// most of its time here. Text from people goes through inertCell (src/reports/csv/inert-cells.ts) first;
// csvText does that itself.
import { inertCell } from './inert-cells.js';

const NEEDS_QUOTES = /[",\r\n]/;

/** One field as written between the commas. */
export const csvField = (text: string): string => (NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** One line of fields, written as they are, ending in \n. */
export const csvLine = (fields: readonly string[]): string => `${fields.map(csvField).join(',')}\n`;

/** Lines of fields, written as they are. */
export const csvLines = (rows: readonly (readonly string[])[]): string => rows.map(csvLine).join('');

type Cell = string | number | null | undefined;

/** A whole CSV: the header as it is (ours), then the rows with every text cell made inert; null is empty. */
export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return csvLine(header) + csvLines(rows.map((row) => row.map((cell) => (typeof cell === 'string' ? inertCell(cell) : cell == null ? '' : String(cell)))));
}
