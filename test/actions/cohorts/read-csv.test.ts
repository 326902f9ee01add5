// The general CSV reading helpers (src/reports/csv) that the cohort setup and other imports share.
import { describe, expect, it } from '@jest/globals';
import { readCsv } from '../../../src/reports/csv/read-csv.js';
import { parseCalendarDate, readCells } from '../../../src/reports/csv/read-cells.js';

describe('readCsv', () => {
  it('reads a Windows file with a byte order mark, counting lines as the file does', () => {
    const text = '\uFEFFname, year\r\n"Ambition\r\nInstitute",2027\r\n\r\n,\r\nCapita,2028\r\n';

    const { rows, errors } = readCsv(text, { file: 'a.csv', requiredHeaders: ['name', 'year'] });

    expect(errors).toEqual([]);
    expect(rows.map((row) => [row.line, row.get('name'), row.get('year')])).toEqual([
      [2, 'Ambition\nInstitute', '2027'],
      [6, 'Capita', '2028'],
    ]);
  });

  it('decodes Windows-1252 bytes that are not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('amount\n'), Buffer.from([0xa3]), Buffer.from('12\n')]);

    expect(readCsv(bytes, { file: 'a.csv', requiredHeaders: ['amount'] }).rows[0].get('amount')).toBe('£12');
  });

  it('names each missing or repeated column and returns no rows', () => {
    const result = readCsv('name,name,extra\nx,y,z\n', { file: 'a.csv', requiredHeaders: ['name', 'year'] });

    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { file: 'a.csv', line: 1, column: 'name', message: 'The "name" column appears more than once' },
      { file: 'a.csv', line: 1, column: 'year', message: 'The "year" column is missing from the header row' },
    ]);
  });

  it('reports lines with the wrong number of values, a broken quote and an empty file', () => {
    const result = readCsv('name,year\nx,1,extra\ny,2\n"z,3\n', { file: 'a.csv', requiredHeaders: ['name', 'year'] });

    expect(result.rows.map((row) => row.line)).toEqual([2, 3]);
    expect(result.errors).toEqual([
      { file: 'a.csv', line: 2, message: 'This line has 3 values but the header row has 2 columns' },
      { file: 'a.csv', line: 4, message: 'The file could not be read from this line on (Quote Not Closed: the parsing is finished with an opening quote)' },
    ]);
    expect(readCsv('', { file: 'e.csv', requiredHeaders: ['a', 'b'] }).errors).toEqual([
      { file: 'e.csv', line: 1, message: 'The file is empty: it needs a header row with the columns a,b' },
    ]);
  });
});

describe('readCells', () => {
  const rowOf = (header: string, values: string) => readCsv(`${header}\n${values}\n`, { file: 'a.csv', requiredHeaders: header.split(',') }).rows[0];

  it('reads dates year first with or without leading zeros, and refuses dates that do not exist', () => {
    expect(parseCalendarDate('2024-1-25')).toEqual(new Date('2024-01-25T00:00:00Z'));
    expect(parseCalendarDate('2027/05/10')).toEqual(new Date('2027-05-10T00:00:00Z'));
    expect(parseCalendarDate('2027-02-29')).toBeNull();
    expect(parseCalendarDate('10/05/2027')).toBeNull();
  });

  it('reads money and numbers exactly and says what is wrong with each bad cell', () => {
    const cells = readCells(rowOf('fee,rate,count,flag,big', '"£1,234.50",0.12345,"12,000",TRUE,12345678901'));

    expect(cells.money('fee')).toBe('1234.50');
    expect(cells.integer('count')).toBe(12000);
    expect(cells.decimal('rate', { maxPlaces: 4 })).toBeNull();
    expect(cells.boolean('flag')).toBeNull();
    expect(cells.money('big')).toBeNull();
    expect(cells.ok).toBe(false);
    expect(cells.fine('fee', 'count')).toBe(true);
    expect(cells.problems.map((p) => [p.column, p.message])).toEqual([
      ['rate', '0.12345 has too many decimal places: use at most 4'],
      ['flag', '"TRUE" is not true or false: enter true or false in lower case'],
      ['big', '12345678901 is too large for an amount in pounds'],
    ]);
  });

  it('reports blank required cells and leaves blank optional ones null', () => {
    const cells = readCells(rowOf('a,b,c', ',,x'));

    expect(cells.date('a')).toBeNull();
    cells.integer('b', { required: true });
    expect(cells.problems).toEqual([{ file: 'a.csv', line: 2, column: 'b', message: 'This cell is blank: enter a whole number' }]);
  });
});
