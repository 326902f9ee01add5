// Spreadsheet formula injection (OWASP's "CSV injection"): a cell that begins with =, +, -, @, a tab or a
// carriage return may be run as a formula when the CSV is opened in a spreadsheet. Every CSV we write
// passes its cells through this one rule: such a cell gets a leading single quote, which spreadsheets
// show as text. A cell that is purely a number (-12.50, +3) is left alone: it cannot be a formula, and
// money and counts must stay numbers. The SQL twin applies the same rule where the database formats
// the cells (the declarations CSV).
import { Prisma } from '@prisma/client';

const FORMULA_START = /^[-=+@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

/** The cell as a spreadsheet will only ever read as text or a number. */
export function inertCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** The same rule in SQL, for text the database formats (null stays null). Literals only, so COPY can run it. */
export const inertCellSql = (sql: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`CASE WHEN ${sql} ~ ${Prisma.raw("E'^[-=+@\\t\\r]'")} AND ${sql} !~ ${Prisma.raw("'^[-+]?[0-9]+(\\.[0-9]+)?$'")} THEN '''' || ${sql} ELSE ${sql} END`;
