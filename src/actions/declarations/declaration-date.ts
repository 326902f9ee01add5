// Reading a declaration_date as the DfE does (app/services/record_declaration.rb casts it to a time;
// app/validators/declaration_date_validator.rb checks the text): an RFC 3339 date-time is expected; a
// readable date in any other form is "not RFC 3339"; text that reads as no time at all is both missing and
// not RFC 3339, and so is an RFC 3339-shaped time that is not a real one (month 19, 29 o'clock). Like Ruby's
// Time, a day past the month's end but no later than the 31st rolls over (30 February is 1 March). Times
// without a zone are UTC, and milestone days run from UTC midnight to UTC midnight.
const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:[.,](\d+))?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DAY = 86_400_000;

export interface DeclarationDate {
  /** The time it reads as; null when none (the DfE's "missing"). */
  date: Date | null;
  /** Whether it is a real RFC 3339 date-time (false for no text at all: blank is only "missing"). */
  rfc3339: boolean;
}

function zone(raw: string | undefined): string {
  if (!raw || raw.toUpperCase() === 'Z') return 'Z';
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})?$/.exec(raw)!;
  return `${sign}${hours}:${minutes ?? '00'}`;
}

export function readDeclarationDate(raw: string | undefined): DeclarationDate {
  if (!raw) return { date: null, rfc3339: false };
  const match = RFC3339.exec(raw);
  if (match) {
    const [year, month, day, hours, minutes, seconds] = match[1].split(/[-T:]/).map(Number);
    if (!withinRubyTimeRanges(month, day, hours, minutes, seconds)) return { date: null, rfc3339: false };
    const fraction = match[2] ? Number(`0.${match[2]}`) * 1000 : 0;
    const offset = zone(match[3]);
    const offsetMinutes = offset === 'Z' ? 0 : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
    // Date.UTC rolls a day or second past the end over, as Ruby's Time does.
    const utc = Date.UTC(year, month - 1, day, hours, minutes, seconds, Math.floor(fraction)) - offsetMinutes * 60_000;
    return { date: new Date(utc), rfc3339: true };
  }
  const parsed = Date.parse(raw);
  return Number.isNaN(parsed) ? { date: null, rfc3339: false } : { date: new Date(parsed), rfc3339: false };
}

/** What Ruby's Time accepts: a month of 1-12, a day of 1-31, 24:00:00 at most, a leap second. */
function withinRubyTimeRanges(month: number, day: number, hours: number, minutes: number, seconds: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && minutes <= 59 && seconds <= 60 &&
    (hours <= 23 || (hours === 24 && minutes === 0 && seconds === 0));
}

export const startOfUtcDay = (date: Date): Date => new Date(Math.floor(date.getTime() / DAY) * DAY);
export const startOfNextUtcDay = (date: Date): Date => new Date(startOfUtcDay(date).getTime() + DAY);

/** RFC 3339 to the second, in UTC, as the DfE prints times in messages. */
export const rfc3339Seconds = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;
