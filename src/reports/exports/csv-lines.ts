// CSV text for rows of strings, byte for byte what csv-stringify writes with its defaults (a field is
// quoted only when it holds a comma, a quote or a line break; null is empty; lines end with \n).
// Big exports use this instead: csv-stringify's per-field option handling costs several times the
// rest of the row's formatting at a million rows.
const NEEDS_QUOTES = /[",\r\n]/;

export function csvLines(rows: readonly (readonly (string | null)[])[]): string {
  let text = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const value = row[i];
      if (i > 0) text += ',';
      if (value !== null) text += NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
    }
    text += '\n';
  }
  return text;
}
