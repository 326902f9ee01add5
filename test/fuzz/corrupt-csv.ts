// Corrupted variants of a real CSV file, made deterministically from a named random stream: the kinds of
// damage real uploads show (columns dropped, swapped or added, bad dates, wrong encodings, repeated rows,
// unknown references, truncation, stray bytes). Each variant says whether any importer must refuse it.
import { Random } from '../../seeds/lib/random.js';

export interface Variant {
  label: string;
  content: Buffer;
  /** True when no correct importer could accept it; otherwise accepting is allowed (a harmless change). */
  mustRefuse: boolean;
}

export interface CsvShape {
  /** Columns holding dates: a bad value there must be refused. */
  dateColumns: string[];
  /** Columns naming other records, with a value that names none: an unknown one must be refused when `unknownIsError`. */
  references: { column: string; unknown: string; unknownIsError: boolean }[];
  /** Headers that must be there: dropping or renaming one must be refused. */
  requiredHeaders: string[];
  /** Columns that must hold a value: blanking one must be refused. */
  nonBlankColumns: string[];
  /** Columns whose values have a fixed form (numbers, years, dates, flags): junk there must be refused. */
  strictColumns: string[];
}

const MARK = '\u0001JUNK\u0001';
const BAD_DATES = ['2024-13-01', '31/02/2024', 'next Tuesday', '2024-02-30', '20240901', '0000-00-00'];

type Corruption = (lines: string[][], shape: CsvShape, random: Random) => Omit<Variant, 'label'> | null;

const text = (lines: string[][]) => Buffer.from(`${lines.map((cells) => cells.join(',')).join('\n')}\n`, 'utf8');
const dataRow = (lines: string[][], random: Random) => 1 + random.int(0, lines.length - 2);

