// The fast CSV line writer the big exports use must write exactly what csv-stringify writes.
import { describe, expect, it } from '@jest/globals';
import { stringify } from 'csv-stringify/sync';
import { csvLines } from '../../src/reports/exports/csv-lines.js';

describe('csvLines', () => {
  it('writes the same bytes as csv-stringify for plain, empty, missing and awkward fields', () => {
    const rows = [
      ['Participant ID', 'Participant Name', 'School Name'],
      ['a1', "O'Brien, Siobhán", 'St Mary\'s "Star" School'],
      ['a2', '', null],
      ['a3', 'Line\nbreak', 'Carriage\rreturn'],
      ['a4', '"', ',,'],
      ['a5', 'Zoë Ångström', '  spaced  '],
    ];
    expect(csvLines(rows)).toBe(stringify(rows));
    expect(csvLines([])).toBe('');
  });
});
