import { Money } from '../../rules/zod.js';
import type { CsvRow, ImportProblem } from './read-csv.js';

interface Required {
  required: true;
}
interface Optional {
  required?: false;
}
type Presence = Required | Optional;

export interface IntegerOptions {
  min?: number;
  max?: number;
}

export interface DecimalOptions {
  /** Digits allowed after the point (the column's scale). */
  maxPlaces?: number;
  /** Digits allowed before the point (the column's precision minus its scale). */
  maxWholeDigits?: number;
}

/**
 * Typed reading of one CSV row's cells. Every bad cell is recorded as a problem naming its column, and
 * reading carries on, so one pass finds everything wrong with a row. A bad optional cell reads as null,
 * a bad or missing required cell as a placeholder: check `ok` before using the values, and `fine` before
 * a rule across cells (so one mistake is not reported twice).
 */
export interface CellReader<C extends string> {
  readonly ok: boolean;
  readonly problems: ImportProblem[];
  /** True when none of these cells has a problem. */
  fine(...columns: C[]): boolean;
  /** Record a problem found by the caller (a rule across cells, an unknown reference). */
  problem(column: C | undefined, message: string): void;
  text(column: C, presence: Required): string;
  text(column: C, presence?: Optional): string | null;
  /** A whole number (thousands commas allowed), not negative unless `min` allows it. */
  integer(column: C, presence: Required & IntegerOptions): number;
  integer(column: C, presence?: Optional & IntegerOptions): number | null;
  /** An exact decimal as a string (never a JavaScript number), not negative. */
  decimal(column: C, presence: Required & DecimalOptions): string;
  decimal(column: C, presence?: Optional & DecimalOptions): string | null;
  /** Pounds and pence (up to 10 digits before the point), not negative, as an exact decimal string; a £ sign and thousands commas are allowed. */
  money(column: C, presence: Required): string;
  money(column: C, presence?: Optional): string | null;
  /** A calendar date (YYYY-MM-DD or YYYY/MM/DD, leading zeros optional) as midnight UTC. */
  date(column: C, presence: Required): Date;
  date(column: C, presence?: Optional): Date | null;
  /** Exactly `true` or `false`. */
  boolean(column: C, presence: Required): boolean;
  boolean(column: C, presence?: Optional): boolean | null;
  /** One of a fixed list of codes; `describe` words the message for a value outside it. */
  oneOf<T extends string>(column: C, allowed: readonly T[], describe?: (value: string) => string): T;
}

const INT32_MAX = 2_147_483_647;
/** Money columns are Decimal(12,2). */
const MONEY_WHOLE_DIGITS = 10;
const DATE_EXAMPLE = 'like 2027-09-01';

export function readCells<C extends string>(row: CsvRow<C>): CellReader<C> {
  const problems: ImportProblem[] = [];
  const problem = (column: C | undefined, message: string) => {
    problems.push(row.problem(column, message));
  };

  /** The cell's value, or null when blank (recording a problem if it was required). */
  const present = (column: C, presence: Presence | undefined, missing: string): string | null => {
    const value = row.get(column);
    if (value !== '') return value;
    if (presence?.required) problem(column, missing);
    return null;
  };

  const reader = {
    get ok() {
      return problems.length === 0;
    },
    problems,
    problem,
    fine: (...columns: C[]) => !problems.some((p) => p.column !== undefined && (columns as string[]).includes(p.column)),

    text(column: C, presence?: Presence) {
      const value = present(column, presence, 'This cell is blank: enter a value');
      return value ?? (presence?.required ? '' : null);
    },

    integer(column: C, options?: Presence & IntegerOptions) {
      const value = present(column, options, 'This cell is blank: enter a whole number');
      if (value === null) return options?.required ? 0 : null;
      const min = options?.min ?? 0;
      const max = options?.max ?? INT32_MAX;
      // Spreadsheets write thousands with commas: "2,000".
      const digits = /^-?\d{1,3}(,\d{3})+$/.test(value) ? value.replace(/,/g, '') : value;
      const number = Number(digits);
      if (!/^-?\d+$/.test(digits)) problem(column, `"${value}" is not a whole number`);
      else if (number < min) problem(column, `${value} is too small: enter ${min} or more`);
      else if (number > max) problem(column, `${value} is too large: enter ${max} or less`);
      else return number;
      return options?.required ? 0 : null;
    },

    decimal(column: C, options?: Presence & DecimalOptions) {
      const value = present(column, options, 'This cell is blank: enter a number');
      if (value === null) return options?.required ? '0' : null;
      const match = /^-?(\d+)(?:\.(\d+))?$/.exec(value);
      const [, whole = '', places = ''] = match ?? [];
      if (!match) problem(column, `"${value}" is not a number`);
      else if (value.startsWith('-')) problem(column, `${value} is negative: enter 0 or more`);
      else if (options?.maxPlaces !== undefined && places.length > options.maxPlaces) {
        problem(column, `${value} has too many decimal places: use at most ${options.maxPlaces}`);
      } else if (options?.maxWholeDigits !== undefined && whole.replace(/^0+(?=\d)/, '').length > options.maxWholeDigits) {
        problem(column, `${value} is too large: use at most ${options.maxWholeDigits} digits before the decimal point`);
      } else return value;
      return options?.required ? '0' : null;
    },

    money(column: C, presence?: Presence) {
      const value = present(column, presence, 'This cell is blank: enter an amount in pounds, like 1234.56');
      if (value === null) return presence?.required ? '0' : null;
      const parsed = Money.safeParse(value);
      if (!parsed.success) problem(column, `"${value}" is not an amount in pounds: enter an amount like 1234.56`);
      else if (parsed.data.startsWith('-')) problem(column, `${value} is negative: enter an amount of 0 or more`);
      else if (parsed.data.replace(/^-?0*/, '').split('.')[0].length > MONEY_WHOLE_DIGITS) {
        problem(column, `${value} is too large for an amount in pounds`);
      } else return parsed.data;
      return presence?.required ? '0' : null;
    },

    date(column: C, presence?: Presence) {
      const value = present(column, presence, `This cell is blank: enter a date, ${DATE_EXAMPLE}`);
      if (value === null) return presence?.required ? new Date(0) : null;
      const date = parseCalendarDate(value);
      if (date) return date;
      problem(column, `"${value}" is not a date: enter a date as YYYY-MM-DD, ${DATE_EXAMPLE}`);
      return presence?.required ? new Date(0) : null;
    },

    boolean(column: C, presence?: Presence) {
      const value = present(column, presence, 'This cell is blank: enter true or false');
      if (value === null) return presence?.required ? false : null;
      if (value === 'true') return true;
      if (value === 'false') return false;
      problem(column, `"${value}" is not true or false: enter true or false in lower case`);
      return presence?.required ? false : null;
    },

    oneOf<T extends string>(column: C, allowed: readonly T[], describe?: (value: string) => string): T {
      const value = row.get(column);
      if ((allowed as readonly string[]).includes(value)) return value as T;
      const listed = allowed.join(', ');
      problem(column, describe?.(value) ?? (value === '' ? `This cell is blank: use one of ${listed}` : `"${value}" is not allowed: use one of ${listed}`));
      return allowed[0];
    },
  };
  return reader as CellReader<C>;
}

/** A real calendar date written year first, as midnight UTC; null when the text is not one. */
export function parseCalendarDate(value: string): Date | null {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date : null;
}
