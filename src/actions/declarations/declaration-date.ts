// Reading a declaration_date as the DfE does: an RFC 3339 date-time is expected, a readable date in any
// other form is "not RFC 3339", and an unreadable one counts as missing. Times without a zone are UTC,
// and milestone days run from UTC midnight to UTC midnight.
const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:[.,](\d+))?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DAY = 86_400_000;

export interface DeclarationDate {
  date: Date | null;
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
    const fraction = match[2] ? `.${match[2].slice(0, 3).padEnd(3, '0')}` : '';
    const date = new Date(`${match[1]}${fraction}${zone(match[3])}`);
    const sameDay = !Number.isNaN(date.getTime()) && validCalendarDay(match[1]);
    return sameDay ? { date, rfc3339: true } : { date: null, rfc3339: false };
  }
  const parsed = Date.parse(raw);
  return Number.isNaN(parsed) ? { date: null, rfc3339: false } : { date: new Date(parsed), rfc3339: false };
}

/** JavaScript rolls 2024-02-30 over to March; the DfE refuses it. */
function validCalendarDay(dateTime: string): boolean {
  const [year, month, day] = dateTime.slice(0, 10).split('-').map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

export const startOfUtcDay = (date: Date): Date => new Date(Math.floor(date.getTime() / DAY) * DAY);
export const startOfNextUtcDay = (date: Date): Date => new Date(startOfUtcDay(date).getTime() + DAY);

/** RFC 3339 to the second, in UTC, as the DfE prints times in messages. */
export const rfc3339Seconds = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;
