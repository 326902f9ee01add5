// CSV text for rows of strings, byte for byte what csv-stringify writes with its defaults (a field is
// quoted only when it holds a comma, a quote or a line break; null is empty; lines end with \n).
// Big exports use this instead: csv-stringify's per-field option handling costs several times the
// rest of the row's formatting at a million rows.
const NEEDS_QUOTES = /[",\r\n]/;

const field = (value: string | null): string =>
  value === null ? '' : NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

export function csvLines(rows: readonly (readonly (string | null)[])[]): string {
  let text = '';
  for (const row of rows) text += `${row.map(field).join(',')}\n`;
  return text;
}