const CORRUPTIONS: Record<string, Corruption> = {
  'drop a column': (lines, shape, random) => {
    const column = random.int(0, lines[0].length - 1);
    const required = shape.requiredHeaders.includes(lines[0][column]);
    return { content: text(lines.map((cells) => cells.filter((_, i) => i !== column))), mustRefuse: required };
  },
  'swap two columns under their headers': (lines, _shape, random) => {
    const [a, b] = twoDifferent(lines[0].length, random);
    if (a === undefined) return null;
    // Cells move but the header stays: values land under the wrong names.
    const swapped = lines.map((cells, n) => (n === 0 ? cells : swap(cells, a, b)));
    return { content: text(swapped), mustRefuse: false };
  },
  'swap two columns with their headers': (lines, _shape, random) => {
    const [a, b] = twoDifferent(lines[0].length, random);
    if (a === undefined) return null;
    return { content: text(lines.map((cells) => swap(cells, a, b))), mustRefuse: false };
  },
  'a bad date': (lines, shape, random) => {
    const columns = shape.dateColumns.map((name) => lines[0].indexOf(name)).filter((i) => i >= 0);
    if (columns.length === 0 || lines.length < 2) return null;
    const copy = lines.map((cells) => [...cells]);
    const row = dataRow(copy, random);
    const column = random.pick(columns);
    if (copy[row][column] === '') return null;
    copy[row][column] = random.pick(BAD_DATES);
    return { content: text(copy), mustRefuse: true };
  },
  'a blank required cell': (lines, shape, random) => {
    const columns = shape.nonBlankColumns.map((name) => lines[0].indexOf(name)).filter((i) => i >= 0);
    if (columns.length === 0 || lines.length < 2) return null;
    const copy = lines.map((cells) => [...cells]);
    copy[dataRow(copy, random)][random.pick(columns)] = '';
    return { content: text(copy), mustRefuse: true };
  },
  'an unknown reference': (lines, shape, random) => {
    const references = shape.references.filter(({ column }) => lines[0].includes(column));
    if (references.length === 0 || lines.length < 2) return null;
    const reference = random.pick(references);
    const copy = lines.map((cells) => [...cells]);
    copy[dataRow(copy, random)][lines[0].indexOf(reference.column)] = reference.unknown;
    return { content: text(copy), mustRefuse: reference.unknownIsError };
  },
  'a repeated row': (lines, _shape, random) => {
    if (lines.length < 2) return null;
    const copy = [...lines];
    const row = dataRow(copy, random);
    copy.splice(row, 0, [...lines[row]]);
    return { content: text(copy), mustRefuse: false };
  },
  'a row with a cell too many': (lines, _shape, random) => {
    if (lines.length < 2) return null;
    const copy = lines.map((cells) => [...cells]);
    copy[dataRow(copy, random)].push('surplus');
    return { content: text(copy), mustRefuse: true };
  },
  'a row with a cell too few': (lines, _shape, random) => {
    if (lines.length < 2 || lines[0].length < 2) return null;
    const copy = lines.map((cells) => [...cells]);
    copy[dataRow(copy, random)].pop();
    return { content: text(copy), mustRefuse: true };
  },
  'an unknown extra column': (lines) => ({
    content: text(lines.map((cells, n) => [...cells, n === 0 ? 'notes' : 'x'])),
    mustRefuse: false,
  }),
  'a renamed header': (lines, shape, random) => {
    const required = shape.requiredHeaders.filter((name) => lines[0].includes(name));
    if (required.length === 0) return null;
    const name = random.pick(required);
    return { content: text([lines[0].map((cell) => (cell === name ? `${name}_old` : cell)), ...lines.slice(1)]), mustRefuse: true };
  },
  'truncated': (lines, _shape, random) => {
    const whole = text(lines);
    const at = random.int(1, whole.length - 2);
    return { content: whole.subarray(0, at), mustRefuse: false };
  },
  'only the header': (lines) => ({ content: text(lines.slice(0, 1)), mustRefuse: false }),
  'empty': () => ({ content: Buffer.alloc(0), mustRefuse: true }),
  'UTF-16 encoded': (lines) => ({ content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(lines).toString('utf8'), 'utf16le')]), mustRefuse: true }),
  'invalid UTF-8 bytes in a strict cell': (lines, shape, random) => {
    const columns = shape.strictColumns.map((name) => lines[0].indexOf(name)).filter((i) => i >= 0);
    if (columns.length === 0 || lines.length < 2) return null;
    const copy = lines.map((cells) => [...cells]);
    const row = dataRow(copy, random);
    const column = random.pick(columns);
    copy[row][column] = `${MARK}${copy[row][column]}`;
    const whole = text(copy);
    const at = whole.indexOf(MARK);
    return { content: Buffer.concat([whole.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff]), whole.subarray(at + MARK.length)]), mustRefuse: true };
  },
  'binary junk': (_lines, _shape, random) => {
    const junk = Buffer.alloc(random.int(1, 400));
    for (let i = 0; i < junk.length; i++) junk[i] = random.int(0, 255);
    return { content: junk, mustRefuse: true };
  },
};

/** `count` variants of `file` (parsed as simple CSV: the DfE's files have no quoted cells). */
export function corruptedVariants(file: Buffer, shape: CsvShape, count: number, stream: string): Variant[] {
  const lines = file.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line !== '').map((line) => line.split(','));
  const random = new Random(stream);
  const kinds = Object.keys(CORRUPTIONS);
  const variants: Variant[] = [];
  while (variants.length < count) {
    const kind = kinds[variants.length % kinds.length];
    const variant = CORRUPTIONS[kind](lines, shape, random);
    if (variant) variants.push({ label: `#${variants.length + 1} ${kind}`, ...variant });
    else variants.push({ label: `#${variants.length + 1} empty (fallback)`, content: Buffer.alloc(0), mustRefuse: true });
  }
  return variants;
}

function twoDifferent(n: number, random: Random): [number, number] | [undefined, undefined] {
  if (n < 2) return [undefined, undefined];
  const a = random.int(0, n - 1);
  let b = random.int(0, n - 2);
  if (b >= a) b++;
  return [a, b];
}

function swap(cells: string[], a: number, b: number): string[] {
  const copy = [...cells];
  [copy[a], copy[b]] = [copy[b], copy[a]];
  return copy;
}
