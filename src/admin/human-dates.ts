// Dates on the back office's pages as people read them: "5 December 2026" and "5 December 2026, 12:13pm",
// in UK time. Used by the generated lists and record pages (components/date-value.tsx), the custom pages
// and the server-rendered confirmation pages; files and the API keep their machine formats.
type DateInput = Date | string | number | null | undefined;

const LONDON = 'Europe/London';

const toDate = (value: DateInput): Date | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/** A calendar date stored as midnight UTC (a date of birth, a milestone) reads as that day wherever the reader is. */
const isUtcMidnight = (date: Date) => date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;

/** "5 December 2026"; a date-only value (a `YYYY-MM-DD` text or midnight UTC) is that calendar day. */
export function formatDate(value: DateInput): string {
  const date = toDate(value);
  if (!date) return '';
  const dayOnly = (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) || isUtcMidnight(date);
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: dayOnly ? 'UTC' : LONDON });
}

/** "5 December 2026, 12:13pm" in UK time. */
export function formatDateTime(value: DateInput): string {
  const date = toDate(value);
  if (!date) return '';
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: LONDON });
  const time = date.toLocaleTimeString('en-GB', { hour: 'numeric', minute: '2-digit', hourCycle: 'h12', timeZone: LONDON })
    .replace(/\s/g, '').toLowerCase();
  return `${day}, ${time}`;
}
