// A list as a file, streamed batch by batch: CSV (every text cell made inert for spreadsheets) or xlsx
// (text stored as text, numbers as numbers, times as dates). Neither holds more than one batch in memory.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvLine, csvLines } from '../csv/csv-lines.js';
import { inertCell } from '../csv/inert-cells.js';
import { roomIn, writeChunk } from '../csv/write-chunk.js';

export type ListCellKind = 'text' | 'number' | 'boolean' | 'datetime' | 'json';
export interface ListFileColumn { label: string; kind: ListCellKind }
export type ListFormat = 'csv' | 'xlsx';

/** A spreadsheet holds 1,048,576 rows, the header included. */
export const XLSX_MAX_ROWS = 1_048_575;

const isoSecond = (value: Date) => `${value.toISOString().slice(0, 19)}Z`;

function csvCell(kind: ListCellKind, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'boolean': return value === true || value === 'true' ? 'Yes' : 'No';
    case 'datetime': return value instanceof Date ? isoSecond(value) : inertCell(String(value));
    case 'json': return inertCell(JSON.stringify(value));
    case 'number': return String(value);
    default: return inertCell(String(value));
  }
}

function xlsxCell(kind: ListCellKind, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'boolean': return value === true || value === 'true' ? 'Yes' : 'No';
    case 'datetime': return value instanceof Date ? value : String(value);
    case 'json': return JSON.stringify(value);
    // A spreadsheet's numbers are binary floating point: the cell shows the exact decimal we stored.
    case 'number': return Number(value);
    default: return String(value);
  }
}

/** Writes the rows to `out` and ends it; returns how many rows were written. */
export async function writeListFile(format: ListFormat, columns: ListFileColumn[], batches: AsyncIterable<unknown[][]>, out: Writable): Promise<number> {
  return format === 'csv' ? writeCsv(columns, batches, out) : writeXlsx(columns, batches, out);
}

async function writeCsv(columns: ListFileColumn[], batches: AsyncIterable<unknown[][]>, out: Writable): Promise<number> {
  let rows = 0;
  await writeChunk(out, csvLine(columns.map((c) => c.label)));
  for await (const batch of batches) {
    await writeChunk(out, csvLines(batch.map((row) => columns.map((column, i) => csvCell(column.kind, row[i])))));
    rows += batch.length;
  }
  out.end();
  return rows;
}

async function writeXlsx(columns: ListFileColumn[], batches: AsyncIterable<unknown[][]>, out: Writable): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('List', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.label, width: column.kind === 'datetime' ? 20 : Math.min(40, Math.max(12, column.label.length + 2)),
    ...(column.kind === 'datetime' ? { style: { numFmt: 'd mmmm yyyy hh:mm' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  let rows = 0;
  let truncated = false;
  for await (const batch of batches) {
    for (const row of batch) {
      if (rows >= XLSX_MAX_ROWS - 1) {
        truncated = true;
        break;
      }
      sheet.addRow(columns.map((column, i) => xlsxCell(column.kind, row[i]))).commit();
      rows++;
    }
    if (truncated) break;
    await roomIn(out);
  }
  if (truncated) sheet.addRow(['This list has more rows than a spreadsheet holds: download it as CSV for every row.']).commit();
  sheet.commit();
  await workbook.commit();
  return rows;
}
